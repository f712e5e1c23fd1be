import Autograd
import NeuralNets
import Testing
import TestSupport

/// Every layer rejects an input it cannot handle with a `LayerError` naming the layer (name
/// and type) and the shapes, through `outputShape(for:)` and `checked(_:)`, before any op runs.
@Suite("layer errors")
struct LayerErrorTests {
    static func error(_ layer: any UnaryLayer, _ shape: [Int]) -> String? {
        do {
            _ = try layer.outputShape(for: shape)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("each layer's message for a wrong rank, channel count, feature count or a kernel larger than its input")
    func messages() {
        var g = SplitMix64(seed: 1)
        let conv = Conv2d(inChannels: 1, outChannels: 4, kernelSize: 5, padding: 1, name: "conv1", generator: &g)
        #expect(Self.error(conv, [1, 28, 28]) == "conv1 (Conv2d): input [1, 28, 28] must be [N, 1, H, W]")
        #expect(Self.error(conv, [2, 3, 28, 28]) == "conv1 (Conv2d): input [2, 3, 28, 28] has 3 channels, expected 1")
        #expect(Self.error(conv, [2, 1, 2, 9]) == "conv1 (Conv2d): kernel 5x5 (dilation 1) is larger than the input [2, 1, 2, 9] padded by 1")
        let pool = MaxPool2d(kernel: 3, name: "pool")
        #expect(Self.error(pool, [4, 16, 14]) == "pool (MaxPool2d): input [4, 16, 14] must be [N, C, H, W]")
        #expect(Self.error(pool, [4, 16, 2, 14]) == "pool (MaxPool2d): kernel 3x3 is larger than the input [4, 16, 2, 14] padded by 0")
        let norm = BatchNorm(features: 3, name: "bn")
        #expect(Self.error(norm, [4, 5, 2]) == "bn (BatchNorm): input [4, 5, 2] must be [N, 3, ...]")
        #expect(Self.error(norm, [1, 3]) == "bn (BatchNorm): input [1, 3] has 1 value per channel; training needs more than 1")
        norm.setTraining(false)
        #expect(Self.error(norm, [1, 3]) == nil)  // evaluation uses the running statistics
        let layerNorm = LayerNorm(features: 4, name: "ln")
        #expect(Self.error(layerNorm, [2, 5]) == "ln (LayerNorm): input [2, 5] must end in 4 features")
        let linear = Linear(inFeatures: 1568, outFeatures: 20, name: "fc1", generator: &g)
        #expect(Self.error(linear, [8, 288]) == "fc1 (Linear): input [8, 288] must end in 1568 features")
        #expect(Self.error(Flatten(name: "flat"), []) == "flat (Flatten): input [] needs a batch axis")
        #expect(Self.error(Activation(.softmax, name: "soft"), [3, 0]) == "soft (Activation): input [3, 0] needs a non-empty last axis")
        #expect(Self.error(Activation(.relu, name: "relu"), [3, 0]) == nil)
    }

    @Test("a model's check names the first layer that rejects the shape it receives there")
    func sequential() throws {
        var g = SplitMix64(seed: 2)
        let model = Sequential(name: "m", [
            Conv2d(inChannels: 1, outChannels: 2, kernelSize: 3, name: "c1", generator: &g),
            MaxPool2d(kernel: 2, name: "p1"),
            Conv2d(inChannels: 2, outChannels: 2, kernelSize: 3, name: "c2", generator: &g),
        ])
        // 6x6 → conv 3x3 → 4x4 → pool → 2x2, too small for c2's 3x3 kernel.
        #expect(throws: LayerError(layer: "c2 (Conv2d)", "kernel 3x3 (dilation 1) is larger than the input [1, 2, 2, 2] padded by 0")) {
            try model.checked(Tensor(zeros: [1, 1, 6, 6]))
        }
        #expect(try model.checked(Tensor(zeros: [1, 1, 8, 8])).shape == [1, 2, 1, 1])
    }
}
