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
        let ours = Dictionary(uniqueKeysWithValues: model.parameters.map { ($0.name, $0) })
        try #require(model.parameters.count == golden.parameters.count)
        for source in golden.parameters {
            let parameter = try #require(ours[Self.ourName(source.name)], "no tensor for \(source.name)")
            try #require(parameter.tensor.shape == source.shape, "\(source.name): \(parameter.tensor.shape) vs \(source.shape)")
            let values = source.values
            let sum = values.reduce(0.0) { $0 + Double($1) }
            try #require(Tolerance.close(sum, source.valueSum, abs: 1e-12 * Double(values.count), rel: 1e-12),
                         "\(source.name): hashed values sum to \(sum), torch's to \(source.valueSum)")
            parameter.tensor.data = values
        }
        model.setTraining(true)

        let images = Tensor(shape: golden.input.shape, data: golden.input.values)
        let maps = model.features(images)
        let logits = model.head(maps)
        let loss = Tensor.crossEntropy(logits, targets: golden.labels)
        loss.backward()

        var report: [(String, Double, String)] = []
        func expectParity(_ what: String, _ error: Double, _ detail: String = "") {
            report.append((what, error, detail))
            #expect(error <= Tolerance.torchvisionParityRelative, "\(file) \(what): relative error \(error) \(detail)")
        }
        let featureError = golden.features.relativeError(of: maps.data)
        expectParity("features", featureError.error, featureError.quantity)
        if let expected = golden.expectations, let vqc = model.head.vqc {
            let n = maps.shape[0]
            expectParity("<Z>", relativeError(vqc(maps.detached().reshaped([n, maps.count / n])).data, expected))
        }
        expectParity("logits", relativeError(logits.data, golden.logits))
        expectParity("loss", abs(Double(loss.item()) - golden.loss) / abs(golden.loss))

        // `*.MBconv.layers.pre_norm.bias` gradients are 0 in exact arithmetic (conv_a's BatchNorm removes a
        // per-channel constant), so torch's ~1e-10 are noise: measured against the largest gradient entry of the model.
        let gradientScale = golden.parameters.reduce(0.0) { max($0, $1.grad.maxAbs) }
        var worstGradient = (error: 0.0, detail: "")
        for source in golden.parameters {
            let name = Self.ourName(source.name)
            guard let gradient = ours[name]?.tensor.grad else {
                Issue.record("\(file): \(name) has no gradient")
                continue
            }
            let floor = name.hasSuffix("pre_norm.bias") ? gradientScale : 0
            let error = source.grad.relativeError(of: gradient, floor: floor)
            #expect(error.error <= Tolerance.torchvisionParityRelative, "\(file) d loss / d \(name): \(error.error) at \(error.quantity)")
            if !(error.error <= worstGradient.error) { worstGradient = (error.error, "\(name), \(error.quantity)") }
        }
        report.append(("gradients", worstGradient.error, worstGradient.detail))

        let buffers = Dictionary(uniqueKeysWithValues: model.buffers.map { ($0.name, $0) })
        try #require(buffers.count == golden.buffers.count + 1)  // + the stochastic depth state
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
