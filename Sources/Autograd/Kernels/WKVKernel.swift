import Dispatch

/// The RWKV-4 WKV recurrence on raw `[B, T, C]` buffers, forward and backward, sequential
/// over T, parallel over fixed chunks of the batch (see `Tensor.wkv` for the formulas), and
/// vectorised over channels by the compiler: each token's channel loop is branch-free scalar
/// code with the state in small per-channel arrays, which LLVM turns into eight-lane AVX2
/// code (faster than hand-written `SIMD8` lanes, whose masks it lowered poorly).
///
/// Every exponential is taken of a difference against a running maximum, so its argument
/// is at most 0 and no intermediate overflows (the authors' stable form, extended to the
/// backward pass): state values are stored as mantissa · e^exponent with the mantissa ≤ 1
/// per term.
enum WKVKernel {
    /// Batch rows per parallel chunk: fixed, so the work split (and the order in which the
    /// per-chunk gradients of the decay and bonus are summed) never depends on the machine.
    static let rowsPerChunk = 4

    /// The state's exponent before the first token: "minus infinity" as the authors write
    /// it, finite so that differences stay finite.
    static let emptyExponent: Float = -1e38

    /// Sizes and the per-channel decay `w = exp(time_decay)` and bonus `u = time_first`.
    struct Shape {
        let batch: Int, steps: Int, channels: Int
        var chunks: Int { (batch + WKVKernel.rowsPerChunk - 1) / WKVKernel.rowsPerChunk }
        func rows(_ chunk: Int) -> Range<Int> {
            (chunk * WKVKernel.rowsPerChunk)..<min(batch, (chunk + 1) * WKVKernel.rowsPerChunk)
        }
    }

    /// `y[b, t, c]` for all rows.
    static func forward(_ shape: Shape, k: UnsafePointer<Float>, v: UnsafePointer<Float>,
                        w: UnsafePointer<Float>, u: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>) {
        let (steps, channels) = (shape.steps, shape.channels)
        forEachChunk(shape) { rows in
            // The state (a, b, p) of every channel of the current row.
            let state = UnsafeMutablePointer<Float>.allocate(capacity: 3 * channels)
            defer { state.deallocate() }
            let a = state, den = state + channels, p = state + 2 * channels
            for b in rows {
                for c in 0..<channels { a[c] = 0; den[c] = 0; p[c] = emptyExponent }
                for t in 0..<steps {
                    let offset = (b * steps + t) * channels
                    let kt = k + offset, vt = v + offset, yt = y + offset
                    for c in 0..<channels {
                        let (e1, e2) = expAgainstMaximum(p[c], u[c] + kt[c])
                        yt[c] = (e1 * a[c] + e2 * vt[c]) / (e1 * den[c] + e2)
                        let decayed = p[c] - w[c]
                        let (f1, f2) = expAgainstMaximum(decayed, kt[c])
                        a[c] = f1 * a[c] + f2 * vt[c]
                        den[c] = f1 * den[c] + f2
                        p[c] = maximum(decayed, kt[c])
                    }
                }
            }
        }
    }

    /// Gradients of `Σ g·y`: `dk`, `dv` (`[B, T, C]`, overwritten) and `dw`, `du` (`[C]`,
    /// overwritten; `dw` is with respect to the decay rate `w`, not `time_decay`).
    ///
    /// Per row and channel: a forward sweep recomputes the state and takes the direct
    /// terms (token t's own contribution to `y_t`, the bonus, and the decay through the
    /// state's derivative `a'_t = Σ_{i<t} (t−1−i)·e^{k_i − (t−1−i)w}·v_i`, likewise `b'_t`,
    /// written as `∂y_t/∂w = −(a'_t − y_t b'_t)/D_t = −(M_t + e^{u+k_t}(a'_t − b'_t v_t))/D_t²` with
    /// `M_t = a'_t b_t − b'_t a_t` carried by its own recurrence: the direct form cancels
    /// catastrophically when one token dominates the state, `y_t ≈ v_i`);
    /// a reverse sweep accumulates `S_i = Σ_{t>i} e^{−(t−1−i)w}·g_t/D_t` (and the same with
    /// `g_t·y_t`) for the contributions of token i through later tokens' state.
    static func backward(_ shape: Shape, k: UnsafePointer<Float>, v: UnsafePointer<Float>,
                         w: UnsafePointer<Float>, u: UnsafePointer<Float>, y: UnsafePointer<Float>,
                         g: UnsafePointer<Float>, dk: UnsafeMutablePointer<Float>, dv: UnsafeMutablePointer<Float>,
                         dw: UnsafeMutablePointer<Float>, du: UnsafeMutablePointer<Float>) {
        let (steps, channels) = (shape.steps, shape.channels)
        // Per chunk: partial dw and du for every channel, summed in chunk order below.
        let partials = UnsafeMutablePointer<Double>.allocate(capacity: shape.chunks * 2 * channels)
        partials.initialize(repeating: 0, count: shape.chunks * 2 * channels)
        defer { partials.deallocate() }
        forEachChunk(shape) { rows in
            let chunk = rows.lowerBound / rowsPerChunk
            let dwPartial = partials + chunk * 2 * channels, duPartial = dwPartial + channels
            // Saved per token for the reverse sweep: the exponent q_t of D_t and g_t / (D_t e^{-q_t}).
            // And each token's term of dw, summed in Double after the sweep (in the same order as
            // a running sum, but keeping the sweep in Float, eight lanes wide instead of four).
            let saved = UnsafeMutablePointer<Float>.allocate(capacity: 3 * steps * channels)
            defer { saved.deallocate() }
            let exponents = saved, scaledGradients = saved + steps * channels, dwTerms = saved + 2 * steps * channels
            // Per channel: the state and its derivatives (forward sweep), or the reverse sums.
            let state = UnsafeMutablePointer<Float>.allocate(capacity: 6 * channels)
            defer { state.deallocate() }
            // Sums over tokens of terms of both signs: accumulated in Double.
            let sums = UnsafeMutablePointer<Double>.allocate(capacity: 2 * channels)
            defer { sums.deallocate() }
            let dwSum = sums, duSum = sums + channels
            for b in rows {
                let a = state, den = state + channels, p = state + 2 * channels
                let aPrime = state + 3 * channels, denPrime = state + 4 * channels, cross = state + 5 * channels
                for c in 0..<channels {
                    a[c] = 0; den[c] = 0; p[c] = emptyExponent
                    aPrime[c] = 0; denPrime[c] = 0; cross[c] = 0
                    dwSum[c] = 0; duSum[c] = 0
                }
                for t in 0..<steps {
                    let offset = (b * steps + t) * channels
                    let kt = k + offset, vt = v + offset, yt = y + offset, gt = g + offset
                    let dkt = dk + offset, dvt = dv + offset
                    let qt = exponents + t * channels, st = scaledGradients + t * channels
                    let dwt = dwTerms + t * channels
                    for c in 0..<channels {
                        let ww = u[c] + kt[c]
                        let (e1, e2) = expAgainstMaximum(p[c], ww)
                        let denominator = e1 * den[c] + e2
                        let gd = gt[c] / denominator
                        qt[c] = maximum(p[c], ww)
                        st[c] = gd
                        // Token t's own term e^{u+k_t}/D_t, in y_t's numerator and denominator.
                        let direct = gd * e2
                        let directK = direct * (vt[c] - yt[c])
                        dvt[c] = direct
                        dkt[c] = directK
                        dwt[c] = gd / denominator * (e1 * e1 * cross[c] + e1 * e2 * (aPrime[c] - denPrime[c] * vt[c]))
                        let decayed = p[c] - w[c]
                        let (f1, f2) = expAgainstMaximum(decayed, kt[c])
                        // M' = e^{−2w} M + e^{−w} e^{k_t} ((a' − v_t b') + (a − v_t b)), exponent 2p.
                        cross[c] = f1 * f1 * cross[c] + f1 * f2 * ((aPrime[c] - vt[c] * denPrime[c]) + (a[c] - vt[c] * den[c]))
                        aPrime[c] = f1 * (aPrime[c] + a[c])
                        denPrime[c] = f1 * (denPrime[c] + den[c])
                        a[c] = f1 * a[c] + f2 * vt[c]
                        den[c] = f1 * den[c] + f2
                        p[c] = maximum(decayed, kt[c])
                    }
                }
                // du sums the direct terms, which dk holds until the reverse sweep adds to it.
                for t in 0..<steps {
                    let dkt = dk + (b * steps + t) * channels, dwt = dwTerms + t * channels
                    for c in 0..<channels {
                        duSum[c] += Double(dkt[c])
                        dwSum[c] -= Double(dwt[c])
                    }
                }
                let sAlpha = state, sBeta = state + channels, exponent = state + 2 * channels
                for c in 0..<channels { sAlpha[c] = 0; sBeta[c] = 0; exponent[c] = emptyExponent }
                for t in stride(from: steps - 1, through: 0, by: -1) {
                    let offset = (b * steps + t) * channels
                    let kt = k + offset, vt = v + offset, yt = y + offset
                    let dkt = dk + offset, dvt = dv + offset
                    let qt = exponents + t * channels, st = scaledGradients + t * channels
                    for c in 0..<channels {
                        // e^{k_t} S_t ≤ Σ|g|/d̃: k_t − (t'−1−t)w ≤ q_{t'} for every later t'.
                        let scale = exp(kt[c] + exponent[c])
                        let alpha = scale * sAlpha[c], beta = scale * sBeta[c]
                        dvt[c] = dvt[c] + alpha
                        dkt[c] = dkt[c] + vt[c] * alpha - beta
                        let decayed = exponent[c] - w[c], own = -qt[c]
                        let (f1, f2) = expAgainstMaximum(decayed, own)
                        sAlpha[c] = f1 * sAlpha[c] + f2 * st[c]
                        sBeta[c] = f1 * sBeta[c] + f2 * st[c] * yt[c]
                        exponent[c] = maximum(decayed, own)
                    }
                }
                for c in 0..<channels {
                    dwPartial[c] += dwSum[c]
                    duPartial[c] += duSum[c]
                }
            }
        }
        for c in 0..<channels {
            var dwTotal = 0.0, duTotal = 0.0
            for chunk in 0..<shape.chunks {
                dwTotal += partials[chunk * 2 * channels + c]
                duTotal += partials[chunk * 2 * channels + channels + c]
            }
            dw[c] = Float(dwTotal)
            du[c] = Float(duTotal)
        }
    }

    /// Runs `body` on every chunk of rows, in parallel when there is more than one.
    private static func forEachChunk(_ shape: Shape, _ body: (Range<Int>) -> Void) {
        if shape.chunks > 1 {
            DispatchQueue.concurrentPerform(iterations: shape.chunks) { body(shape.rows($0)) }
        } else if shape.chunks == 1 {
            body(shape.rows(0))
        }
    }

    /// The larger of `a` and `b` (`b` when `a < b`, as the authors' `torch.maximum` on finite values).
    @inline(__always)
    private static func maximum(_ a: Float, _ b: Float) -> Float { a < b ? b : a }

    /// `(e^{a−m}, e^{b−m})` with `m = max(a, b)`, from a single exponential: one of the two is
    /// `e^0 = 1` exactly, the other `e^{−|a−b|}` (`b − a` is exactly `−(a − b)`).
    @inline(__always)
    private static func expAgainstMaximum(_ a: Float, _ b: Float) -> (Float, Float) {
        let d = a - b
        let e = exp(Swift.min(d, -d))
        return d < 0 ? (e, 1) : (1, e)
    }

    @inline(__always)
    private static func exp(_ x: Float) -> Float { FastMath.exp(x) }
}
