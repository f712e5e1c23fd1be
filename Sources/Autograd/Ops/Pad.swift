extension Tensor {
    /// Adds `amounts[i].before` zeros before and `amounts[i].after` after axis `i` (constant
    /// zero padding, like `torch.nn.functional.pad` with the amounts listed first axis first).
    /// Fewer entries than axes pad the leading axes only. Backward crops the gradient.
    /// - Precondition: at most `rank` entries, all non-negative.
    public func padded(_ amounts: [(before: Int, after: Int)]) -> Tensor {
        precondition(amounts.count <= rank && amounts.allSatisfy { $0.before >= 0 && $0.after >= 0 },
                     "padded: \(amounts.count) non-negative (before, after) pairs needed at most for shape \(shape)")
        let pads = amounts + Array(repeating: (before: 0, after: 0), count: rank - amounts.count)
        let newShape = zip(shape, pads).map { $0 + $1.before + $1.after }
        var out = [Float](repeating: 0, count: newShape.reduce(1, *))
        // Row-major strides of the output; each input row of the last axis is one contiguous run.
        var strides = [Int](repeating: 1, count: rank)
        for i in stride(from: rank - 2, through: 0, by: -1) { strides[i] = strides[i + 1] * newShape[i + 1] }
        let rowLength = rank == 0 ? 1 : shape[rank - 1]
        let rows = rowLength == 0 ? 0 : count / rowLength
        var offsets = [Int](repeating: 0, count: rows)
        for r in 0..<rows {
            var rest = r, offset = rank == 0 ? 0 : pads[rank - 1].before
            for axis in stride(from: rank - 2, through: 0, by: -1) {
                offset += (rest % shape[axis] + pads[axis].before) * strides[axis]
                rest /= shape[axis]
            }
            offsets[r] = offset
            for k in 0..<rowLength { out[offset + k] = data[r * rowLength + k] }
        }
        return Tensor(shape: newShape, data: out, inputs: [self]) { [self] g in
            accumulateGrad { d in
                for r in 0..<rows {
                    for k in 0..<rowLength { d[r * rowLength + k] += g[offsets[r] + k] }
                }
            }
        }
    }
}
