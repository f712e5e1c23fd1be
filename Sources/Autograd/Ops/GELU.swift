import Foundation

/// Which formula `Tensor.gelu` uses, like the `approximate` argument of `torch.nn.GELU`.
public enum GELUApproximation: String, Sendable, Codable, CaseIterable {
    /// The exact form `x·Φ(x) = ½·x·(1 + erf(x/√2))` (PyTorch's `"none"`, the default).
    case none
    /// `½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))` (PyTorch's `"tanh"`).
    case tanh
}

extension Tensor {
    /// The Gaussian error linear unit element-wise, in the chosen form. Backward, exact form:
    /// `Φ(x) + x·φ(x)`; tanh form: `½(1 + t) + ½·x·(1 − t²)·√(2/π)·(1 + 3·0.044715·x²)`.
    public func gelu(approximation: GELUApproximation = .none) -> Tensor {
        switch approximation {
        case .none:
            let invSqrt2: Float = 0.70710678118654752
            let invSqrt2Pi: Float = 0.39894228040143268
            return elementwise({ 0.5 * $0 * (1 + erff($0 * invSqrt2)) }, derivative: { x, _ in
                0.5 * (1 + erff(x * invSqrt2)) + x * invSqrt2Pi * expf(-0.5 * x * x)
            })
        case .tanh:
            let k: Float = 0.79788456080286536, c: Float = 0.044715
            return elementwise({ x in 0.5 * x * (1 + tanhf(k * (x + c * x * x * x))) }, derivative: { x, _ in
                let t = tanhf(k * (x + c * x * x * x))
                return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * k * (1 + 3 * c * x * x)
            })
        }
    }
}
