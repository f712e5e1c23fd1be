// Training-step time of the Vision-QRWKV models (the authors' code configuration: n_embd 64,
// 2 blocks, 8 qubits, depth 1) on batches of 64 8x8 grayscale images with AdamW (lr 1e-3,
// weight decay 0.01) and cross-entropy, against ../shared/anchors/vision_qrwkv_epoch.py (the
// authors' model in PyTorch + PennyLane): recorded on this machine at 1024 ms (quantum) and 95 ms
// (classical) per step; `--anchor` re-runs it here, after our timings, for a same-session ratio.
// Targets (issue 7): quantum at most 1/10 of the anchor's step, classical at most 1/2.
//
//   swift build -c release --product qrwkv-bench
//   .build/release/qrwkv-bench [--steps N] [--models classical,quantum] [--anchor]
//                              [--python PATH] [--anchor-script PATH]
//   (default 20 steps per timed sample, 3 samples, both models; --anchor uses
//    $HOME/.venvs/qml-anchor/bin/python and ../shared/anchors/vision_qrwkv_epoch.py)
//   .build/release/qrwkv-bench --variant paper-text [--steps N] [--samples N] [--models ...] [--anchor]
//                              [--python PATH] [--anchor-script PATH]
//   (the paper-text configuration, n_embd 768, 4 blocks, 4 qubits, depth 2, with Adam, against
//    Benchmarks/anchors/vision_qrwkv_paper_text_step.py; see PaperTextBench)
import Autograd
import BenchSupport
import Foundation
import Models
import NeuralNets

// The same process setup as `qreport` (OpenBLAS's AVX-512 kernels, allocator settings, huge
// pages; see `EngineProcess`): re-executes this benchmark once with the variables set, so the
// timings are those of a real training run.
EngineProcess.prepare()

// `--variant paper-text`: the paper's-text configuration against its own anchor (PaperTextBench).
if let variant = try? BenchSupport.option("--variant", in: Array(CommandLine.arguments.dropFirst())) {
    guard variant == "paper-text" else {
        FileHandle.standardError.write(Data("qrwkv-bench: unknown --variant '\(variant)'; expected paper-text\n".utf8))
        exit(2)
    }
    do {
        try PaperTextBench.run(PaperTextBench.options(Array(CommandLine.arguments.dropFirst())))
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(2)
    }
}

// Command line.
let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? { try? BenchSupport.option(name, in: arguments) }
let steps = option("--steps").flatMap { Int($0) } ?? 20
let models = (option("--models") ?? "classical,quantum").split(separator: ",").map(String.init)
let runAnchor = arguments.contains("--anchor")
let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
let python = option("--python") ?? "\(home)/.venvs/qml-anchor/bin/python"
let anchorScript = option("--anchor-script") ?? {
    // ../shared/anchors beside the checkout (the working directory is the checkout's root under `make bench`).
    let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    return cwd.deletingLastPathComponent().appendingPathComponent("shared/anchors/vision_qrwkv_epoch.py").path
}()

let batch = 64, side = 8, classes = 10
/// reference-implementations / anchors-performance.md section 6.1: median ms per training step on this machine.
let recordedAnchor: [String: Double] = ["classical": 95, "quantum": 1024]
let targetRatio: [String: Double] = ["classical": 0.5, "quantum": 0.1]

var data = SplitMix64(state: 42)
// Standard-normal-ish pixels (sum of 4 uniforms, centred and scaled), like the anchor's randn.
let batches: [(Tensor, [Int])] = (0..<8).map { _ in
    let pixels = (0..<(batch * side * side)).map { _ -> Float in
        (data.unit() + data.unit() + data.unit() + data.unit() - 2) * 1.7320508
    }
    let labels = (0..<batch).map { _ in Int(data.next() % UInt64(classes)) }
    return (Tensor(shape: [batch, 1, side, side], data: pixels), labels)
}


/// CPU time of the whole process (all threads) so far: a steadier measure of the work done than
/// wall time on a machine shared with other jobs.
func processCPUMilliseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
}

var ours: [String: Double] = [:]
for name in models {
    let quantum = name == "quantum"
    var initialisation = SplitMix64(state: 0)
    let configuration = VisionQRWKVConfiguration.code(quantum: quantum)
    let model = VisionQRWKV(configuration, inputChannels: 1, classes: classes, generator: &initialisation)
    let optimizer = AdamW(parameters: model.parameters, learningRate: 1e-3, weightDecay: 0.01)
    var step = 0
    func train(_ n: Int) -> Float {
        var last: Float = 0
        for _ in 0..<n {
            let (images, labels) = batches[step % batches.count]
            step += 1
            optimizer.zeroGrad()
            let loss = Tensor.crossEntropy(model.logits(images), targets: labels)
            loss.backward()
            optimizer.step()
            last = loss.item()
        }
        return last
    }
    _ = train(3)
    var samples: [Double] = [], cpuSamples: [Double] = []
    var loss: Float = 0
    for _ in 0..<3 {
        let start = DispatchTime.now().uptimeNanoseconds, cpuStart = processCPUMilliseconds()
        loss = train(steps)
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 / Double(steps))
        cpuSamples.append((processCPUMilliseconds() - cpuStart) / Double(steps))
    }
    ours[name] = median(samples)
    let cost = VisionQRWKVCost(configuration, inputChannels: 1, classes: classes, tokens: side * side, batch: batch)
    print(String(format: "%@: %d parameters (%d circuit); train step B=%d: median %.2f ms over 3 x %d steps (samples %@); "
                 + "CPU time (all threads) %.2f ms per step; last loss %.4f",
                 name, model.parameterCount.total, model.parameterCount.quantum, batch, ours[name]!, steps,
                 samples.map { String(format: "%.2f", $0) }.joined(separator: ", "), median(cpuSamples), loss))
    print(String(format: "  estimate: %.3f GFLOP dense per step, %d circuit evaluations, %.3g amplitude updates; "
                 + "a 30-epoch MNIST run (28,125 steps): %.2f h",
                 cost.denseFlopsPerStep / 1e9, cost.circuitEvaluationsPerStep, cost.amplitudeUpdatesPerStep,
                 ours[name]! * 28_125 / 3.6e6))
}

var anchor = recordedAnchor
var anchorSource = "recorded in anchors-performance.md section 6.1"
if runAnchor {
    print("running the anchor: \(python) \(anchorScript) --models \(models.joined(separator: ",")) --no-eval")
    fflush(stdout)   // our lines first: the anchor writes to the same stdout
    switch AnchorRun.trainingStepMilliseconds(python: python, script: anchorScript, models: models) {
    case let .success(measured):
        for (name, ms) in measured { anchor[name] = ms }
        anchorSource = "measured now by \(URL(fileURLWithPath: anchorScript).lastPathComponent)"
    case let .failure(error):
        print("anchor not run (\(error)); comparing with the recorded figures")
    }
}

print("training step, batch 64 of 8x8, AdamW; OpenBLAS core \(EngineProcess.openBLASCoreName); anchor \(anchorSource):")
print("| model | qreport ms | anchor ms | ratio | target | met |")
print("| --- | --- | --- | --- | --- | --- |")
for name in models {
    guard let mine = ours[name], let theirs = anchor[name] else { continue }
    let ratio = mine / theirs
    print(String(format: "| %@ | %.2f | %.1f | %.3f | <= %.2f | %@ |", name, mine, theirs, ratio, targetRatio[name]!,
                 ratio <= targetRatio[name]! ? "yes" : "NO"))
}

for quantum in [false, true] {
    let cost = VisionQRWKVCost(.paperText(quantum: quantum), inputChannels: 1, classes: classes, tokens: 64, batch: batch)
    print(String(format: "paper-text %@ (estimate only): %d parameters (%d circuit), %.1f GFLOP dense per step, %d circuit evaluations",
                 quantum ? "quantum" : "classical", cost.totalParameters, cost.quantumParameters,
                 cost.denseFlopsPerStep / 1e9, cost.circuitEvaluationsPerStep))
}

// The fused WKV op alone on one block's shape, [64, 64, 64], forward and backward.
do {
    var g = SplitMix64(state: 7)
    let count = batch * 64 * 64
    let k = Tensor(shape: [batch, 64, 64], data: (0..<count).map { _ in g.unit() * 4 - 2 }, requiresGrad: true)
    let v = Tensor(shape: [batch, 64, 64], data: (0..<count).map { _ in g.unit() * 2 - 1 }, requiresGrad: true)
    let decay = Tensor(shape: [64], data: (0..<64).map { i in -5 + 8 * Float(i) / 63 }, requiresGrad: true)
    let first = Tensor(shape: [64], data: [Float](repeating: -3, count: 64), requiresGrad: true)
    let upstream = (0..<count).map { _ in g.unit() - 0.5 }
    var forward: [Double] = [], total: [Double] = []
    for _ in 0..<20 {
        let start = DispatchTime.now().uptimeNanoseconds
        let y = Tensor.wkv(key: k, value: v, timeDecay: decay, timeFirst: first)
        let middle = DispatchTime.now().uptimeNanoseconds
        y.backward(gradient: upstream)
        let end = DispatchTime.now().uptimeNanoseconds
        forward.append(Double(middle - start) / 1e6)
        total.append(Double(end - start) / 1e6)
    }
    print(String(format: "WKV [64, 64, 64]: forward %.3f ms, forward + backward %.3f ms (medians of 20)",
                 median(forward), median(total)))
}
