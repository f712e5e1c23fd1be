extension Tensor {
    /// Batch normalisation over axis 1 of [N, C] or [N, C, ...] (BatchNorm1d/2d), like
    /// `torch.nn.functional.batch_norm` with affine `weight` and `bias` [C].
    ///
    /// Training: each channel is normalised with the mean and biased variance of its
    /// `M = N·spatial` values (two passes, in Double), and the running statistics are updated
    /// in place with PyTorch's rule `r ← (1 − momentum)·r + momentum·s`, using the *unbiased*
    /// variance `var·M/(M − 1)` for `runningVariance`. Backward:
    /// `dx = w·invstd/M · (M·g − Σg − x̂·Σ(g·x̂))`, `dw = Σ g·x̂`, `db = Σ g`.
    ///
    /// Evaluation (`training` false): normalises with the running statistics, which are left
    /// unchanged; backward `dx = g·w·invstd`.
    /// - Precondition: rank ≥ 2, parameters and statistics of length C, and in training more
    ///   than one value per channel.
    public static func batchNorm(_ x: Tensor, weight: Tensor, bias: Tensor,
                                 runningMean: inout [Float], runningVariance: inout [Float],
                                 training: Bool, momentum: Float = 0.1, epsilon: Float = 1e-5) -> Tensor {
        batchNorm(x, weight: weight, bias: bias, runningMean: &runningMean, runningVariance: &runningVariance,
                  training: training, momentum: momentum, epsilon: epsilon, relu: false)
    }

    /// `batchNorm(...).relu()` in one pass over the data, forward and backward: the same values
    /// and gradients bit for bit, without the intermediate tensor.
    public static func batchNormReLU(_ x: Tensor, weight: Tensor, bias: Tensor,
                                     runningMean: inout [Float], runningVariance: inout [Float],
                                     training: Bool, momentum: Float = 0.1, epsilon: Float = 1e-5) -> Tensor {
        batchNorm(x, weight: weight, bias: bias, runningMean: &runningMean, runningVariance: &runningVariance,
                  training: training, momentum: momentum, epsilon: epsilon, relu: true)
    }

    private static func batchNorm(_ x: Tensor, weight: Tensor, bias: Tensor,
                                  runningMean: inout [Float], runningVariance: inout [Float],
                                  training: Bool, momentum: Float, epsilon: Float, relu: Bool) -> Tensor {
        precondition(x.rank >= 2, "batchNorm input must be [N, C, ...], got \(x.shape)")
        let batch = x.shape[0], channels = x.shape[1], spatial = x.shape[2...].reduce(1, *)
        precondition(weight.shape == [channels] && bias.shape == [channels]
                     && runningMean.count == channels && runningVariance.count == channels,
                     "batchNorm parameters and running statistics must have \(channels) values for input \(x.shape)")
        let m = batch * spatial
        precondition(!training || m > 1, "batchNorm in training needs more than 1 value per channel, got input \(x.shape)")
        // Channels are independent, so the split below never changes a result.
        let channelChunks = x.count >= Parallel.elementGrain ? channels : 1
        let channelsPerChunk = (channels + channelChunks - 1) / channelChunks
        var mean = [Float](repeating: 0, count: channels), invStd = [Float](repeating: 0, count: channels)
        if training {
            var batchMean = [Double](repeating: 0, count: channels), batchSquares = [Double](repeating: 0, count: channels)
            x.data.withUnsafeBufferPointer { px in
                batchMean.withUnsafeMutableBufferPointer { pm in
                    batchSquares.withUnsafeMutableBufferPointer { ps in
                        Parallel.forEach(channelChunks) { chunk in
                            for c in (chunk * channelsPerChunk)..<min(channels, (chunk + 1) * channelsPerChunk) {
                                var sum = 0.0
                                for n in 0..<batch {
                                    sum += VectorKernels.sumInDouble(px.baseAddress! + (n * channels + c) * spatial, count: spatial)
                                }
                                let mu = sum / Double(m)
                                var squares = 0.0
                                for n in 0..<batch {
                                    squares += VectorKernels.squaredDeviationsInDouble(
                                        px.baseAddress! + (n * channels + c) * spatial, count: spatial, mean: mu)
                                }
                                pm[c] = mu
                                ps[c] = squares
                            }
                        }
                    }
                }
            }
            for c in 0..<channels {
                let mu = batchMean[c], variance = batchSquares[c] / Double(m)
                mean[c] = Float(mu)
                invStd[c] = Float(1 / (variance + Double(epsilon)).squareRoot())
                runningMean[c] = (1 - momentum) * runningMean[c] + momentum * Float(mu)
                runningVariance[c] = (1 - momentum) * runningVariance[c] + momentum * Float(batchSquares[c] / Double(m - 1))
            }
        } else {
            for c in 0..<channels {
                mean[c] = runningMean[c]
                invStd[c] = 1 / (runningVariance[c] + epsilon).squareRoot()
            }
        }
        let planes = batch * channels
        let planesPerChunk = max(1, Parallel.elementGrain / max(1, spatial))
        let planeChunks = (planes + planesPerChunk - 1) / planesPerChunk
        let out = VectorKernels.array(count: x.count) { po in
            x.data.withUnsafeBufferPointer { px in
                weight.data.withUnsafeBufferPointer { pw in
                    bias.data.withUnsafeBufferPointer { pb in
                        Parallel.forEach(planeChunks) { chunk in
                            for plane in (chunk * planesPerChunk)..<min(planes, (chunk + 1) * planesPerChunk) {
                                let c = plane % channels, base = plane * spatial
                                // PyTorch's CPU kernel folds the statistics into y = x·α + β.
                                let alpha = pw[c] * invStd[c], beta = pb[c] - mean[c] * alpha
                                let src = px.baseAddress! + base, dst = po.baseAddress! + base
                                if relu {
                                    for i in 0..<spatial { dst[i] = max(src[i] * alpha + beta, 0) }
                                } else {
                                    for i in 0..<spatial { dst[i] = src[i] * alpha + beta }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Tensor(shape: x.shape, data: out, inputs: [x, weight, bias]) { g in
            // With the fused ReLU, the gradient passes only where the output is positive.
            // x̂ = (x − mean)·invstd, recomputed exactly as the forward pass would have.
            // Per-channel sums in Double: Σ g·x̂ cancels heavily (x̂ has mean 0 in training).
            var sumG = [Float](repeating: 0, count: channels), sumGH = [Float](repeating: 0, count: channels)
            x.data.withUnsafeBufferPointer { px in
                out.withUnsafeBufferPointer { py in
                    sumG.withUnsafeMutableBufferPointer { psg in
                        sumGH.withUnsafeMutableBufferPointer { psgh in
                            Parallel.forEach(channelChunks) { chunk in
                                for c in (chunk * channelsPerChunk)..<min(channels, (chunk + 1) * channelsPerChunk) {
                                    let mu = mean[c], s = invStd[c]
                                    var a = 0.0, b = 0.0
                                    for n in 0..<batch {
                                        let base = (n * channels + c) * spatial
                                        let sums = relu
                                            ? Self.gatedSums(g.baseAddress! + base, px.baseAddress! + base, py.baseAddress! + base,
                                                             count: spatial, mean: mu, invStd: s)
                                            : Self.gatedSums(g.baseAddress! + base, px.baseAddress! + base, nil,
                                                             count: spatial, mean: mu, invStd: s)
                                        a += sums.g
                                        b += sums.gh
                                    }
                                    psg[c] = Float(a); psgh[c] = Float(b)
                                }
                            }
                        }
                    }
                }
            }
            if weight.requiresGrad { weight.accumulateGrad { t in for c in 0..<channels { t[c] += sumGH[c] } } }
            if bias.requiresGrad { bias.accumulateGrad { t in for c in 0..<channels { t[c] += sumG[c] } } }
            guard x.requiresGrad else { return }
            x.writeOrAccumulateGrad { t, fresh in
                x.data.withUnsafeBufferPointer { px in
                    out.withUnsafeBufferPointer { py in
                        weight.data.withUnsafeBufferPointer { pw in
                            Parallel.forEach(planeChunks) { chunk in
                                for plane in (chunk * planesPerChunk)..<min(planes, (chunk + 1) * planesPerChunk) {
                                    let c = plane % channels, base = plane * spatial
                                    let mu = mean[c], s = invStd[c], scale = pw[c] * s
                                    let meanG = sumG[c] / Float(m), meanGH = sumGH[c] / Float(m)
                                    let gp = g.baseAddress! + base, xp = px.baseAddress! + base, yp = py.baseAddress! + base
                                    let tp = t.baseAddress! + base
                                    // One loop per case, so that each is a straight vectorisable loop.
                                    switch (training, relu, fresh) {
                                    case (true, true, true):
                                        for i in 0..<spatial { tp[i] = scale * ((yp[i] > 0 ? gp[i] : 0) - meanG - (xp[i] - mu) * s * meanGH) }
                                    case (true, true, false):
                                        for i in 0..<spatial { tp[i] += scale * ((yp[i] > 0 ? gp[i] : 0) - meanG - (xp[i] - mu) * s * meanGH) }
                                    case (true, false, true):
                                        for i in 0..<spatial { tp[i] = scale * (gp[i] - meanG - (xp[i] - mu) * s * meanGH) }
                                    case (true, false, false):
                                        for i in 0..<spatial { tp[i] += scale * (gp[i] - meanG - (xp[i] - mu) * s * meanGH) }
                                    case (false, true, true):
                                        for i in 0..<spatial { tp[i] = scale * (yp[i] > 0 ? gp[i] : 0) }
                                    case (false, true, false):
                                        for i in 0..<spatial { tp[i] += scale * (yp[i] > 0 ? gp[i] : 0) }
                                    case (false, false, true):
                                        for i in 0..<spatial { tp[i] = scale * gp[i] }
                                    case (false, false, false):
                                        for i in 0..<spatial { tp[i] += scale * gp[i] }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// `(Σ g, Σ g·x̂)` over one plane in Double, with `x̂ = (x − mean)·invStd` and `g` zeroed
    /// where `output` (when given) is not positive.
    @inline(__always)
    private static func gatedSums(_ g: UnsafePointer<Float>, _ x: UnsafePointer<Float>, _ output: UnsafePointer<Float>?,
                                  count n: Int, mean: Float, invStd: Float) -> (g: Double, gh: Double) {
        let rg = UnsafeRawPointer(g), rx = UnsafeRawPointer(x)
        var sg = SIMD8<Double>(), sgh = SIMD8<Double>()
        var i = 0
        while i + 8 <= n {
            var gv = rg.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            if let output {
                let yv = UnsafeRawPointer(output).loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                gv.replace(with: 0, where: .!(yv .> 0))
            }
            let h = (rx.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) - mean) * invStd
            let gd = SIMD8<Double>(gv)
            sg += gd
            sgh += gd * SIMD8<Double>(h)
            i += 8
        }
        var a = sg.sum(), b = sgh.sum()
        while i < n {
            let gi = output.map { $0[i] > 0 } ?? true ? g[i] : 0
            a += Double(gi)
            b += Double(gi) * Double((x[i] - mean) * invStd)
            i += 1
        }
        return (a, b)
    }
}
