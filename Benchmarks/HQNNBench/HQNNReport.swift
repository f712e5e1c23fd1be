import Autograd
import BenchSupport
import Foundation
import Models
import NeuralNets

/// What `hqnn-bench run` measures, as saved with `--json` and read back by `table`.
struct HQNNReport: Codable {
    var openBLASCore: String
    var parameters: Int
    var quantumParameters: Int
    var steps: Int
    /// Milliseconds per training step of each repetition, in run order.
    var stepMillisecondsPerRun: [Double]
    /// Process CPU milliseconds per step (all threads), median over the repetitions.
    var cpuMillisecondsPerStep: Double
    /// Most cores other processes used during a kept repetition, and how many were re-taken.
    var othersCoresMaximum: Double
    var retried: Int
    /// The quantum block alone (4 circuits on a [64, 20] batch), forward + adjoint backward, median ms.
    var quantumBlockMilliseconds: Double
    /// One real MNIST epoch, when `--epoch` was given and the data was found.
    var mnistEpoch: MNISTEpoch.Measurement?
    /// Why there is no `mnistEpoch` (not asked for, or the data was not found).
    var mnistEpochSkipped: String?

    var stepMilliseconds: Double { median(stepMillisecondsPerRun) }
    /// A 60,000-image epoch at this step time: 937.5 steps of 64, as the anchor extrapolates.
    var epochSeconds: Double { stepMilliseconds * 1e-3 * 60_000 / 64 }

    static let repetitions = 5

    /// Measures the training step (and, with `epochData`, one real epoch).
    static func measure(steps: Int, epochData: Result<MNISTEpoch.Data, Error>?) -> HQNNReport {
        var g = SplitMix64(state: 0)
        let model = hqnnParallelMNIST(&g)
        let count = model.parameterCount
        let step = measureStep(model, steps: steps, &g)
        let quantum = measureQuantumBlock(&g)
        var report = HQNNReport(openBLASCore: EngineProcess.openBLASCoreName, parameters: count.total,
                                quantumParameters: count.quantum, steps: steps,
                                stepMillisecondsPerRun: step.wall.map { $0 * 1e3 },
                                cpuMillisecondsPerStep: median(step.cpu) * 1e3,
                                othersCoresMaximum: step.others.max() ?? 0, retried: step.retried,
                                quantumBlockMilliseconds: quantum, mnistEpoch: nil, mnistEpochSkipped: nil)
        switch epochData {
        case nil:
            report.mnistEpochSkipped = "not asked for; run with --epoch"
        case let .failure(error):
            report.mnistEpochSkipped = "MNIST not loaded: \(error)"
        case let .success(data):
            do {
                report.mnistEpoch = try MNISTEpoch.train(data)
            } catch {
                report.mnistEpochSkipped = "epoch stopped: \(error)"
            }
        }
        return report
    }

    /// Training steps of `model` with Adam 1e-3 on 8 fixed random batches of 64 in [0, 1), cycled
    /// (as `hqnn_cnn_epoch.py` does with `torch.rand`): `repetitions` runs of `steps` steps after
    /// 5 warm-up steps, taken like the anchor's (`QuietMachine`). Seconds per step.
    static func measureStep(_ model: HQNNParallel, steps: Int, _ g: inout SplitMix64) -> QuietMachine.Samples {
        let optimizer = Adam(parameters: model.parameters, learningRate: 1e-3)
        let batches = LabelledImages.random(count: 8 * 64, imageShape: [1, 28, 28], classes: 10, &g).batches(of: 64)
        model.setTraining(true)
        return QuietMachine.stepSamples(repetitions, steps: steps, warmup: 5) { i in
            optimizer.zeroGrad()
            let loss = Tensor.crossEntropy(model.logits(batches[i % 8].images), targets: batches[i % 8].labels)
            loss.backward()
            optimizer.step()
        }
    }

    /// The quantum block of the model alone on a `[64, 20]` batch in [0, pi): forward and adjoint
    /// backward, median milliseconds of `repetitions` samples of 20 calls (no quiet-machine wait:
    /// a breakdown of the step, not a compared figure).
    static func measureQuantumBlock(_ g: inout SplitMix64) -> Double {
        let block = ParallelCircuits(circuit: .hqnnParallel(qubits: 5, layers: 3, entangling: true), count: 4,
                                     name: "qlayers", generator: &g)
        let x = Tensor(shape: [64, 20], data: (0..<(64 * 20)).map { _ in g.unit() * .pi }, requiresGrad: true)
        let upstream = (0..<(64 * 20)).map { _ in g.unit() - 0.5 }
        func call() { block(x).backward(gradient: upstream) }
        call()
        var times: [Double] = []
        for _ in 0..<repetitions {
            let start = wallSeconds()
            for _ in 0..<20 { call() }
            times.append((wallSeconds() - start) / 20 * 1e3)
        }
        return median(times)
    }
}
