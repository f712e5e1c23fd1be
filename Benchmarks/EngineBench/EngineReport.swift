import Autograd
import BenchSupport
import CBLAS
import Foundation
import NeuralNets

/// What `engine-bench run` measures, as saved with `--json` and read back by `table`.
struct EngineReport: Codable {
    /// One matrix product shape, through `Tensor.matmul` and through a bare `cblas_sgemm`.
    struct SGEMMCase: Codable {
        var name: String
        var m: Int, k: Int, n: Int
        /// BLAS threads `BLASThreads` picks for this size (the bare call uses the same).
        var threads: Int
        var matmulGFLOPS: Double
        var rawGFLOPS: Double
    }

    var openBLASCore: String
    var openBLASConfiguration: String
    var steps: Int
    /// Milliseconds per training step of each repetition, in run order.
    var stepMillisecondsPerRun: [Double]
    /// Process CPU milliseconds per step (all threads), median over the repetitions.
    var cpuMillisecondsPerStep: Double
    /// Most cores other processes used during a kept CNN repetition, and how many were re-taken.
    var othersCoresMaximum: Double
    var retried: Int
    var sgemm: [SGEMMCase]

    var stepMilliseconds: Double { median(stepMillisecondsPerRun) }
    /// A 60,000-image epoch at this step time: 937.5 steps of 64.
    var epochSeconds: Double { stepMilliseconds * 1e-3 * 60_000 / 64 }

    static let repetitions = 5

    static func measure(steps: Int) -> EngineReport {
        var g = SplitMix64(state: 0)
        let cnn = measureCNN(steps: steps, &g)
        let shapes: [(String, Int, Int, Int)] = [
            ("4096x768x3072 (reference)", 4096, 768, 3072),
            ("conv2 forward, one image: 32x400 · 400x196", 32, 400, 196),
            ("conv1 forward, one image: 16x25 · 25x784", 16, 25, 784),
            ("fc1 forward: 64x1568 · 1568x20", 64, 1568, 20),
        ]
        let sgemm = shapes.map { measureSGEMM(name: $0.0, m: $0.1, k: $0.2, n: $0.3, &g) }
        return EngineReport(openBLASCore: EngineProcess.openBLASCoreName,
                            openBLASConfiguration: EngineProcess.openBLASConfiguration,
                            steps: steps, stepMillisecondsPerRun: cnn.wall.map { $0 * 1e3 },
                            cpuMillisecondsPerStep: median(cnn.cpu) * 1e3, othersCoresMaximum: cnn.others.max() ?? 0,
                            retried: cnn.retried, sgemm: sgemm)
    }

    /// Training steps of the CNN with Adam 1e-3 on 8 fixed random batches of 64, cycled (as
    /// the PyTorch anchor does): `repetitions` runs of `steps` steps after 5 warm-up steps,
    /// taken like the anchor's (`QuietMachine`). Seconds per step.
    static func measureCNN(steps: Int, _ g: inout SplitMix64) -> QuietMachine.Samples {
        let model = hqnnCNN(&g)
        let optimizer = Adam(parameters: model.parameters, learningRate: 1e-3)
        let batches = LabelledImages.random(count: 8 * 64, imageShape: [1, 28, 28], classes: 10, &g).batches(of: 64)
        return QuietMachine.stepSamples(repetitions, steps: steps, warmup: 5) { i in
            optimizer.zeroGrad()
            let loss = Tensor.crossEntropy(model(batches[i % 8].images), targets: batches[i % 8].labels)
            loss.backward()
            optimizer.step()
        }
    }

    /// GFLOP/s of `[m, k] · [k, n]` through `Tensor.matmul` (allocation and graph bookkeeping
    /// included) and through `cblas_sgemm` into a preallocated matrix with the same thread
    /// count, interleaved, median of `repetitions` rounds of at least 2 calls and about 2·10¹⁰ flops.
    static func measureSGEMM(name: String, m: Int, k: Int, n: Int, _ g: inout SplitMix64) -> SGEMMCase {
        let a = Tensor(shape: [m, k], data: (0..<(m * k)).map { _ in g.unit() })
        let b = Tensor(shape: [k, n], data: (0..<(k * n)).map { _ in g.unit() })
        let flops = 2 * m * n * k, threads = BLASThreads.count(forFlops: flops)
        let calls = max(2, Int(2e10 / Double(flops)))
        var c = [Float](repeating: 0, count: m * n)
        func raw() {
            openblas_set_num_threads(Int32(threads))
            c.withUnsafeMutableBufferPointer { pc in
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k),
                            1, a.data, Int32(k), b.data, Int32(n), 0, pc.baseAddress!, Int32(n))
            }
            openblas_set_num_threads(1)
        }
        _ = Tensor.matmul(a, b)
        raw()
        QuietMachine.waitQuiet()
        var matmulTimes: [Double] = [], rawTimes: [Double] = []
        for _ in 0..<repetitions {
            var start = wallSeconds()
            for _ in 0..<calls { _ = Tensor.matmul(a, b) }
            matmulTimes.append((wallSeconds() - start) / Double(calls))
            start = wallSeconds()
            for _ in 0..<calls { raw() }
            rawTimes.append((wallSeconds() - start) / Double(calls))
        }
        return SGEMMCase(name: name, m: m, k: k, n: n, threads: threads,
                         matmulGFLOPS: Double(flops) / median(matmulTimes) * 1e-9,
                         rawGFLOPS: Double(flops) / median(rawTimes) * 1e-9)
    }
}
