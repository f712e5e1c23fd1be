extension Tensor {
    /// Rows of `weight` [V, D] picked by `indices`, like `torch.nn.functional.embedding`:
    /// output shape `indexShape + [D]`. Backward adds each output row's gradient into the
    /// row of `weight` it came from (repeated indices accumulate).
    /// - Precondition: `weight` is [V, D], `indices.count` is the product of `indexShape`,
    ///   and every index is in `0..<V`.
    public static func embedding(_ indices: [Int], shape indexShape: [Int], weight: Tensor) -> Tensor {
        precondition(weight.rank == 2, "embedding weight must be [V, D], got \(weight.shape)")
        precondition(indices.count == indexShape.reduce(1, *), "embedding: \(indices.count) indices for index shape \(indexShape)")
        let vocabulary = weight.shape[0], width = weight.shape[1]
        if let bad = indices.first(where: { $0 < 0 || $0 >= vocabulary }) {
            preconditionFailure("embedding index \(bad) outside 0..<\(vocabulary)")
        }
        var out = [Float](repeating: 0, count: indices.count * width)
        for (r, index) in indices.enumerated() {
            for k in 0..<width { out[r * width + k] = weight.data[index * width + k] }
        }
        return Tensor(shape: indexShape + [width], data: out, inputs: [weight]) { g in
            weight.accumulateGrad { d in
                for (r, index) in indices.enumerated() {
                    for k in 0..<width { d[index * width + k] += g[r * width + k] }
                }
            }
        }
    }
}
