// Engine benchmark (issue 4): training-step time of the HQNN-Parallel classical CNN on
// 28x28 batches of 64 with Adam, and sgemm throughput through Tensor.matmul.
// Release build only; see Benchmarks/README.md.
import Autograd
import Foundation
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
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) * 1e-9 }

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

func cnn(_ g: inout SplitMix64) -> Sequential {
    Sequential(name: "cnn", [
        Conv2d(inChannels: 1, outChannels: 16, kernelSize: 5, padding: 2, name: "conv1", generator: &g),
        BatchNorm(features: 16, name: "bn1"), Activation(.relu, name: "relu1"), MaxPool2d(kernel: 2, name: "pool1"),
        Conv2d(inChannels: 16, outChannels: 32, kernelSize: 5, padding: 2, name: "conv2", generator: &g),
        BatchNorm(features: 32, name: "bn2"), Activation(.relu, name: "relu2"), MaxPool2d(kernel: 2, name: "pool2"),
        Flatten(name: "flatten"),
        Linear(inFeatures: 1568, outFeatures: 20, name: "fc1", generator: &g),
        BatchNorm(features: 20, name: "bn3"), Activation(.relu, name: "relu3"),
        Linear(inFeatures: 20, outFeatures: 10, name: "fc2", generator: &g),
    ])
}

let arguments = CommandLine.arguments
let steps = arguments.count > 1 ? Int(arguments[1]) ?? 200 : 200
let repetitions = 3
var g = SplitMix64(state: 0)

// CNN training steps: 8 fixed random batches, cycled (as the PyTorch anchor does).
let model = cnn(&g)
let optimizer = Adam(parameters: model.parameters, learningRate: 1e-3)
let batches = (0..<8).map { _ in
    Tensor(shape: [64, 1, 28, 28], data: (0..<(64 * 784)).map { _ in Float(Double(g.next() >> 11) * 0x1p-53) })
}
let labels = (0..<8).map { _ in (0..<64).map { _ in Int(g.next() % 10) } }
func train(_ count: Int) {
    for i in 0..<count {
        optimizer.zeroGrad()
        let loss = Tensor.crossEntropy(model(batches[i % 8]), targets: labels[i % 8])
        loss.backward()
        optimizer.step()
    }
}
train(5)  // warm-up
var stepTimes: [Double] = []
for _ in 0..<repetitions {
    let start = now()
    train(steps)
    stepTimes.append((now() - start) / Double(steps))
}
let step = median(stepTimes)
print(String(format: "cnn_train_step_ms %.3f  (median of %d x %d steps, batch 64; epoch of 60000 extrapolated: %.1f s)",
             step * 1e3, repetitions, steps, step * 60000 / 64))

// sgemm through Tensor.matmul: the large reference shape and the model's own products.
let shapes: [(String, Int, Int, Int)] = [
    ("4096x768x3072", 4096, 768, 3072),
    ("conv2 fwd 32x25088x400 (im2col, batch 64)", 32, 64 * 196, 400),
    ("fc1 fwd 64x1568x20", 64, 1568, 20),
]
for (name, m, k, n) in shapes {
    let a = Tensor(shape: [m, k], data: (0..<(m * k)).map { _ in Float(Double(g.next() >> 11) * 0x1p-53) })
    let b = Tensor(shape: [k, n], data: (0..<(k * n)).map { _ in Float(Double(g.next() >> 11) * 0x1p-53) })
    let calls = max(1, Int(2e10 / Double(2 * m * n * k)))
    _ = Tensor.matmul(a, b)
    var times: [Double] = []
    for _ in 0..<repetitions {
        let start = now()
        for _ in 0..<calls { _ = Tensor.matmul(a, b) }
        times.append((now() - start) / Double(calls))
    }
    print(String(format: "sgemm %@ GFLOP/s %.1f", name, Double(2 * m * n * k) / median(times) * 1e-9))
}
