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
        let ours = Dictionary(uniqueKeysWithValues: model.parameters.map { ($0.name, $0) })
        try #require(model.parameters.count == golden.parameters.count)
        for source in golden.parameters {
            let parameter = try #require(ours[Self.ourName(source.name)], "no tensor for \(source.name)")
            try #require(parameter.tensor.shape == source.shape, "\(source.name): \(parameter.tensor.shape) vs \(source.shape)")
            let values = source.values
            let sum = values.reduce(0.0) { $0 + Double($1) }
            // Recomputed bit for bit; the sums differ only by the order of float64 additions.
            try #require(Tolerance.close(sum, source.valueSum, abs: 1e-12 * Double(values.count), rel: 1e-12),
                         "\(source.name): hashed values sum to \(sum), torch's to \(source.valueSum)")
            parameter.tensor.data = values
        }
        model.setTraining(true)

        let images = Tensor(shape: golden.input.shape, data: golden.input.values)
        let maps = model.features(images)
        let logits = model.logits(features: maps)
        let loss = Tensor.crossEntropy(logits, targets: golden.labels)
        loss.backward()

        var report: [(String, Double, String)] = []
        func expectParity(_ what: String, _ error: Double, _ detail: String = "") {
            report.append((what, error, detail))
            #expect(error <= Tolerance.torchvisionParityRelative, "\(file) \(what): relative error \(error) \(detail)")
        }
        let featureError = golden.features.relativeError(of: maps.data)
        expectParity("features", featureError.error, featureError.quantity)
        if let expected = golden.expectations, let vqc = model.vqc {
            let n = maps.shape[0]
            let expectations = vqc(maps.reshaped([n, maps.count / n]))
            expectParity("<Z>", relativeError(expectations.data, expected))
        }
        expectParity("logits", relativeError(logits.data, golden.logits))
        expectParity("loss", abs(Double(loss.item()) - golden.loss) / abs(golden.loss))

        var worstGradient = (error: 0.0, detail: "")
        for source in golden.parameters {
            let name = Self.ourName(source.name)
            guard let gradient = ours[name]?.tensor.grad else {
                Issue.record("\(file): \(name) has no gradient")
                continue
            }
            let error = source.grad.relativeError(of: gradient)
            #expect(error.error <= Tolerance.torchvisionParityRelative, "\(file) d loss / d \(name): \(error.error) at \(error.quantity)")
            if !(error.error <= worstGradient.error) { worstGradient = (error.error, "\(name), \(error.quantity)") }
        }
        report.append(("gradients", worstGradient.error, worstGradient.detail))

        let buffers = Dictionary(uniqueKeysWithValues: model.buffers.map { ($0.name, $0) })
        try #require(buffers.count == golden.buffers.count)
        var worstBuffer = (error: 0.0, detail: "")
        for source in golden.buffers {
            let buffer = try #require(buffers[source.name], "no buffer \(source.name)")
            let error = source.stats.relativeError(of: buffer.values)
            #expect(error.error <= Tolerance.torchvisionParityRelative, "\(file) \(source.name): \(error.error) at \(error.quantity)")
            if !(error.error <= worstBuffer.error) { worstBuffer = (error.error, "\(source.name), \(error.quantity)") }
        }
        report.append(("running stats", worstBuffer.error, worstBuffer.detail))
        print("\(file) worst relative errors: " + report.map { "\($0.0) \($0.1)" + ($0.2.isEmpty ? "" : " (\($0.2))") }.joined(separator: "; "))
    }
}
