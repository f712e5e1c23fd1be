extension Tensor {
    /// SiLU (swish), `x·σ(x)` element-wise. Backward: `g·σ(x)·(1 + x·(1 − σ(x)))`.
    public func silu() -> Tensor {
        elementwise({ $0 * Tensor.logistic($0) }, derivative: { x, _ in
            let s = Tensor.logistic(x)
            return s * (1 + x * (1 - s))
        })
    }
}
