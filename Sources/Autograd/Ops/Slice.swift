extension Tensor {
    /// The elements with index in `range` along `axis` (a copy, like `x.narrow(axis, ...)`
    /// followed by `.contiguous()`). Backward scatters the gradient back into that range.
    /// - Precondition: `0 <= axis < rank` and `range` within `0..<shape[axis]`.
    public func slice(axis: Int, _ range: Range<Int>) -> Tensor {
        precondition(axis >= 0 && axis < rank, "slice axis \(axis) out of range for shape \(shape)")
        precondition(range.lowerBound >= 0 && range.upperBound <= shape[axis],
                     "slice \(range) outside 0..<\(shape[axis]) on axis \(axis) of shape \(shape)")
        let outer = shape[..<axis].reduce(1, *), inner = shape[(axis + 1)...].reduce(1, *)
        let width = shape[axis] * inner, start = range.lowerBound * inner, length = range.count * inner
        var out = [Float](repeating: 0, count: outer * length)
        for o in 0..<outer {
            for k in 0..<length { out[o * length + k] = data[o * width + start + k] }
        }
        var newShape = shape
        newShape[axis] = range.count
        return Tensor(shape: newShape, data: out, inputs: [self]) { [self] g in
            accumulateGrad { d in
                for o in 0..<outer {
                    for k in 0..<length { d[o * width + start + k] += g[o * length + k] }
                }
            }
        }
    }

    /// Splits along `axis` into consecutive pieces of the given extents, like `torch.split`
    /// with a list of sizes.
    /// - Precondition: the sizes are non-negative and sum to `shape[axis]`.
    public func split(_ sizes: [Int], axis: Int) -> [Tensor] {
        precondition(axis >= 0 && axis < rank && sizes.allSatisfy { $0 >= 0 } && sizes.reduce(0, +) == shape[axis],
                     "split sizes \(sizes) must sum to extent \(axis < rank && axis >= 0 ? shape[axis] : -1) of axis \(axis) of shape \(shape)")
        var start = 0
        return sizes.map { size in
            defer { start += size }
            return slice(axis: axis, start..<(start + size))
        }
    }
}
