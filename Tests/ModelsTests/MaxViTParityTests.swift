import Autograd
import Models
import NeuralNets
import Testing
import TestSupport

/// MaxViT-T with both heads against torchvision 0.28 `maxvit_t` on torch 2.13 CPU (and PennyLane 0.45.1 for the
/// AE-VQC circuit): `fixtures/torch/aevqc_maxvit_t_{pooled,quantum}.json` from
/// `fixtures/generators/torch_aevqc_backbones.py`. Every parameter is set to the generator's hashed values, one
/// training-mode forward and backward pass runs at batch 2, 3 x 224 x 224 (torch in float64, ours in float32), with stochastic depth probability 0 (as the
/// generator sets every `StochasticDepth` module's p), and the backbone's output, the logits, the loss, every
/// parameter gradient and every BatchNorm running statistic must agree within `Tolerance.torchvisionParityRelative`,
/// each against its own scale (see `TorchvisionParityGolden.Stats`).
@Suite struct MaxViTParityTests {
    @Test func pooledHeadMatchesTorchvision() throws {
        try check("aevqc_maxvit_t_pooled", head: .pooled)
    }

    /// Croatian Fish's / Aircraft's MaxViT-T_q head (Ansatz 1, D = 1, Linear(15, 512), Tanh, Linear(512, C)), 3 classes.
    @Test func aeVQCHeadMatchesTorchvisionAndPennyLane() throws {
        try check("aevqc_maxvit_t_quantum", head: .quantum(ansatz: .ansatz1, layers: 1, classifier: .hidden(width: 512)))
    }

    /// The golden's name for one of our tensors: torchvision's, except that the pooled head's `classifier` is ours
    /// `head.classifier` (the quantum golden already names its head `head.*`).
    private static func ourName(_ torchName: String) -> String {
        torchName.hasPrefix("classifier.") ? "head." + torchName : torchName
    }

    private func check(_ file: String, head: MaxViTHead.Kind) throws {
        let golden = try TorchvisionParityGolden.load(file)
        switch head {
        case .pooled:
            try #require(golden.model == "maxvit_t" && golden.head.kind == "pooled")
        case let .quantum(ansatz, layers, _):
            try #require(golden.model == "maxvit_t" && golden.head.kind == "quantum" && golden.head.classifier == "hidden"
                         && golden.head.width == 512 && golden.head.entangler == "chain" && golden.head.layers == layers
                         && golden.head.ansatz == (ansatz == .ansatz1 ? 1 : 2))
        }
        var generator = SplitMix64(seed: 14)
        let model = try MaxViT(classes: golden.classes, head: head, stochasticDepthProbability: 0, generator: &generator)
        // `*.MBconv.layers.pre_norm.bias` gradients are 0 in exact arithmetic (conv_a's BatchNorm removes a
        // per-channel constant), so both sides' values are rounding noise: measured against the largest gradient entry.
        try BackboneParity.check(file, golden: golden, model: model, vqc: model.head.vqc, extraBuffers: 1, ourName: Self.ourName,
                                 gradientFloor: { name, scale in name.hasSuffix("pre_norm.bias") ? scale : 0 }) { images in
            let maps = model.features(images)
            return (maps, model.head(maps))
        }
    }
}
