import Autograd
import Testing
import TestSupport

/// Compares the gradients `backward` computes with central finite differences.
///
/// The scalar checked is `L = Σ f(inputs)ᵢ · Rᵢ` for a fixed random projection `R` (so
/// every output element matters), accumulated in Double. For each element of each input
/// that requires a gradient, the input is moved to the Float32 values nearest `x ± h`
/// and the op (in Float32) is evaluated at both; the difference quotient uses the actual
/// Float32 step. Outputs that do not depend on the element are computed identically both
/// times and cancel exactly, so the error is the Float32 rounding of the affected outputs
/// divided by 2h, plus h²·f‴/6 for non-linear ops (none for ops that are linear in each
/// input element: matmul, linear, conv2d, add, mul, shape ops, sums).
/// - Returns: a description of the first disagreement, or `nil`.
func gradientMismatch(_ inputs: [Tensor], step h: Double = 1e-2,
                      rel: Float = Tolerance.autogradFiniteDifferenceRelative,
                      abs: Float = Tolerance.autogradFiniteDifferenceAbsolute,
                      seed: UInt64 = 99, _ f: ([Tensor]) -> Tensor) -> String? {
    var generator = SplitMix64(seed: seed)
    for x in inputs { x.grad = nil }
    let output = f(inputs)
    let projection = generator.values(output.count)
    output.backward(gradient: projection)
    let analytic = inputs.map { $0.grad }

    func objective() -> Double {
        let out = f(inputs)
        var total = 0.0
        for (o, r) in zip(out.data, projection) { total += Double(o) * Double(r) }
        return total
    }
    for (t, x) in inputs.enumerated() where x.requiresGrad {
        guard let grad = analytic[t] else { return "input \(t): no gradient reached it" }
        var numeric = [Float](repeating: 0, count: x.count)
        for j in 0..<x.count {
            let original = x.data[j]
            let plus = Float(Double(original) + h), minus = Float(Double(original) - h)
            x.data[j] = plus
            let up = objective()
            x.data[j] = minus
            let down = objective()
            x.data[j] = original
            numeric[j] = Float((up - down) / (Double(plus) - Double(minus)))
        }
        if let mismatch = firstMismatch(grad, numeric, rel: rel, abs: abs) {
            return "input \(t) (shape \(x.shape)): analytic vs finite difference: \(mismatch)"
        }
    }
    return nil
}

/// Expects `gradientMismatch` to find no disagreement.
func expectGradientsMatch(_ inputs: [Tensor], step h: Double = 1e-2,
                          rel: Float = Tolerance.autogradFiniteDifferenceRelative,
                          abs: Float = Tolerance.autogradFiniteDifferenceAbsolute,
                          sourceLocation: SourceLocation = #_sourceLocation, _ f: ([Tensor]) -> Tensor) {
    let mismatch = gradientMismatch(inputs, step: h, rel: rel, abs: abs, f)
    #expect(mismatch == nil, "\(mismatch ?? "")", sourceLocation: sourceLocation)
}
