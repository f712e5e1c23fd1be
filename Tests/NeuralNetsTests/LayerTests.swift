import Autograd
import NeuralNets
import Testing
import TestSupport

@Suite("Layers and parameters")
struct LayerTests {
    @Test("Linear(196, 10) has 196·10 + 10 = 1970 parameters, named fc.weight and fc.bias")
    func linearCount() {
        var g = SplitMix64(seed: 1)
        let fc = Linear(inFeatures: 196, outFeatures: 10, name: "fc", generator: &g)
        #expect(fc.parameterCount == ParameterCount(classical: 1970, quantum: 0))
        #expect(fc.parameters.map(\.name) == ["fc.weight", "fc.bias"])
        #expect(fc.parameters.allSatisfy { $0.tensor.requiresGrad && $0.kind == .classical })
        let noBias = Linear(inFeatures: 196, outFeatures: 10, bias: false, name: "head", generator: &g)
        #expect(noBias.parameterCount.total == 1960)
        #expect(noBias.parameters.map(\.name) == ["head.weight"])
    }

    @Test("HQNN CNN1 / CNN4 counts: Conv2d(1, C, 2) has 4C + C, Linear(49C, 10) has 490C + 10")
    func cnnCounts() {
        var g = SplitMix64(seed: 2)
        for channels in [1, 4] {
            let conv = Conv2d(inChannels: 1, outChannels: channels, kernelSize: 2, stride: 2, name: "conv", generator: &g)
            let fc = Linear(inFeatures: 49 * channels, outFeatures: 10, name: "fc", generator: &g)
            #expect(conv.parameterCount.total == 5 * channels)
            #expect(conv.parameters.map(\.name) == ["conv.weight", "conv.bias"])
            #expect(ParameterCount(conv.parameters + fc.parameters).total == 5 * channels + 490 * channels + 10)
        }
    }

    @Test("parameter counts split by kind")
    func countsByKind() {
        final class Hybrid: Layer {
            let fc: Linear
            let angles = Parameter(name: "quanv.weights", tensor: Tensor(zeros: [4]), kind: .quantum)
            init(generator: inout some RandomNumberGenerator) {
                fc = Linear(inFeatures: 196, outFeatures: 10, name: "fc", generator: &generator)
            }
            var parameters: [Parameter] { [angles] + fc.parameters }
        }
        var g = SplitMix64(seed: 3)
        let model = Hybrid(generator: &g)
        #expect(model.parameterCount == ParameterCount(classical: 1970, quantum: 4))
        #expect(model.parameterCount.total == 1974)
    }

    @Test("Linear layer computes x·Wᵀ + b from its own parameters (checked element by element)")
    func linearForward() {
        var g = SplitMix64(seed: 4)
        let fc = Linear(inFeatures: 3, outFeatures: 2, name: "fc", generator: &g)
        let x = Tensor(shape: [2, 3], data: [1, 2, 3, -1, 0.5, 0])
        let y = fc(x)
        let w = fc.weight.tensor.data, b = fc.bias!.tensor.data
        var expected = [Float]()
        for n in 0..<2 {
            for o in 0..<2 {
                expected.append((0..<3).reduce(b[o]) { $0 + x.data[n * 3 + $1] * w[o * 3 + $1] })
            }
        }
        expectClose(y.data, expected, rel: 1e-6, abs: 1e-6, "fc(x)")
    }

    @Test("Conv2d layer on 14×14 images, kernel 2, stride 2: [N, 4, 7, 7], each output a 2×2 patch dot product")
    func convForward() {
        var g = SplitMix64(seed: 5)
        let conv = Conv2d(inChannels: 1, outChannels: 4, kernelSize: 2, stride: 2, name: "conv", generator: &g)
        let x = Tensor(shape: [3, 1, 14, 14], data: (0..<588).map { Float($0 % 97) / 97 })
        let y = conv(x)
        #expect(y.shape == [3, 4, 7, 7])
        // Output (n=2, o=3, row 4, column 5) reads pixels (8, 10), (8, 11), (9, 10), (9, 11) of image 2.
        let w = conv.weight.tensor.data, b = conv.bias!.tensor.data
        let pixel = { (r: Int, c: Int) in x.data[2 * 196 + r * 14 + c] }
        let expected = b[3] + w[12] * pixel(8, 10) + w[13] * pixel(8, 11) + w[14] * pixel(9, 10) + w[15] * pixel(9, 11)
        expectClose([y.data[((2 * 4 + 3) * 7 + 4) * 7 + 5]], [expected], rel: 1e-6, abs: 1e-6, "conv output")
    }

    @Test("gradients reach the layer parameters through a small CNN")
    func gradientsReachParameters() {
        var g = SplitMix64(seed: 6)
        let conv = Conv2d(inChannels: 1, outChannels: 4, kernelSize: 2, stride: 2, name: "conv", generator: &g)
        let fc = Linear(inFeatures: 196, outFeatures: 10, name: "fc", generator: &g)
        let x = Tensor(shape: [2, 1, 14, 14], data: (0..<392).map { Float($0 % 13) / 13 })
        let loss = Tensor.crossEntropy(fc(conv(x).flattened(fromAxis: 1)), targets: [3, 7])
        loss.backward()
        for p in conv.parameters + fc.parameters {
            #expect(p.tensor.grad?.count == p.count, "\(p.name)")
            #expect(p.tensor.grad?.contains { $0 != 0 } == true, "\(p.name)")
        }
    }
}
