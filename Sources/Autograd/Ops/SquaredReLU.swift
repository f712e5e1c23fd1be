extension Tensor {
    /// `max(x, 0)²` element-wise (the squared ReLU of RWKV's channel mixing).
    /// Backward: `2·max(x, 0)·g`.
    public func squaredReLU() -> Tensor {
        elementwise({ let r = max($0, 0); return r * r }, derivative: { x, _ in 2 * max(x, 0) })
    }
}
