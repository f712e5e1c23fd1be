extension Tensor {
    /// The axes reordered: axis `i` of the result is axis `axes[i]` of `self` (like
    /// `torch.permute`), copied into a new contiguous tensor. Backward permutes the gradient
    /// back with the inverse permutation.
    /// - Precondition: `axes` is a permutation of `0..<rank`.
    public func permuted(_ axes: [Int]) -> Tensor {
        precondition(axes.count == rank && axes.sorted() == Array(0..<rank),
                     "permuted(\(axes)) needs a permutation of 0..<\(rank)")
        let source = shape
        let out = Tensor.permute(data, shape: source, axes: axes)
        var inverse = [Int](repeating: 0, count: rank)
        for (i, a) in axes.enumerated() { inverse[a] = i }
        let outShape = axes.map { source[$0] }
        return Tensor(shape: outShape, data: out, inputs: [self]) { [self] g in
            let back = Tensor.permute(Array(g), shape: outShape, axes: inverse)
            accumulateGrad { t in back.withUnsafeBufferPointer { VectorKernels.add(from: $0, into: t) } }
        }
    }

    /// A contiguous copy of row-major `values` of shape `shape` with its axes reordered by
    /// `axes`. The innermost loop runs along the result's last axis.
    static func permute(_ values: [Float], shape: [Int], axes: [Int]) -> [Float] {
        let rank = shape.count
        guard rank > 1, axes != Array(0..<rank) else { return values }
        var sourceStrides = [Int](repeating: 1, count: rank)
        for i in stride(from: rank - 2, through: 0, by: -1) { sourceStrides[i] = sourceStrides[i + 1] * shape[i + 1] }
        let extents = axes.map { shape[$0] }
        let strides = axes.map { sourceStrides[$0] }
        var out = [Float](repeating: 0, count: values.count)
        guard !values.isEmpty else { return out }
        values.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                let s = src.baseAddress!, d = dst.baseAddress!
                let inner = extents[rank - 1], innerStride = strides[rank - 1]
                var index = [Int](repeating: 0, count: rank - 1)
                var offset = 0, written = 0
                while written < values.count {
                    for i in 0..<inner { d[written + i] = s[offset + i * innerStride] }
                    written += inner
                    var axis = rank - 2
                    while axis >= 0 {
                        index[axis] += 1
                        offset += strides[axis]
                        if index[axis] < extents[axis] { break }
                        offset -= strides[axis] * extents[axis]
                        index[axis] = 0
                        axis -= 1
                    }
                }
            }
        }
        return out
    }
}
