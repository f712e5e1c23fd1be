extension Tensor {
    /// Stochastic depth (drop path) on a residual branch [N, ...], like torchvision's
    /// `stochastic_depth(input, p, mode="row", training=True)`: each sample's whole branch is zeroed with
    /// probability `p` and kept ones are scaled by `1/(1 − p)`. Sample `n` is kept when the `n`-th draw
    /// `u = (next() >> 11)·2⁻⁵³` satisfies `u >= p` (one draw per sample, in sample order, as `dropout` draws), so the
    /// pattern depends only on the generator passed (PyTorch's Bernoulli stream cannot be reproduced).
    /// `p == 0` returns `self` unchanged and draws nothing (torchvision's identity); evaluation mode is the caller's
    /// business (it simply does not call this).
    /// - Precondition: rank ≥ 1 and `0 <= p < 1`.
    public func stochasticDepth(probability p: Double, generator: inout some RandomNumberGenerator) -> Tensor {
        precondition(rank >= 1 && p >= 0 && p < 1, "stochasticDepth needs rank >= 1 and p in [0, 1), got shape \(shape), p \(p)")
        if p == 0 { return self }
        let scale = Float(1 / (1 - p))
        var scales = [Float](repeating: 0, count: shape[0])
        for n in 0..<shape[0] where Double(generator.next() >> 11) * 0x1p-53 >= p { scales[n] = scale }
        return scalingSamples(by: scales)
    }

    /// `self[n, ...] · scales[n]`: each sample (index along axis 0) multiplied by its own constant.
    /// Backward: `dx[n, ...] = g[n, ...] · scales[n]`.
    /// - Precondition: rank ≥ 1 and `scales.count == shape[0]`.
    public func scalingSamples(by scales: [Float]) -> Tensor {
        precondition(rank >= 1 && scales.count == shape[0], "scalingSamples needs one scale per sample: \(scales.count) for shape \(shape)")
        let perSample = shape[0] == 0 ? 0 : count / shape[0]
        let out = VectorKernels.array(count: count) { po in
            data.withUnsafeBufferPointer { px in
                for (n, s) in scales.enumerated() {
                    let x = px.baseAddress! + n * perSample, o = po.baseAddress! + n * perSample
                    for i in 0..<perSample { o[i] = x[i] * s }
                }
            }
        }
        return Tensor(shape: shape, data: out, inputs: [self]) { [self] g in
            writeOrAccumulateGrad { d, fresh in
                for (n, s) in scales.enumerated() {
                    let gn = g.baseAddress! + n * perSample, t = d.baseAddress! + n * perSample
                    if fresh {
                        for i in 0..<perSample { t[i] = gn[i] * s }
                    } else {
                        for i in 0..<perSample { t[i] += gn[i] * s }
                    }
                }
            }
        }
    }
}
