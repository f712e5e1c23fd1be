extension Tensor {
    /// Batch normalisation over axis 1 of [N, C] or [N, C, ...] (BatchNorm1d/2d), like
    /// `torch.nn.functional.batch_norm` with affine `weight` and `bias` [C].
    ///
    /// Training: each channel is normalised with the mean and biased variance of its
    /// `M = N·spatial` values (in Double), and the running statistics are updated in place
    /// with PyTorch's rule `r ← (1 − momentum)·r + momentum·s`, using the *unbiased* variance
    /// `var·M/(M − 1)` for `runningVariance`. Backward:
    /// `dx = w·invstd/M · (M·g − Σg − x̂·Σ(g·x̂))`, `dw = Σ g·x̂`, `db = Σ g`.
    ///
    /// Evaluation (`training` false): normalises with the running statistics, which are left
    /// unchanged; backward `dx = g·w·invstd`.
    /// - Precondition: rank ≥ 2, parameters and statistics of length C, and in training more
    ///   than one value per channel.
    public static func batchNorm(_ x: Tensor, weight: Tensor, bias: Tensor,
                                 runningMean: inout [Float], runningVariance: inout [Float],
                                 training: Bool, momentum: Float = 0.1, epsilon: Float = 1e-5) -> Tensor {
        precondition(x.rank >= 2, "batchNorm input must be [N, C, ...], got \(x.shape)")
        let batch = x.shape[0], channels = x.shape[1], spatial = x.shape[2...].reduce(1, *)
        precondition(weight.shape == [channels] && bias.shape == [channels]
                     && runningMean.count == channels && runningVariance.count == channels,
                     "batchNorm parameters and running statistics must have \(channels) values for input \(x.shape)")
        let m = batch * spatial
        precondition(!training || m > 1, "batchNorm in training needs more than 1 value per channel, got input \(x.shape)")
        var mean = [Float](repeating: 0, count: channels), invStd = [Float](repeating: 0, count: channels)
        x.data.withUnsafeBufferPointer { px in
            for c in 0..<channels {
                if training {
                    var sum = 0.0
                    for n in 0..<batch {
                        let row = px.baseAddress! + (n * channels + c) * spatial
                        for s in 0..<spatial { sum += Double(row[s]) }
                    }
                    let mu = sum / Double(m)
                    var squares = 0.0
                    for n in 0..<batch {
                        let row = px.baseAddress! + (n * channels + c) * spatial
                        for s in 0..<spatial { let d = Double(row[s]) - mu; squares += d * d }
                    }
                    let variance = squares / Double(m)
                    mean[c] = Float(mu)
                    invStd[c] = Float(1 / (variance + Double(epsilon)).squareRoot())
                    runningMean[c] = (1 - momentum) * runningMean[c] + momentum * Float(mu)
                    runningVariance[c] = (1 - momentum) * runningVariance[c] + momentum * Float(squares / Double(m - 1))
                } else {
                    mean[c] = runningMean[c]
                    invStd[c] = 1 / (runningVariance[c] + epsilon).squareRoot()
                }
            }
        }
        var normalized = [Float](repeating: 0, count: x.count)
        var out = [Float](repeating: 0, count: x.count)
        x.data.withUnsafeBufferPointer { px in
            for n in 0..<batch {
                for c in 0..<channels {
                    let base = (n * channels + c) * spatial
                    let mu = mean[c], s = invStd[c], w = weight.data[c], b = bias.data[c]
                    // PyTorch's CPU kernel folds the statistics into y = x·α + β.
                    let alpha = w * s, beta = b - mu * alpha
                    for i in base..<(base + spatial) {
                        normalized[i] = (px[i] - mu) * s
                        out[i] = px[i] * alpha + beta
                    }
                }
            }
        }
        return Tensor(shape: x.shape, data: out, inputs: [x, weight, bias]) { g in
            // Per-channel sums in Double: Σ g·x̂ cancels heavily (x̂ has mean 0 in training).
            var sumG = [Float](repeating: 0, count: channels), sumGH = [Float](repeating: 0, count: channels)
            for c in 0..<channels {
                var a = 0.0, b = 0.0
                for n in 0..<batch {
                    let base = (n * channels + c) * spatial
                    for i in base..<(base + spatial) { a += Double(g[i]); b += Double(g[i]) * Double(normalized[i]) }
                }
                sumG[c] = Float(a); sumGH[c] = Float(b)
            }
            if weight.requiresGrad { weight.accumulateGrad { t in for c in 0..<channels { t[c] += sumGH[c] } } }
            if bias.requiresGrad { bias.accumulateGrad { t in for c in 0..<channels { t[c] += sumG[c] } } }
            guard x.requiresGrad else { return }
            x.accumulateGrad { t in
                for n in 0..<batch {
                    for c in 0..<channels {
                        let base = (n * channels + c) * spatial
                        let scale = weight.data[c] * invStd[c]
                        if training {
                            let meanG = sumG[c] / Float(m), meanGH = sumGH[c] / Float(m)
                            for i in base..<(base + spatial) { t[i] += scale * (g[i] - meanG - normalized[i] * meanGH) }
                        } else {
                            for i in base..<(base + spatial) { t[i] += scale * g[i] }
                        }
                    }
                }
            }
        }
    }
}
