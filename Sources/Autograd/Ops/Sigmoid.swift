import Foundation

extension Tensor {
    /// The logistic function `1 / (1 + e^(−x))` element-wise. Backward: `g·y·(1 − y)`.
    public func sigmoid() -> Tensor {
        elementwise({ Tensor.logistic($0) }, derivative: { _, y in y * (1 - y) })
    }

    /// `1 / (1 + e^(−x))`, evaluated without overflow for either sign of `x`.
    @inline(__always)
    static func logistic(_ x: Float) -> Float {
        if x >= 0 { return 1 / (1 + expf(-x)) }
        let e = expf(x)
        return e / (1 + e)
    }
}
