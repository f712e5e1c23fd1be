import Foundation

extension Tensor {
    /// The mean binary cross-entropy of `logits` against `targets` (same shape, values in
    /// [0, 1], soft labels allowed), like `torch.nn.functional.binary_cross_entropy_with_logits`
    /// with its defaults: `mean(max(x, 0) − x·t + log(1 + e^(−|x|)))`, the stable form.
    /// Backward: `dx = g·(σ(x) − t) / count`.
    /// - Precondition: equal shapes, not empty.
    public static func binaryCrossEntropyWithLogits(_ logits: Tensor, targets: Tensor) -> Tensor {
        precondition(logits.shape == targets.shape && logits.count > 0,
                     "binaryCrossEntropyWithLogits: logits \(logits.shape) and targets \(targets.shape) must have the same non-empty shape")
        var total = 0.0
        for (x, t) in zip(logits.data, targets.data) {
            total += Double(max(x, 0)) - Double(x) * Double(t) + log1p(exp(-Double(abs(x))))
        }
        let n = Float(logits.count)
        return Tensor(shape: [], data: [Float(total / Double(logits.count))], inputs: [logits, targets]) { g in
            let scale = g[0] / n
            if logits.requiresGrad {
                logits.accumulateGrad { d in
                    for i in 0..<d.count { d[i] += scale * (Tensor.logistic(logits.data[i]) - targets.data[i]) }
                }
            }
            if targets.requiresGrad {
                targets.accumulateGrad { d in for i in 0..<d.count { d[i] -= scale * logits.data[i] } }
            }
        }
    }
}
