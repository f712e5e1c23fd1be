import Autograd
import Models
import NeuralNets
import Testing
import TestSupport

/// ResNet-18 with both heads against torchvision 0.28 `resnet18` on torch 2.13 CPU (and PennyLane 0.45.1 for the
/// AE-VQC circuit): `fixtures/torch/aevqc_resnet18_{pooled,quantum}.json` from
/// `fixtures/generators/torch_aevqc_backbones.py`. Every parameter is set to the generator's hashed values, one
/// training-mode forward and backward pass runs at batch 2, 3 x 224 x 224 (torch in float64, ours in float32), and the
/// backbone's output, the logits, the loss, every parameter gradient and every BatchNorm running statistic must agree within
/// `Tolerance.torchvisionParityRelative`, each against its own scale (see `TorchvisionParityGolden.Stats`).
@Suite struct ResNet18ParityTests {
    @Test func pooledHeadMatchesTorchvision() throws {
        try check("aevqc_resnet18_pooled", head: .pooled)
    }

    /// Croatian Fish's ResNet-18_q head (Ansatz 2, D = 1), 3 classes.
    @Test func aeVQCHeadMatchesTorchvisionAndPennyLane() throws {
        try check("aevqc_resnet18_quantum", head: .quantum(ansatz: .ansatz2, layers: 1))
    }

    /// The golden's name for one of our tensors: torchvision's, except that the pooled head's `fc` is ours `head.fc`.
    private static func ourName(_ torchName: String) -> String {
        torchName.hasPrefix("fc.") ? "head." + torchName : torchName
    }

    private func check(_ file: String, head: ResNet18.Head) throws {
        let golden = try TorchvisionParityGolden.load(file)
        switch head {
        case .pooled:
            try #require(golden.model == "resnet18" && golden.head.kind == "pooled")
        case let .quantum(ansatz, layers):
            try #require(golden.model == "resnet18" && golden.head.kind == "quantum" && golden.head.classifier == "linear"
                         && golden.head.entangler == "chain" && golden.head.layers == layers
                         && golden.head.ansatz == (ansatz == .ansatz1 ? 1 : 2))
        }
        var generator = SplitMix64(seed: 13)
        let model = try ResNet18(classes: golden.classes, head: head, generator: &generator)
        try BackboneParity.check(file, golden: golden, model: model, vqc: model.vqc, ourName: Self.ourName) { images in
            let maps = model.features(images)
            return (maps, model.logits(features: maps))
        }
    }
}
