extension Tensor {
    /// Joins `tensors` along `axis`, like `torch.cat`: every other extent must agree.
    /// Backward hands each input its slab of the gradient.
    /// - Precondition: at least one tensor, equal ranks, `0 <= axis < rank`, other extents equal.
    public static func concat(_ tensors: [Tensor], axis: Int) -> Tensor {
        precondition(!tensors.isEmpty, "concat of no tensors")
        let first = tensors[0].shape
        precondition(axis >= 0 && axis < first.count, "concat axis \(axis) out of range for rank \(first.count)")
        for t in tensors {
            precondition(t.rank == first.count && (0..<first.count).allSatisfy { $0 == axis || t.shape[$0] == first[$0] },
                         "concat along axis \(axis): shapes \(tensors.map(\.shape)) differ off that axis")
        }
        let outer = first[..<axis].reduce(1, *), inner = first[(axis + 1)...].reduce(1, *)
        let widths = tensors.map { $0.shape[axis] * inner }
        let total = widths.reduce(0, +)
        var shape = first
        shape[axis] = tensors.map { $0.shape[axis] }.reduce(0, +)
        var out = [Float](repeating: 0, count: outer * total)
        var offset = 0
        for (t, width) in zip(tensors, widths) {
            for o in 0..<outer {
                for k in 0..<width { out[o * total + offset + k] = t.data[o * width + k] }
            }
            offset += width
        }
        return Tensor(shape: shape, data: out, inputs: tensors) { g in
            var offset = 0
            for (t, width) in zip(tensors, widths) {
                if t.requiresGrad {
                    t.accumulateGrad { d in
                        for o in 0..<outer {
                            for k in 0..<width { d[o * width + k] += g[o * total + offset + k] }
                        }
                    }
                }
                offset += width
            }
        }
    }
}
