import Autograd
import Models
import NeuralNets
import Testing
import TestSupport

/// The part of the ResNet-18 and MaxViT-T parity tests that does not depend on the backbone: `model`'s parameters
/// set to the golden's hashed values, one training-mode forward (`forward`: the backbone's feature maps and the
/// logits) and backward pass on the golden's batch, then the feature maps, the circuit's <Z> (when `vqc` is given),
/// the logits, the loss, every parameter gradient and every BatchNorm running statistic against the golden within
/// `Tolerance.torchvisionParityRelative`, each against its own scale (see `TorchvisionParityGolden.Stats`). Prints the
/// worst error of each kind.
enum BackboneParity {
    /// - Parameters:
    ///   - ourName: our tensor name for a golden (torchvision) name.
    ///   - gradientFloor: the scale under a gradient's relative error (0: the gradient's own), given its name and the
    ///     model's largest golden gradient entry.
    ///   - extraBuffers: buffers the model has beyond the golden's (MaxViT's stochastic depth state).
    static func check(_ file: String, golden: TorchvisionParityGolden, model: some Layer, vqc: QuantumLayer?,
                      extraBuffers: Int = 0, ourName: (String) -> String,
                      gradientFloor: (String, Double) -> Double = { _, _ in 0 },
                      forward: (Tensor) -> (maps: Tensor, logits: Tensor)) throws {
        let ours = Dictionary(uniqueKeysWithValues: model.parameters.map { ($0.name, $0) })
        try #require(model.parameters.count == golden.parameters.count)
        for source in golden.parameters {
            let parameter = try #require(ours[ourName(source.name)], "no tensor for \(source.name)")
            try #require(parameter.tensor.shape == source.shape, "\(source.name): \(parameter.tensor.shape) vs \(source.shape)")
            let values = source.values
            let sum = values.reduce(0.0) { $0 + Double($1) }
            // Recomputed bit for bit; the sums differ only by the order of float64 additions.
            try #require(Tolerance.close(sum, source.valueSum, abs: 1e-12 * Double(values.count), rel: 1e-12),
                         "\(source.name): hashed values sum to \(sum), torch's to \(source.valueSum)")
            parameter.tensor.data = values
        }
        model.setTraining(true)

        let (maps, logits) = forward(Tensor(shape: golden.input.shape, data: golden.input.values))
        let loss = Tensor.crossEntropy(logits, targets: golden.labels)
        loss.backward()

        var report: [(String, Double, String)] = []
        func expectParity(_ what: String, _ error: Double, _ detail: String = "") {
            report.append((what, error, detail))
            #expect(error <= Tolerance.torchvisionParityRelative, "\(file) \(what): relative error \(error) \(detail)")
        }
        let featureError = golden.features.relativeError(of: maps.data)
        expectParity("features", featureError.error, featureError.quantity)
        if let expected = golden.expectations, let vqc {
            let n = maps.shape[0]
            expectParity("<Z>", relativeError(vqc(maps.detached().reshaped([n, maps.count / n])).data, expected))
        }
        expectParity("logits", relativeError(logits.data, golden.logits))
        expectParity("loss", abs(Double(loss.item()) - golden.loss) / abs(golden.loss))

        let gradientScale = golden.parameters.reduce(0.0) { max($0, $1.grad.maxAbs) }
        var worstGradient = (error: 0.0, detail: "")
        for source in golden.parameters {
            let name = ourName(source.name)
            guard let gradient = ours[name]?.tensor.grad else {
                Issue.record("\(file): \(name) has no gradient")
                continue
            }
            let error = source.grad.relativeError(of: gradient, floor: gradientFloor(name, gradientScale))
            #expect(error.error <= Tolerance.torchvisionParityRelative, "\(file) d loss / d \(name): \(error.error) at \(error.quantity)")
            if !(error.error <= worstGradient.error) { worstGradient = (error.error, "\(name), \(error.quantity)") }
        }
        report.append(("gradients", worstGradient.error, worstGradient.detail))

        let buffers = Dictionary(uniqueKeysWithValues: model.buffers.map { ($0.name, $0) })
        try #require(buffers.count == golden.buffers.count + extraBuffers)
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
