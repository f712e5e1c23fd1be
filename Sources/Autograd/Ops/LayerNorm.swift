extension Tensor {
    /// Layer normalisation over the last axis, like `torch.nn.functional.layer_norm(x, [D],
    /// weight, bias, eps)`: each row of D values is normalised with its mean and biased
    /// variance (in Double), then scaled by `weight` [D] and shifted by `bias` [D].
    /// Backward, with `gw = g·w`: `dx = invstd · (gw − mean(gw) − x̂·mean(gw·x̂))`,
    /// `dw = Σ g·x̂`, `db = Σ g` over rows.
    ///
    /// Rows are split into fixed chunks that run concurrently; `dw` and `db` are summed per
    /// chunk, then over chunks in chunk order, so the result never depends on the machine.
    /// - Precondition: rank ≥ 1 and `weight`, `bias` of shape [D].
    public static func layerNorm(_ x: Tensor, weight: Tensor, bias: Tensor, epsilon: Float = 1e-5) -> Tensor {
        let (rows, width) = x.lastAxisRows("layerNorm")
        precondition(weight.shape == [width] && bias.shape == [width],
                     "layerNorm weight and bias must be [\(width)] for input \(x.shape), got \(weight.shape) and \(bias.shape)")
        guard x.count > 0 else {
            return Tensor(shape: x.shape, data: [], inputs: [x, weight, bias]) { _ in }
        }
        let chunks = LayerNormChunks(rows: rows, width: width)
        var normalized = VectorKernels.array(count: x.count) { _ in }
        var invStd = VectorKernels.array(count: rows) { _ in }
        let out = VectorKernels.array(count: x.count) { po in
            x.data.withUnsafeBufferPointer { px in
                weight.data.withUnsafeBufferPointer { pw in
                    bias.data.withUnsafeBufferPointer { pb in
                        normalized.withUnsafeMutableBufferPointer { ph in
                            invStd.withUnsafeMutableBufferPointer { ps in
                                let x = px.baseAddress!, w = pw.baseAddress!, b = pb.baseAddress!
                                let h = ph.baseAddress!, s = ps.baseAddress!, y = po.baseAddress!
                                Parallel.forEach(chunks.count) { chunk in
                                    for r in chunks.rows(chunk) {
                                        let row = x + r * width
                                        let mu = VectorKernels.sumInDouble(row, count: width) / Double(width)
                                        let squares = VectorKernels.squaredDeviationsInDouble(row, count: width, mean: mu)
                                        let scale = 1 / (squares / Double(width) + Double(epsilon)).squareRoot()
                                        s[r] = Float(scale)
                                        let hr = h + r * width, yr = y + r * width
                                        for k in 0..<width {
                                            let value = Float((Double(row[k]) - mu) * scale)
                                            hr[k] = value
                                            yr[k] = value * w[k] + b[k]
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let (savedNormalized, savedInvStd) = (normalized, invStd)
        return Tensor(shape: x.shape, data: out, inputs: [x, weight, bias]) { g in
            // Per chunk: partial Σ g·x̂ (first `width`) and Σ g (next `width`).
            var partials = [Float](repeating: 0, count: chunks.count * 2 * width)
            let needParameters = weight.requiresGrad || bias.requiresGrad
            savedNormalized.withUnsafeBufferPointer { ph in
                savedInvStd.withUnsafeBufferPointer { ps in
                    weight.data.withUnsafeBufferPointer { pw in
                        partials.withUnsafeMutableBufferPointer { pp in
                            x.withWritableGradientIfRequired { gx, fresh in
                                let h = ph.baseAddress!, s = ps.baseAddress!, w = pw.baseAddress!
                                let dy = g.baseAddress!, partial = pp.baseAddress!, dx = gx?.baseAddress
                                Parallel.forEach(chunks.count) { chunk in
                                    let gw = UnsafeMutablePointer<Float>.allocate(capacity: width)
                                    defer { gw.deallocate() }
                                    let dwPartial = partial + chunk * 2 * width, dbPartial = dwPartial + width
                                    for r in chunks.rows(chunk) {
                                        let gr = dy + r * width, hr = h + r * width
                                        if needParameters {
                                            for k in 0..<width {
                                                dwPartial[k] += gr[k] * hr[k]
                                                dbPartial[k] += gr[k]
                                            }
                                        }
                                        guard let dx else { continue }
                                        for k in 0..<width { gw[k] = gr[k] * w[k] }
                                        let meanGW = VectorKernels.sum(UnsafeBufferPointer(start: gw, count: width)) / Float(width)
                                        let meanGWH = VectorKernels.dot(gw, hr, count: width) / Float(width)
                                        let scale = s[r], dr = dx + r * width
                                        if fresh {
                                            for k in 0..<width { dr[k] = scale * (gw[k] - meanGW - hr[k] * meanGWH) }
                                        } else {
                                            for k in 0..<width { dr[k] += scale * (gw[k] - meanGW - hr[k] * meanGWH) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            guard needParameters else { return }
            for (tensor, part) in [(weight, 0), (bias, 1)] where tensor.requiresGrad {
                tensor.accumulateGrad { t in
                    for chunk in 0..<chunks.count {
                        let base = (chunk * 2 + part) * width
                        for k in 0..<width { t[k] += partials[base + k] }
                    }
                }
            }
        }
    }
}

/// The fixed split of `layerNorm`'s rows into chunks: about 16 K elements each, decided by
/// the shape alone.
private struct LayerNormChunks {
    let rows: Int
    let rowsPerChunk: Int
    let count: Int

    init(rows: Int, width: Int) {
        self.rows = rows
        rowsPerChunk = max(1, (1 << 14) / max(width, 1))
        count = (rows + rowsPerChunk - 1) / rowsPerChunk
    }

    func rows(_ chunk: Int) -> Range<Int> { (chunk * rowsPerChunk)..<min(rows, (chunk + 1) * rowsPerChunk) }
}
