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
    /// `axes`. When the source's last axis stays last, rows are copied along it; otherwise the result's last axis
    /// and the axis holding the source's last one are copied in tiles of `permuteTile` x `permuteTile`, so both
    /// the reads and the writes stay within a few cache lines (a plain loop along the result's last axis would read
    /// one element per cache line when, as in MaxViT's window partition, that axis is the source's channel axis).
    /// Tiles over the other axes run concurrently; each writes its own elements.
    static func permute(_ values: [Float], shape: [Int], axes: [Int]) -> [Float] {
        let rank = shape.count
        guard rank > 1, axes != Array(0..<rank) else { return values }
        var sourceStrides = [Int](repeating: 1, count: rank)
        for i in stride(from: rank - 2, through: 0, by: -1) { sourceStrides[i] = sourceStrides[i + 1] * shape[i + 1] }
        let extents = axes.map { shape[$0] }
        let strides = axes.map { sourceStrides[$0] }
        var out = [Float](repeating: 0, count: values.count)
        guard !values.isEmpty else { return out }
        let last = rank - 1
        // The result axis that walks the source contiguously.
        let unit = axes.firstIndex(of: rank - 1)!
        var resultStrides = [Int](repeating: 1, count: rank)
        for i in stride(from: rank - 2, through: 0, by: -1) { resultStrides[i] = resultStrides[i + 1] * extents[i + 1] }
        let outer = (0..<rank).filter { $0 != last && $0 != unit }
        let outerCount = outer.reduce(1) { $0 * extents[$1] }
        let unitExtent = extents[unit], lastExtent = extents[last], lastStride = strides[last]
        let unitOutStride = unit == last ? 0 : resultStrides[unit]
        values.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                let s = src.baseAddress!, d = dst.baseAddress!
                let perOuter = unit == last ? lastExtent : unitExtent * lastExtent
                Parallel.forEachRange(outerCount, grain: max(1, Parallel.elementGrain / max(1, perOuter))) { range in
                    for o in range {
                        var rest = o, from = 0, to = 0
                        for axis in outer.reversed() {
                            let i = rest % extents[axis]
                            rest /= extents[axis]
                            from += i * strides[axis]
                            to += i * resultStrides[axis]
                        }
                        if unit == last {
                            (d + to).update(from: s + from, count: lastExtent)
                            continue
                        }
                        let tile = permuteTile
                        for a0 in stride(from: 0, to: unitExtent, by: tile) {
                            let a1 = min(unitExtent, a0 + tile)
                            for l0 in stride(from: 0, to: lastExtent, by: tile) {
                                let l1 = min(lastExtent, l0 + tile)
                                for a in a0..<a1 {
                                    let row = d + to + a * unitOutStride, column = s + from + a
                                    for l in l0..<l1 { row[l] = column[l * lastStride] }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// The side of the square tiles `permute` copies in.
    static let permuteTile = 16
}
