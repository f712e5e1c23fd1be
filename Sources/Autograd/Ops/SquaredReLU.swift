extension Tensor {
    /// `max(x, 0)²` element-wise (the squared ReLU of RWKV's channel mixing).
    /// Backward: `2·max(x, 0)·g`. Vectorised and split over fixed chunks.
    public func squaredReLU() -> Tensor {
        let count = self.count
        let out = VectorKernels.array(count: count) { po in
            data.withUnsafeBufferPointer { px in
                let x = px.baseAddress!, y = po.baseAddress!
                Parallel.forEachRange(count) { range in
                    for i in range { let r = max(x[i], 0); y[i] = r * r }
                }
            }
        }
        return Tensor(shape: shape, data: out, inputs: [self]) { [self] g in
            guard count > 0 else { return }
            writeOrAccumulateGrad { t, fresh in
                data.withUnsafeBufferPointer { px in
                    let x = px.baseAddress!, dy = g.baseAddress!, d = t.baseAddress!
                    Parallel.forEachRange(count) { range in
                        if fresh {
                            for i in range { d[i] = dy[i] * (2 * max(x[i], 0)) }
                        } else {
                            for i in range { d[i] += dy[i] * (2 * max(x[i], 0)) }
                        }
                    }
                }
            }
        }
    }
}
