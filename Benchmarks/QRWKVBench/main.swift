// Training-step time of the Vision-QRWKV models (the authors' code configuration: n_embd 64,
// 2 blocks, 8 qubits, depth 1) on batches of 64 8x8 grayscale images with AdamW (lr 1e-3,
// weight decay 0.01) and cross-entropy, against ../shared/anchors/vision_qrwkv_epoch.py,
// which measured 1024 ms (quantum) and 95 ms (classical) per step on this machine.
//
//   swift build -c release --product qrwkv-bench
//   .build/release/qrwkv-bench [steps] [classical|quantum]
//   (default 20 steps per timed sample, 3 samples, both models)
import Autograd
import Foundation
import Models
import NeuralNets

struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Float { Float(Double(next() >> 11) * 0x1p-53) }
}

#if os(Linux)
// Keep freed tensors' memory in the heap instead of returning it to the kernel: every step
// allocates the same few-MiB activations, and glibc's default (mmap per large block) turns
// that into page faults that cost as much as the arithmetic (measured: 1.25 s of system
// time in 33 classical steps with the defaults, 0.04 s with these settings).
@_silgen_name("mallopt") func mallopt(_ option: Int32, _ value: Int32) -> Int32
let M_TRIM_THRESHOLD: Int32 = -1, M_MMAP_THRESHOLD: Int32 = -3   // glibc's malloc.h
_ = mallopt(M_MMAP_THRESHOLD, 1 << 30)
_ = mallopt(M_TRIM_THRESHOLD, 1 << 30)
#endif

let steps = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 20 : 20
let batch = 64, side = 8, classes = 10
let anchorMilliseconds: [Bool: Double] = [false: 95, true: 1024]
let targetRatio: [Bool: Double] = [false: 0.5, true: 0.1]

var data = SplitMix64(state: 42)
// Standard-normal-ish pixels (sum of 4 uniforms, centred and scaled), like the anchor's randn.
let batches: [(Tensor, [Int])] = (0..<8).map { _ in
    let pixels = (0..<(batch * side * side)).map { _ -> Float in
        (data.unit() + data.unit() + data.unit() + data.unit() - 2) * 1.7320508
    }
    let labels = (0..<batch).map { _ in Int(data.next() % UInt64(classes)) }
    return (Tensor(shape: [batch, 1, side, side], data: pixels), labels)
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

let only = CommandLine.arguments.count > 2 ? CommandLine.arguments[2] : nil
for quantum in [false, true] where only == nil || only == (quantum ? "quantum" : "classical") {
    var init_ = SplitMix64(state: 0)
    let configuration = VisionQRWKVConfiguration.code(quantum: quantum)
    let model = VisionQRWKV(configuration, inputChannels: 1, classes: classes, generator: &init_)
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
    var samples: [Double] = []
    var loss: Float = 0
    for _ in 0..<3 {
        let start = DispatchTime.now().uptimeNanoseconds
        loss = train(steps)
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 / Double(steps))
    }
    let ms = median(samples)
    let name = quantum ? "quantum" : "classical"
    let ratio = ms / anchorMilliseconds[quantum]!
    let cost = VisionQRWKVCost(configuration, inputChannels: 1, classes: classes, tokens: side * side, batch: batch)
    print(String(format: "%@: %d parameters (%d circuit); train step B=%d: median %.2f ms over 3 x %d steps "
                 + "(samples %@); anchor %.0f ms; ratio %.3f (target <= %.2f: %@); last loss %.4f",
                 name, model.parameterCount.total, model.parameterCount.quantum, batch, ms, steps,
                 samples.map { String(format: "%.2f", $0) }.joined(separator: ", "),
                 anchorMilliseconds[quantum]!, ratio, targetRatio[quantum]!,
                 ratio <= targetRatio[quantum]! ? "met" : "NOT met", loss))
    print(String(format: "  estimate: %.3f GFLOP dense per step, %d circuit evaluations, %.3g amplitude updates",
                 cost.denseFlopsPerStep / 1e9, cost.circuitEvaluationsPerStep, cost.amplitudeUpdatesPerStep))
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
