extension Tensor {
    /// The mean of all elements, as a scalar. Backward spreads `g / count` to every element.
    /// - Precondition: the tensor is not empty.
    public func mean() -> Tensor {
        precondition(count > 0, "mean() of an empty tensor")
        let n = Float(count)
        let total = data.withUnsafeBufferPointer { VectorKernels.sum($0) }
        return Tensor(shape: [], data: [total / n], inputs: [self]) { [self] g in
            let v = g[0] / n
            accumulateGrad { t in for i in 0..<t.count { t[i] += v } }
        }
    }
}
