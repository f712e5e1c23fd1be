extension Tensor {
    /// Inverted dropout, like `torch.nn.functional.dropout` in training: each element is
    /// zeroed with probability `p` and the rest are scaled by `1/(1 − p)`. Element `i` is kept
    /// when the `i`-th draw `u = (next() >> 11)·2⁻⁵³` satisfies `u >= p`, so the mask depends
    /// only on the generator passed (PyTorch's own mask stream cannot be reproduced).
    /// Backward applies the same mask and scale. `p == 0` returns `self` unchanged.
    /// - Precondition: `0 <= p < 1`.
    public func dropout(probability p: Double, generator: inout some RandomNumberGenerator) -> Tensor {
        precondition(p >= 0 && p < 1, "dropout probability must be in [0, 1), got \(p)")
        if p == 0 { return self }
        var mask = [Float](repeating: 0, count: count)
        let scale = Float(1 / (1 - p))
        for i in 0..<count where Double(generator.next() >> 11) * 0x1p-53 >= p { mask[i] = scale }
        return applyingMask(mask)
    }

    /// `self · mask` element-wise for a constant mask. Backward: `g · mask`.
    func applyingMask(_ mask: [Float]) -> Tensor {
        var out = data
        for i in 0..<out.count { out[i] *= mask[i] }
        return Tensor(shape: shape, data: out, inputs: [self]) { [self] g in
            accumulateGrad { d in for i in 0..<d.count { d[i] += g[i] * mask[i] } }
        }
    }
}
