import Autograd
import Models
import NeuralNets
import QuantumSim
import Testing
import TestSupport

/// ResNet-18 as torchvision builds it: parameter counts (torchvision's published 11,689,512 for 1000 classes),
/// tensor names and order, initialisation, and both heads' Params* (AE-VQC Table 3).
@Suite struct ResNet18Tests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// torchvision's model card: resnet18 has 11,689,512 parameters (1000 classes); 62 tensors.
    @Test func torchvisionParameterCount() throws {
        var g = Generator(state: 1)
        let model = try ResNet18(classes: 1000, head: .pooled, generator: &g)
        #expect(model.parameters.reduce(0) { $0 + $1.tensor.data.count } == 11_689_512)
        #expect(model.parameters.count == 62)
        #expect(model.parameters.first?.name == "conv1.weight" && model.parameters.last?.name == "head.fc.bias")
        #expect(model.parameters.map(\.name).contains("layer2.0.downsample.0.weight"))
        #expect(!model.parameters.map(\.name).contains("layer1.0.downsample.0.weight"))
        // Per-block layout: 20 BatchNorms (bn1, 8 x 2 in blocks, 3 downsample) with 2 buffers each.
        #expect(model.buffers.count == 2 * 20)
    }

    /// Backbone 11,176,512 + head; ResNet-18_q on Croatian Fish (Ansatz 2, D = 1, 12 classes): 30 + 15 x 12 + 12 = 222.
    @Test func aeVQCHeadParameters() throws {
        var g = Generator(state: 2)
        let model = try ResNet18(classes: 12, head: .quantum(ansatz: .ansatz2, layers: 1), generator: &g)
        let head = model.parameters.filter { $0.name.hasPrefix("head.") }
        #expect(head.map(\.name) == ["head.vqc.weights", "head.fc.weight", "head.fc.bias"])
        #expect(head.reduce(0) { $0 + $1.tensor.data.count } == 222)
        #expect(model.parameters.reduce(0) { $0 + $1.tensor.data.count } == 11_176_512 + 222)
    }

    /// Convolutions kaiming-normal with fan-out (conv1: std sqrt(2 / (64 x 49)) = 0.02526 over 9,408 weights, sample
    /// std within 5 %, mean within 4 standard errors of 0); BatchNorm weight 1, bias 0; and the pooled forward pass
    /// gives one finite logit per class on 32 x 32 inputs (1 x 1 feature maps).
    @Test func initialisationAndForward() throws {
        var g = Generator(state: 3)
        let model = try ResNet18(classes: 5, head: .pooled, generator: &g)
        let w = model.conv1.weight.tensor.data.map(Double.init)
        let mean = w.reduce(0, +) / Double(w.count)
        let std = (w.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(w.count - 1)).squareRoot()
        let expected = (2.0 / (64.0 * 49.0)).squareRoot()
        #expect(abs(std / expected - 1) < 0.05)
        #expect(abs(mean) < 4 * expected / Double(w.count).squareRoot())
        for p in model.parameters where p.name.contains("bn") || p.name.contains("downsample.1") {
            #expect(p.tensor.data.allSatisfy { $0 == (p.name.hasSuffix("weight") ? 1 : 0) }, "\(p.name)")
        }
        model.setTraining(false)
        let images = Tensor(shape: [2, 3, 32, 32], data: (0..<(2 * 3 * 32 * 32)).map { Float(($0 * 37) % 101) / 101 - 0.5 })
        let logits = model.logits(images)
        #expect(logits.shape == [2, 5])
        #expect(logits.data.allSatisfy { $0.isFinite })
        #expect(model.features(images).shape == [2, 512, 1, 1])
    }
}
