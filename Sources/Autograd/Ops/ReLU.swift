extension Tensor {
    /// `max(x, 0)` element-wise. Backward: the gradient where `x > 0`, zero elsewhere
    /// (PyTorch's convention at `x == 0`).
    public func relu() -> Tensor {
        let out = VectorKernels.array(count: count) { y in
            data.withUnsafeBufferPointer { x in
                Parallel.forEachRange(x.count) { range in
                    for i in range { y[i] = max(x[i], 0) }
                }
            }
        }
        return Tensor(shape: shape, data: out, inputs: [self]) { [self] g in
            writeOrAccumulateGrad { t, fresh in
                data.withUnsafeBufferPointer { x in
                    Parallel.forEachRange(t.count) { range in
                        if fresh {
                            for i in range { t[i] = x[i] > 0 ? g[i] : 0 }
                        } else {
                            for i in range where x[i] > 0 { t[i] += g[i] }
                        }
                    }
                }
            }
        }
    }
}
