extension Tensor {
    /// The same elements, in the same row-major order, under a new shape. One extent may be
    /// `-1`, meaning "whatever makes the element count match". Backward passes the gradient
    /// through unchanged (the layout is identical).
    /// - Precondition: the element counts match.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        let shape = Tensor.resolve(newShape, count: count)
        return Tensor(shape: shape, data: data, inputs: [self]) { [self] g in
            writeOrAccumulateGrad { t, fresh in
                if fresh { _ = t.initialize(from: g) } else { VectorKernels.add(from: g, into: t) }
            }
        }
    }

    /// Collapses the axes from `axis` to the last into one (`[N, C, H, W]` → `[N, C·H·W]` for
    /// `axis` 1), like `torch.flatten(x, axis)`.
    /// - Precondition: `0 <= axis < rank` (or a scalar with `axis` 0).
    public func flattened(fromAxis axis: Int) -> Tensor {
        precondition(axis >= 0 && (axis < rank || (rank == 0 && axis == 0)),
                     "flattened(fromAxis: \(axis)) on a tensor of rank \(rank)")
        return reshaped(Array(shape[..<axis]) + [shape[axis...].reduce(1, *)])
    }

    /// `newShape` with a `-1` replaced by the extent that makes the element count `count`.
    static func resolve(_ newShape: [Int], count: Int) -> [Int] {
        let unknown = newShape.indices.filter { newShape[$0] == -1 }
        precondition(unknown.count <= 1 && newShape.allSatisfy { $0 >= -1 },
                     "invalid shape \(newShape): extents must be >= 0, with at most one -1")
        var shape = newShape
        if let i = unknown.first {
            let known = newShape.enumerated().filter { $0.offset != i }.map(\.element).reduce(1, *)
            precondition(known > 0 && count % known == 0, "cannot reshape \(count) elements to \(newShape)")
            shape[i] = count / known
        }
        precondition(shape.reduce(1, *) == count, "cannot reshape \(count) elements to \(newShape)")
        return shape
    }
}
