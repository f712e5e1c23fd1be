import Foundation

extension Tensor {
    /// Multi-head self-attention inside independent windows of `P` tokens with an additive per-head bias, the core of
    /// torchvision MaxViT's `RelativePositionalMultiHeadAttention` between its `to_qkv` and `merge` projections.
    ///
    /// `qkv` is [..., P, 3C] (the leading axes are the windows), laid out as `to_qkv`'s output: columns `0..<C` are the
    /// queries, `C..<2C` the keys, `2C..<3C` the values, and head `h` owns columns `h·D ..< (h+1)·D` of each third
    /// (D = C / heads). `bias` is [heads, P, P]. For every window and head:
    ///
    ///     A = softmax_rows(scale · Q Kᵀ + bias[h]),   out[..., :, h·D ..< (h+1)·D] = A V
    ///
    /// giving [..., P, C] (heads merged back in column order, as torchvision's permute + reshape does).
    /// Backward, with G the output gradient of one window and head: `dV = Aᵀ G`, `dA = G Vᵀ`,
    /// `dS = A ⊙ (dA − rowsum(dA ⊙ A))`, `dQ = scale · dS K`, `dK = scale · dSᵀ Q`, `dbias[h] = Σ_windows dS`.
    ///
    /// Every product is one strided single-thread `sgemm` reading `qkv` in place (no permuted copies); the
    /// window-head pairs run concurrently, each writing its own blocks. The bias gradient is summed over windows
    /// afterwards in window order, so results never depend on the machine. The forward keeps A for the backward.
    /// - Precondition: rank ≥ 2, last extent 3C with C divisible by `heads`, `bias` of shape [heads, P, P].
    public static func windowAttention(_ qkv: Tensor, bias: Tensor, heads: Int, scale: Float) -> Tensor {
        precondition(qkv.rank >= 2 && heads > 0 && qkv.shape[qkv.rank - 1] % (3 * heads) == 0,
                     "windowAttention needs qkv [..., P, 3C] with C divisible by \(heads) heads, got \(qkv.shape)")
        let p = qkv.shape[qkv.rank - 2], width = qkv.shape[qkv.rank - 1]
        let c = width / 3, d = c / heads, pp = p * p
        precondition(bias.shape == [heads, p, p], "windowAttention bias must be [\(heads), \(p), \(p)], got \(bias.shape)")
        let windows = p == 0 ? 0 : qkv.count / (p * width)
        let units = windows * heads

        var attention = [Float]()
        let out = VectorKernels.array(count: windows * p * c) { po in
            attention = VectorKernels.array(count: units * pp) { pa in
                qkv.data.withUnsafeBufferPointer { px in
                    bias.data.withUnsafeBufferPointer { pb in
                        let x = px.baseAddress!, b = pb.baseAddress!, a = pa.baseAddress!, o = po.baseAddress!
                        Parallel.forEach(units) { unit in
                            let w = unit / heads, h = unit % heads
                            let q = x + w * p * width + h * d, scores = a + unit * pp
                            GEMM.multiply(transposeA: false, transposeB: true, m: p, n: p, k: d, alpha: scale,
                                          a: q, lda: width, b: q + c, ldb: width, beta: 0, c: scores, ldc: p)
                            softmaxRows(scores, adding: b + h * pp, rows: p)
                            GEMM.multiply(transposeA: false, transposeB: false, m: p, n: d, k: p,
                                          a: scores, lda: p, b: q + 2 * c, ldb: width,
                                          beta: 0, c: o + w * p * c + h * d, ldc: c)
                        }
                    }
                }
            }
        }
        let outShape = Array(qkv.shape.dropLast()) + [c]
        return Tensor(shape: outShape, data: out, inputs: [qkv, bias]) { g in
            // dS for every window and head (the bias gradient sums it over windows).
            var dqkv = [Float]()
            let dScores = VectorKernels.array(count: units * pp) { pds in
                let makeInputGradient = qkv.requiresGrad
                let body = { (dx: UnsafeMutablePointer<Float>?) in
                    qkv.data.withUnsafeBufferPointer { px in
                        attention.withUnsafeBufferPointer { pa in
                            let x = px.baseAddress!, a = pa.baseAddress!, ds0 = pds.baseAddress!, gb = g.baseAddress!
                            Parallel.forEach(units) { unit in
                                let w = unit / heads, h = unit % heads
                                let q = x + w * p * width + h * d, weights = a + unit * pp, ds = ds0 + unit * pp
                                let gradOut = gb + w * p * c + h * d
                                GEMM.multiply(transposeA: false, transposeB: true, m: p, n: p, k: d,
                                              a: gradOut, lda: c, b: q + 2 * c, ldb: width, beta: 0, c: ds, ldc: p)
                                if let dx {
                                    GEMM.multiply(transposeA: true, transposeB: false, m: p, n: d, k: p,
                                                  a: weights, lda: p, b: gradOut, ldb: c,
                                                  beta: 0, c: dx + (q - x) + 2 * c, ldc: width)
                                }
                                for i in 0..<p {
                                    let row = i * p
                                    var dot: Float = 0
                                    for j in 0..<p { dot += ds[row + j] * weights[row + j] }
                                    for j in 0..<p { ds[row + j] = weights[row + j] * (ds[row + j] - dot) }
                                }
                                if let dx {
                                    let dq = dx + (q - x)
                                    GEMM.multiply(transposeA: false, transposeB: false, m: p, n: d, k: p, alpha: scale,
                                                  a: ds, lda: p, b: q + c, ldb: width, beta: 0, c: dq, ldc: width)
                                    GEMM.multiply(transposeA: true, transposeB: false, m: p, n: d, k: p, alpha: scale,
                                                  a: ds, lda: p, b: q, ldb: width, beta: 0, c: dq + c, ldc: width)
                                }
                            }
                        }
                    }
                }
                if makeInputGradient {
                    dqkv = VectorKernels.array(count: qkv.count) { body($0.baseAddress!) }
                } else {
                    body(nil)
                }
            }
            if qkv.requiresGrad { qkv.accumulateGrad(adopting: dqkv) }
            if bias.requiresGrad {
                let perWindow = heads * pp
                bias.accumulateGrad { db in
                    dScores.withUnsafeBufferPointer { pds in
                        let ds = pds.baseAddress!, t = db.baseAddress!
                        for w in 0..<windows {
                            let source = ds + w * perWindow
                            for e in 0..<perWindow { t[e] += source[e] }
                        }
                    }
                }
            }
        }
    }

    /// Adds `bias` (rows × rows) to the square score matrix `scores` and replaces each row by its softmax,
    /// `exp(s − max) / Σ exp(s − max)`.
    @inline(__always)
    private static func softmaxRows(_ scores: UnsafeMutablePointer<Float>, adding bias: UnsafePointer<Float>, rows: Int) {
        for i in 0..<rows {
            let row = scores + i * rows, b = bias + i * rows
            var maximum = -Float.infinity
            for j in 0..<rows {
                row[j] += b[j]
                maximum = max(maximum, row[j])
            }
            var total: Float = 0
            for j in 0..<rows {
                let e = expf(row[j] - maximum)
                row[j] = e
                total += e
            }
            let inverse = 1 / total
            for j in 0..<rows { row[j] *= inverse }
        }
    }
}
