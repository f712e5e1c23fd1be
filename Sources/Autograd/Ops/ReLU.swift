extension Tensor {
    /// `max(x, 0)` element-wise. Backward: the gradient where `x > 0`, zero elsewhere
    /// (PyTorch's convention at `x == 0`).
    public func relu() -> Tensor {
        let out = data.map { max($0, 0) }
        return Tensor(shape: shape, data: out, inputs: [self]) { [self] g in
            accumulateGrad { t in
                data.withUnsafeBufferPointer { x in
                    for i in 0..<t.count where x[i] > 0 { t[i] += g[i] }
                }
            }
        }
    }
}
