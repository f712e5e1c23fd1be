import Autograd
import Foundation
import NeuralNets
import Testing
import TestSupport

@Suite("Sequential, modes, validation, checkpoints")
struct ModelBuildingTests {
    @Test("the HQNN CNN has PyTorch's parameter count: 416 + 32 + 12 832 + 64 + 31 380 + 40 + 210 = 44 974")
    func parameterCount() throws {
        let model = hqnnCNN()
        #expect(model.parameterCount.classical == 44_974)
        #expect(try model.outputShape(for: [64, 1, 28, 28]) == [64, 10])
    }

    @Test("invalid inputs throw a LayerError naming the layer and the shapes")
    func validation() {
        let model = hqnnCNN()
        #expect(throws: LayerError(layer: "conv1 (Conv2d)", "input [8, 3, 28, 28] has 3 channels, expected 1")) {
            try model.outputShape(for: [8, 3, 28, 28])
        }
        // 14×14 input: after two 2×2 pools 3×3×32 = 288 features reach fc1, which wants 1568.
        #expect(throws: LayerError(layer: "fc1 (Linear)", "input [8, 288] must end in 1568 features")) {
            try model.outputShape(for: [8, 1, 14, 14])
        }
        var g = SplitMix64(seed: 1)
        let conv = Conv2d(inChannels: 1, outChannels: 2, kernelSize: 5, name: "c", generator: &g)
        #expect(throws: LayerError(layer: "c (Conv2d)", "kernel 5x5 (dilation 1) is larger than the input [1, 1, 4, 4] padded by 0")) {
            try conv.checked(Tensor(zeros: [1, 1, 4, 4]))
        }
        #expect(throws: LayerError.self) { try BatchNorm(features: 3, name: "bn").outputShape(for: [1, 3]) }
    }

    @Test("setTraining(false) reaches nested BatchNorm layers, which then use and keep the running statistics")
    func modes() {
        let bn = BatchNorm(features: 2, name: "bn")
        let model = Sequential(name: "outer", [Sequential(name: "inner", [bn])])
        let x = Tensor(shape: [2, 2], data: [1, 2, 3, 6])
        _ = model(x)
        // Batch means 2 and 4, unbiased variances 2 and 8: r = 0.9·(0, 1) + 0.1·(2, 4) and 0.9·(1, 1) + 0.1·(2, 8).
        expectClose(bn.runningMean.values, [0.2, 0.4], rel: 1e-6, abs: 0, "running mean")
        expectClose(bn.runningVariance.values, [1.1, 1.7], rel: 1e-6, abs: 0, "running variance")
        model.setTraining(false)
        #expect(!bn.isTraining)
        let y = model(x)
        // Eval: (x − r_mean)/√(r_var + 1e-5): (1 − 0.2)/√1.10001 for the first element.
        expectClose([y.data[0]], [Float(0.8 / (1.10001).squareRoot())], rel: 1e-6, abs: 0, "eval output")
        expectClose(bn.runningMean.values, [0.2, 0.4], rel: 1e-6, abs: 0, "unchanged in eval")
    }

    @Test("checkpoints round-trip parameters and buffers bit for bit, and reject a shape mismatch naming the tensor")
    func checkpoint() throws {
        let source = hqnnCNN()
        _ = source(Tensor(shape: [2, 1, 28, 28], data: (0..<1568).map { Float($0 % 7) }))  // moves running stats
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qreport-checkpoint-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Checkpoint.save(source, to: url)
        let target = hqnnCNN(seed: 99)
        #expect(target.parameters[0].tensor.data != source.parameters[0].tensor.data)
        try Checkpoint.load(url, into: target)
        #expect(target.parameters.map(\.tensor.data) == source.parameters.map(\.tensor.data))
        #expect(target.buffers.map(\.values) == source.buffers.map(\.values))
        #expect(source.buffers.count == 6 && source.buffers[0].values != [Float](repeating: 0, count: 16))

        var g = SplitMix64(seed: 98)
        let other = Sequential(name: "small", [Linear(inFeatures: 3, outFeatures: 2, name: "conv1", generator: &g)])
        #expect(throws: CheckpointError.self) { try Checkpoint.load(url, into: other) }
        do { try Checkpoint.load(url, into: other) } catch let error as CheckpointError {
            #expect(error.message == "tensor conv1.weight has shape [16, 1, 5, 5] (1600 bytes), the model needs [2, 3]")
        }
    }

    @Test("Embedding looks rows up and rejects an index out of range with a LayerError")
    func embedding() throws {
        var g = SplitMix64(seed: 5)
        let table = Embedding(count: 4, dimension: 3, name: "emb", generator: &g)
        let y = try table([2, 0], shape: [2])
        #expect(y.shape == [2, 3])
        #expect(Array(y.data[0..<3]) == Array(table.weight.tensor.data[6..<9]))
        #expect(throws: LayerError(layer: "emb (Embedding)", "index 4 outside 0..<4")) { try table([4], shape: [1]) }
        // Box-Muller values: mean ≈ 0 and variance ≈ 1 over many draws.
        let big = Embedding(count: 1000, dimension: 10, name: "big", generator: &g).weight.tensor.data
        let mean = big.reduce(0, +) / 10_000, variance = big.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 10_000
        #expect(abs(mean) < 0.04 && abs(variance - 1) < 0.05)  // sd of the mean 0.01, of the variance ≈ 0.014
    }
}
