import Autograd
import Foundation
import Models
import NeuralNets
import QuantumSim
import Testing
import TestSupport

/// MaxViT-T as torchvision 0.28 builds it: parameter count, tensor names, shapes and order against
/// `fixtures/torch/maxvit_t_names.json` (made by `fixtures/generators/torch_maxvit_names.py`), initialisation, the
/// stochastic depth schedule and stream, the heads' Params*, and the image sizes torchvision accepts.
@Suite struct MaxViTTests {
    struct Golden {
        let count: Int
        let parameters: [(String, [Int])]
        let buffers: [(String, [Int])]

        init() throws {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.url("torch/maxvit_t_names.json"))) as! [String: Any]
            func entries(_ key: String) -> [(String, [Int])] {
                (object[key] as! [[Any]]).map { ($0[0] as! String, $0[1] as! [Int]) }
            }
            count = object["parameter_count"] as! Int
            parameters = entries("parameters")
            buffers = entries("buffers")
        }
    }

    /// `sum(p.numel() for p in maxvit_t().parameters())` = 30,919,624 (torch 2.13, torchvision 0.28, 1000 classes;
    /// also the `num_params` of torchvision's MaxVit_T_Weights), 458 tensors. Our names are torchvision's with the
    /// classifier under `head.` (`classifier.3.weight` -> `head.classifier.3.weight`); the buffers are its BatchNorm
    /// running statistics (not `num_batches_tracked`, nor the fixed `relative_position_index`), then the stochastic
    /// depth state.
    @Test func torchvisionNamesShapesAndCount() throws {
        let golden = try Golden()
        var g = SplitMix64(seed: 1)
        let model = try MaxViT(classes: 1000, head: .pooled, generator: &g)
        #expect(golden.count == 30_919_624)
        #expect(model.parameters.reduce(0) { $0 + $1.count } == 30_919_624)
        let ours = model.parameters.map { ($0.name, $0.tensor.shape) }
        let theirs = golden.parameters.map { ($0.0.hasPrefix("classifier.") ? "head." + $0.0 : $0.0, $0.1) }
        #expect(ours.count == theirs.count && ours.count == 458)
        for (a, b) in zip(ours, theirs) where a.0 != b.0 || a.1 != b.1 {
            Issue.record("ours \(a) vs torchvision \(b)")
            break
        }
        let buffers = golden.buffers.filter { !$0.0.hasSuffix("num_batches_tracked") && !$0.0.hasSuffix("relative_position_index") }
        #expect(model.buffers.map(\.name) == buffers.map(\.0) + ["stochastic_depth.state"])
        #expect(model.buffers.dropLast().map(\.shape) == buffers.map(\.1))
    }

    /// Backbone 30,919,624 − 775,680 (classifier: LayerNorm 1,024 + Linear 262,656 + 512 x 1000) = 30,143,944; each
    /// head's tensors and count (Table 4's Params*, e.g. MaxViT-T_q on Croatian Fish: 15 + 15 x 512 + 512 + 512 x 12 + 12).
    @Test func heads() throws {
        func build(_ head: MaxViTHead.Kind, _ classes: Int) throws -> (names: [String], count: Int, total: Int) {
            var g = SplitMix64(seed: 2)
            let model = try MaxViT(classes: classes, head: head, generator: &g)
            let parameters = model.parameters.filter { $0.name.hasPrefix("head.") }
            return (parameters.map(\.name), parameters.reduce(0) { $0 + $1.count }, model.parameters.reduce(0) { $0 + $1.count })
        }
        let pooled = try build(.pooled, 12)
        #expect(pooled.names == ["head.classifier.2.weight", "head.classifier.2.bias", "head.classifier.3.weight",
                                 "head.classifier.3.bias", "head.classifier.5.weight"])
        #expect(pooled.count == 1024 + 262_656 + 512 * 12 && pooled.total == 30_143_944 + pooled.count)
        let hidden = try build(.quantum(ansatz: .ansatz1, layers: 1, classifier: .hidden(width: 512)), 12)
        #expect(hidden.names == ["head.vqc.weights", "head.classifier.0.weight", "head.classifier.0.bias",
                               "head.classifier.2.weight", "head.classifier.2.bias"])
        #expect(hidden.count == 15 + 15 * 512 + 512 + 512 * 12 + 12 && hidden.total == 30_143_944 + hidden.count)
        let linear = try build(.quantum(ansatz: .ansatz1, layers: 1, classifier: .linear), 3)
        #expect(linear.names == ["head.vqc.weights", "head.fc.weight", "head.fc.bias"] && linear.count == 15 + 15 * 3 + 3)
        let norm = try build(.quantum(ansatz: .ansatz1, layers: 3, classifier: .layerNormLinear), 2)
        #expect(norm.names == ["head.vqc.weights", "head.classifier.0.weight", "head.classifier.0.bias",
                             "head.classifier.1.weight", "head.classifier.1.bias"])
        #expect(norm.count == 45 + 30 + 15 * 2 + 2)
    }

    /// torchvision's `_init_weights`: convolution and Linear weights N(0, 0.02²) (sample std within 10 % on the
    /// 1,728 stem weights, 1 % on a 1M-weight MLP layer), their biases 0; norms weight 1, bias 0; the bias tables
    /// N(0, 0.02²); the stochastic depth probabilities np.linspace(0, 0.2, 11) over the layers in order.
    @Test func initialisationAndSchedule() throws {
        var g = SplitMix64(seed: 3)
        let model = try MaxViT(classes: 10, head: .pooled, generator: &g)
        func std(_ p: Parameter) -> Double {
            let v = p.tensor.data.map(Double.init)
            let mean = v.reduce(0, +) / Double(v.count)
            return (v.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(v.count - 1)).squareRoot()
        }
        let byName = Dictionary(uniqueKeysWithValues: model.parameters.map { ($0.name, $0) })
        #expect(abs(std(byName["stem.0.0.weight"]!) / 0.02 - 1) < 0.1)
        #expect(abs(std(byName["blocks.3.layers.1.layers.grid_attention.mlp_layer.1.weight"]!) / 0.02 - 1) < 0.01)
        let tables = model.parameters.filter { $0.name.hasSuffix("relative_position_bias_table") }
        #expect(tables.count == 22 && tables.map(\.tensor.shape) == [[169, 2]] * 4 + [[169, 4]] * 4 + [[169, 8]] * 10 + [[169, 16]] * 4)
        #expect(abs(std(tables.last!) / 0.02 - 1) < 0.1)
        for p in model.parameters where p.tensor.rank == 1 {
            let isNormWeight = p.name.hasSuffix("weight")  // rank-1 weights belong to BatchNorm and LayerNorm
            #expect(p.tensor.data.allSatisfy { $0 == (isNormWeight ? 1 : 0) }, "\(p.name)")
        }
        let expected = (0..<11).map { 0.2 * Double($0) / 10 }
        #expect(zip(model.layers.map(\.mbConv.stochasticDepth), expected).allSatisfy { abs($0 - $1) < 1e-15 })
        #expect(model.layers.allSatisfy { $0.windowAttention.stochasticDepth == $0.mbConv.stochasticDepth
                                          && $0.gridAttention.stochasticDepth == $0.mbConv.stochasticDepth })
        #expect(model.stemNorm.epsilon == 1e-3 && model.stemNorm.momentum == 0.01)
    }

    /// One training forward of 2 images at 224 x 224 with the AE-VQC head: [2, 5] finite logits; the stochastic depth
    /// stream (SplitMix64, each draw adds 0x9E3779B97F4A7C15 to the state) advances by one draw per sample and
    /// residual branch of the 10 layers with p > 0 (MBConv + 2 x (attention + MLP) = 5 per layer): 100 draws. An
    /// evaluation forward draws nothing and, with the same images, is repeatable bit for bit.
    @Test func forwardAndStochasticDepthStream() throws {
        var g = SplitMix64(seed: 4)
        let model = try MaxViT(classes: 5, head: .quantum(ansatz: .ansatz1, layers: 1, classifier: .linear), generator: &g)
        func state() -> UInt64 { model.dropPath.state.values.enumerated().reduce(0) { $0 | UInt64($1.element) << (16 * UInt64($1.offset)) } }
        var pixels = SplitMix64(seed: 5)
        let images = Tensor(shape: [2, 3, 224, 224], data: (0..<(2 * 3 * 224 * 224)).map { _ in Float(Double(pixels.next() >> 11) * 0x1p-53) * 2 - 1 })
        let before = state()
        let logits = model.logits(images)
        #expect(logits.shape == [2, 5] && logits.data.allSatisfy(\.isFinite))
        #expect(state() == before &+ 100 &* 0x9E37_79B9_7F4A_7C15)
        model.setTraining(false)
        let after = state()
        let a = model.logits(images), b = model.logits(images)
        #expect(state() == after && a.data == b.data && a.data.allSatisfy(\.isFinite))
        #expect(model.features(images).shape == [2, 512, 7, 7])
    }

    /// torchvision's check: after the stem and each block's stride 2 (3x3, padding 1: s -> (s − 1)/2 + 1) every side is a
    /// multiple of 7: 224 -> 112 -> 56, 28, 14, 7; 448 passes; 256 (-> 64, 32, 16, 8) is refused with one clear error.
    @Test func imageSizes() {
        #expect(MaxViT.blockSides(imageSize: 224) == [56, 28, 14, 7])
        #expect(MaxViT.blockSides(imageSize: 448) == [112, 56, 28, 14])
        var g = SplitMix64(seed: 6)
        #expect(throws: MaxViT.ImageSizeError.self) { try MaxViT(classes: 2, head: .pooled, imageSize: 256, generator: &g) }
        do {
            _ = try MaxViT(classes: 2, head: .pooled, imageSize: 256, generator: &g)
        } catch {
            #expect("\(error)".contains("256 x 256 gives block sides 64, 32, 16, 8"))
        }
    }

    /// torchvision's `_get_relative_position_index(7, 7)`: entry (i, j) = (yi − yj + 6)·13 + (xi − xj + 6); spot values
    /// from torch: [0][0] = 84 (the centre), [0][48] = 0, [48][0] = 168, [3][10] = 71.
    @Test func relativePositionIndex() {
        let index = RelativePositionalAttention.relativePositionIndex(7)
        #expect(index.count == 2401 && index[0] == 84 && index[48] == 0 && index[48 * 49] == 168 && index[3 * 49 + 10] == 71)
        #expect(Set(index).count == 169)
    }
}

private func * <T>(array: [T], count: Int) -> [T] { Array((0..<count).map { _ in array }.joined()) }
