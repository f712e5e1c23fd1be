extension Tensor {
    /// The sum of all elements, as a scalar. Backward broadcasts the scalar gradient.
    public func sum() -> Tensor {
        let total = data.withUnsafeBufferPointer { VectorKernels.sum($0) }
        return Tensor(shape: [], data: [total], inputs: [self]) { [self] g in
            let v = g[0]
            accumulateGrad { t in for i in 0..<t.count { t[i] += v } }
        }
    }
}
