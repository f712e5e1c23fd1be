import Foundation

extension Tensor {
    /// The hyperbolic tangent element-wise. Backward: `g·(1 − y²)`.
    public func tanh() -> Tensor {
        elementwise({ tanhf($0) }, derivative: { _, y in 1 - y * y })
    }
}
