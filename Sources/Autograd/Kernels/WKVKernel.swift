import Dispatch

/// The RWKV-4 WKV recurrence on raw `[B, T, C]` buffers, forward and backward, vectorised
/// over eight channels at a time, sequential over T, and parallel over fixed chunks of the
/// batch (see `Tensor.wkv` for the formulas).
///
/// Every exponential is taken of a difference against a running maximum, so its argument
/// is at most 0 and no intermediate overflows (the authors' stable form, extended to the
/// backward pass): state values are stored as mantissa · e^exponent with the mantissa ≤ 1
/// per term.
enum WKVKernel {
    /// Eight channels, one AVX2 register.
    typealias Lanes = SIMD8<Float>

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
        /// Channel blocks of eight (the last may be partial).
        var blocks: Int { (channels + 7) / 8 }
    }

    /// `y[b, t, c]` for all rows.
    static func forward(_ shape: Shape, k: UnsafePointer<Float>, v: UnsafePointer<Float>,
                        w: UnsafePointer<Float>, u: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>) {
        let (steps, channels) = (shape.steps, shape.channels)
        forEachChunk(shape) { rows in
            for b in rows {
                for block in 0..<shape.blocks {
                    let c0 = block * 8, lanes = min(8, channels - c0)
                    let wv = load(w + c0, lanes), uv = load(u + c0, lanes)
                    var a = Lanes(), den = Lanes(), p = Lanes(repeating: emptyExponent)
                    for t in 0..<steps {
                        let offset = (b * steps + t) * channels + c0
                        let kt = load(k + offset, lanes), vt = load(v + offset, lanes)
                        var ww = uv + kt
                        var q = maximum(p, ww)
                        var e1 = exp(p - q), e2 = exp(ww - q)
                        store((e1 * a + e2 * vt) / (e1 * den + e2), y + offset, lanes)
                        ww = p - wv
                        q = maximum(ww, kt)
                        e1 = exp(ww - q); e2 = exp(kt - q)
                        a = e1 * a + e2 * vt
                        den = e1 * den + e2
                        p = q
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
        let blocks = shape.blocks
        // Per chunk: partial dw and du for every channel block, summed in chunk order below.
        let partials = UnsafeMutablePointer<SIMD8<Double>>.allocate(capacity: shape.chunks * blocks * 2)
        partials.initialize(repeating: SIMD8<Double>(), count: shape.chunks * blocks * 2)
        defer { partials.deallocate() }
        forEachChunk(shape) { rows in
            let chunk = rows.lowerBound / rowsPerChunk
            // Saved per token for the reverse sweep: the exponent q_t of D_t and g_t / (D_t e^{-q_t}).
            let saved = UnsafeMutablePointer<Lanes>.allocate(capacity: 2 * steps)
            defer { saved.deallocate() }
            let exponents = saved, scaledGradients = saved + steps
            for b in rows {
                for block in 0..<blocks {
                    let c0 = block * 8, lanes = min(8, channels - c0)
                    let wv = load(w + c0, lanes), uv = load(u + c0, lanes)
                    // Sums over tokens of terms of both signs: accumulated in Double.
                    var dwSum = SIMD8<Double>(), duSum = SIMD8<Double>()
                    var a = Lanes(), den = Lanes(), p = Lanes(repeating: emptyExponent)
                    var aPrime = Lanes(), denPrime = Lanes(), cross = Lanes()
                    for t in 0..<steps {
                        let offset = (b * steps + t) * channels + c0
                        let kt = load(k + offset, lanes), vt = load(v + offset, lanes)
                        let yt = load(y + offset, lanes), gt = load(g + offset, lanes)
                        let ww = uv + kt
                        let q = maximum(p, ww)
                        let e1 = exp(p - q), e2 = exp(ww - q)
                        let denominator = e1 * den + e2
                        let gd = gt / denominator
                        exponents[t] = q
                        scaledGradients[t] = gd
                        // Token t's own term e^{u+k_t}/D_t, in y_t's numerator and denominator.
                        let direct = gd * e2
                        let directK = direct * (vt - yt)
                        store(direct, dv + offset, lanes)
                        store(directK, dk + offset, lanes)
                        duSum += SIMD8<Double>(directK)
                        dwSum -= SIMD8<Double>(gd / denominator * (e1 * e1 * cross + e1 * e2 * (aPrime - denPrime * vt)))
                        let decayed = p - wv
                        let next = maximum(decayed, kt)
                        let f1 = exp(decayed - next), f2 = exp(kt - next)
                        // M' = e^{−2w} M + e^{−w} e^{k_t} ((a' − v_t b') + (a − v_t b)), exponent 2p.
                        cross = f1 * f1 * cross + f1 * f2 * ((aPrime - vt * denPrime) + (a - vt * den))
                        aPrime = f1 * (aPrime + a)
                        denPrime = f1 * (denPrime + den)
                        a = f1 * a + f2 * vt
                        den = f1 * den + f2
                        p = next
                    }
                    var sAlpha = Lanes(), sBeta = Lanes(), exponent = Lanes(repeating: emptyExponent)
                    for t in stride(from: steps - 1, through: 0, by: -1) {
                        let offset = (b * steps + t) * channels + c0
                        let kt = load(k + offset, lanes), vt = load(v + offset, lanes)
                        // e^{k_t} S_t ≤ Σ|g|/d̃: k_t − (t'−1−t)w ≤ q_{t'} for every later t'.
                        let scale = exp(kt + exponent)
                        let alpha = scale * sAlpha, beta = scale * sBeta
                        store(load(dv + offset, lanes) + alpha, dv + offset, lanes)
                        store(load(dk + offset, lanes) + vt * alpha - beta, dk + offset, lanes)
                        let yt = load(y + offset, lanes)
                        let decayed = exponent - wv, own = -exponents[t]
                        let next = maximum(decayed, own)
                        let f1 = exp(decayed - next), f2 = exp(own - next)
                        sAlpha = f1 * sAlpha + f2 * scaledGradients[t]
                        sBeta = f1 * sBeta + f2 * scaledGradients[t] * yt
                        exponent = next
                    }
                    partials[(chunk * blocks + block) * 2] += dwSum
                    partials[(chunk * blocks + block) * 2 + 1] += duSum
                }
            }
        }
        for block in 0..<blocks {
            var dwTotal = SIMD8<Double>(), duTotal = SIMD8<Double>()
            for chunk in 0..<shape.chunks {
                dwTotal += partials[(chunk * blocks + block) * 2]
                duTotal += partials[(chunk * blocks + block) * 2 + 1]
            }
            let c0 = block * 8, lanes = min(8, channels - c0)
            store(Lanes(dwTotal), dw + c0, lanes)
            store(Lanes(duTotal), du + c0, lanes)
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

    @inline(__always)
    private static func load(_ p: UnsafePointer<Float>, _ lanes: Int) -> Lanes {
        if lanes == 8 { return UnsafeRawPointer(p).loadUnaligned(as: Lanes.self) }
        var x = Lanes()
        for i in 0..<lanes { x[i] = p[i] }
        return x
    }

    @inline(__always)
    private static func load(_ p: UnsafeMutablePointer<Float>, _ lanes: Int) -> Lanes {
        load(UnsafePointer(p), lanes)
    }

    @inline(__always)
    private static func store(_ x: Lanes, _ p: UnsafeMutablePointer<Float>, _ lanes: Int) {
        if lanes == 8 { UnsafeMutableRawPointer(p).storeBytes(of: x, as: Lanes.self); return }
        for i in 0..<lanes { p[i] = x[i] }
    }

    /// The larger of `a` and `b` per lane (the standard library's `pointwiseMax` is not
    /// inlined here and cost a third of the kernel's time).
    @inline(__always)
    static func maximum(_ a: Lanes, _ b: Lanes) -> Lanes { a.replacing(with: b, where: a .< b) }

    /// The smaller of `a` and `b` per lane.
    @inline(__always)
    static func minimum(_ a: Lanes, _ b: Lanes) -> Lanes { a.replacing(with: b, where: b .< a) }

    /// `e^x` per lane, Cephes' single-precision polynomial (about 1 ulp on [−87, 88]):
    /// x = n·ln 2 + r with |r| ≤ ln2/2, e^r by a degree-7 polynomial, times 2^n built from
    /// the exponent bits. Arguments below −87.3 (results below Float's normal range,
    /// including the −1e38 of an empty state) give exactly 0. Integer conversions go through
    /// the 1.5·2²³ "magic number" (adding it rounds to the nearest integer and leaves that
    /// integer in the low mantissa bits), which stays in vector registers.
    @inline(__always)
    static func exp(_ x: Lanes) -> Lanes {
        let lowest: Float = -87.33654, highest: Float = 88
        let magic: Float = 12_582_912
        let clamped = minimum(maximum(x, Lanes(repeating: lowest)), Lanes(repeating: highest))
        let shifted = clamped * 1.44269504088896341 + magic
        let n = shifted - magic
        var r = clamped - n * 0.693359375
        r = r + n * 2.12194440e-4
        let r2 = r * r
        var poly = Lanes(repeating: 1.9875691500e-4)
        poly = poly * r + 1.3981999507e-3
        poly = poly * r + 8.3334519073e-3
        poly = poly * r + 4.1665795894e-2
        poly = poly * r + 1.6666665459e-1
        poly = poly * r + 5.0000001201e-1
        let mantissa = poly * r2 + r + 1
        let exponent = (unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000 &+ 127) &<< 23
        let scaled = mantissa * unsafeBitCast(exponent, to: Lanes.self)
        return scaled.replacing(with: 0, where: x .< lowest)
    }
}
