/// Pauli operators on one wire of `lanes` states stored lane-inner (amplitude `k` of lane `b` at `k·lanes + b`,
/// split real/imaginary arrays of `dimension · lanes` values): expectation values, the adjoint method's bra, and
/// the overlap it needs for a generator. Every per-lane sum runs over the amplitudes in the same order whatever
/// the lane count, and the inner loops run over lanes (contiguous, vectorisable without reordering any sum).
/// One state is the case `lanes == 1`.
enum PauliKernel {
    /// `out[b] = ⟨ψ_b|Z_w|ψ_b⟩ = Σ_k |ψ_{b,k}|² (1 if the wire bit of k is 0, else -1)`.
    @inline(__always)
    static func expectationZ(re: UnsafePointer<Double>, im: UnsafePointer<Double>, dimension: Int, stride s: Int,
                             lanes: Int, into out: UnsafeMutablePointer<Double>) {
        out.update(repeating: 0, count: lanes)
        var block = 0
        while block < dimension {
            for j in block..<(block + s) {
                let ra = re + j &* lanes, ia = im + j &* lanes, rh = ra + s &* lanes, ih = ia + s &* lanes
                for b in 0..<lanes {
                    out[b] += ra[b] * ra[b] + ia[b] * ia[b]
                    out[b] -= rh[b] * rh[b] + ih[b] * ih[b]
                }
            }
            block += 2 * s
        }
    }

    /// `out[w·lanes + b] = ⟨ψ_b|Z_w|ψ_b⟩` for every wire `w < n` in about two passes: the probabilities are
    /// summed in pairs over the least significant wire, whose `⟨Z⟩` is the sum of the pairs' differences, then
    /// the same on the halved array for the next wire. `work` holds `dimension / 2 · lanes` values.
    @inline(__always)
    static func expectationsZ(re: UnsafePointer<Double>, im: UnsafePointer<Double>, wireCount n: Int, lanes: Int,
                              work: UnsafeMutablePointer<Double>, into out: UnsafeMutablePointer<Double>) {
        out.update(repeating: 0, count: n * lanes)
        var size = (1 << n) >> 1
        let last = out + (n - 1) * lanes
        for i in 0..<size {
            let a = 2 &* i &* lanes, h = a &+ lanes, o = i &* lanes
            let ra = re + a, ia = im + a, rh = re + h, ih = im + h, wo = work + o
            for b in 0..<lanes {
                let p0 = ra[b] * ra[b] + ia[b] * ia[b], p1 = rh[b] * rh[b] + ih[b] * ih[b]
                last[b] += p0 - p1
                wo[b] = p0 + p1
            }
        }
        for w in stride(from: n - 2, through: 0, by: -1) {
            size >>= 1
            let sum = out + w * lanes
            for i in 0..<size {
                let a = 2 &* i &* lanes, o = i &* lanes
                let pa = work + a, ph = pa + lanes, wo = work + o
                for b in 0..<lanes {
                    let p0 = pa[b], p1 = ph[b]
                    sum[b] += p0 - p1
                    wo[b] = p0 + p1
                }
            }
        }
    }

    /// `λ_b = Σ_w g[w·lanes + b] · Z_w ψ_b` for all wires at once (overwrites `λ`): `Σ_w g_w Z_w` is diagonal
    /// with entry `c_k = Σ_w ±g_w` (+ where the wire bit of `k` is 0), built wire by wire in `λ`'s real part,
    /// then one pass multiplies.
    @inline(__always)
    static func braZ(_ g: UnsafePointer<Double>, re: UnsafePointer<Double>, im: UnsafePointer<Double>,
                     intoRe c: UnsafeMutablePointer<Double>, intoIm lim: UnsafeMutablePointer<Double>,
                     wireCount n: Int, lanes: Int) {
        c.update(repeating: 0, count: lanes)
        var size = 1
        for w in 0..<n {
            let gw = g + w * lanes
            // Descending, so entry i is read before 2i and 2i + 1 are written.
            for i in stride(from: size - 1, through: 0, by: -1) {
                let x = c + i &* lanes, y0 = c + 2 &* i &* lanes, y1 = y0 + lanes
                for b in 0..<lanes {
                    let v = x[b]
                    y1[b] = v - gw[b]
                    y0[b] = v + gw[b]
                }
            }
            size &*= 2
        }
        for k in 0..<(1 << n) {
            let o = k &* lanes
            let ck = c + o, ra = re + o, ia = im + o, ma = lim + o
            for b in 0..<lanes {
                let v = ck[b]
                ma[b] = v * ia[b]
                ck[b] = v * ra[b]
            }
        }
    }

    /// `λ_b ← λ_b + g[b] · Z_w ψ_b`.
    @inline(__always)
    static func accumulateZ(_ g: UnsafePointer<Double>, re: UnsafePointer<Double>, im: UnsafePointer<Double>,
                            intoRe lre: UnsafeMutablePointer<Double>, intoIm lim: UnsafeMutablePointer<Double>,
                            dimension: Int, stride s: Int, lanes: Int) {
        var block = 0
        while block < dimension {
            for j in block..<(block + s) {
                let a = j &* lanes, h = (j &+ s) &* lanes
                let ra = re + a, ia = im + a, rh = re + h, ih = im + h
                let la = lre + a, ma = lim + a, lh = lre + h, mh = lim + h
                for b in 0..<lanes {
                    la[b] += g[b] * ra[b]; ma[b] += g[b] * ia[b]
                    lh[b] -= g[b] * rh[b]; mh[b] -= g[b] * ih[b]
                }
            }
            block += 2 * s
        }
    }

    /// `out[b] = Im ⟨λ_b| P_w |φ_b⟩`: with `dU/dθ = -i/2 · P · U`, `2 Re ⟨λ| dU/dθ |φ_before⟩ = Im ⟨λ|P|φ_after⟩`.
    @inline(__always)
    static func imaginaryOverlap(_ p: Pauli, braRe lr: UnsafePointer<Double>, braIm li: UnsafePointer<Double>,
                                 ketRe pr: UnsafePointer<Double>, ketIm pi: UnsafePointer<Double>,
                                 dimension: Int, stride s: Int, lanes: Int, into out: UnsafeMutablePointer<Double>) {
        // Im(conj(λ) w) = λr·wi − λi·wr, with w = (Pφ)_k; j has the wire bit 0, h = j + s has it 1.
        switch p {
        case .z: // (Zφ)_j = φ_j, (Zφ)_h = -φ_h
            pairSum(dimension: dimension, stride: s, lanes: lanes, into: out) { j, h in
                (lr[j] * pi[j] - li[j] * pr[j]) - (lr[h] * pi[h] - li[h] * pr[h])
            }
        case .x: // (Xφ)_j = φ_h, (Xφ)_h = φ_j
            pairSum(dimension: dimension, stride: s, lanes: lanes, into: out) { j, h in
                (lr[j] * pi[h] - li[j] * pr[h]) + (lr[h] * pi[j] - li[h] * pr[j])
            }
        case .y: // (Yφ)_j = -i φ_h = (φi_h, -φr_h), (Yφ)_h = i φ_j = (-φi_j, φr_j)
            pairSum(dimension: dimension, stride: s, lanes: lanes, into: out) { j, h in
                (lr[h] * pr[j] + li[h] * pi[j]) - (lr[j] * pr[h] + li[j] * pi[h])
            }
        }
    }

    /// `out[b] = Σ_p term(j_p·lanes + b, h_p·lanes + b)` over the pairs `p` of the wire with stride `s` in order
    /// (`j_p` the `p`-th index with the wire bit 0, `h_p = j_p + s`). The summation order depends only on the
    /// state size, never on the lane count: one accumulator below `2^10` amplitudes; from there (few lanes, long
    /// sums) four partial sums (`p mod 4`) added as `(s₀ + s₁) + (s₂ + s₃)`, four independent chains instead of
    /// one. Lanes run innermost when there are enough of them to vectorise, samples innermost otherwise.
    @inline(__always)
    static func pairSum(dimension: Int, stride s: Int, lanes: Int, into out: UnsafeMutablePointer<Double>,
                        _ term: (Int, Int) -> Double) {
        let pairs = dimension / 2, h = s &* lanes
        @inline(__always) func index(_ p: Int) -> Int { ((p & ~(s &- 1)) << 1) | (p & (s &- 1)) }
        if dimension < 1 << 10 {
            if lanes >= 4 {
                out.update(repeating: 0, count: lanes)
                var block = 0
                while block < dimension {
                    for jj in block..<(block &+ s) {
                        let j = jj &* lanes
                        for b in 0..<lanes { out[b] += term(j &+ b, j &+ h &+ b) }
                    }
                    block &+= 2 &* s
                }
            } else {
                for b in 0..<lanes {
                    var sum = 0.0
                    for p in 0..<pairs {
                        let j = index(p) &* lanes &+ b
                        sum += term(j, j &+ h)
                    }
                    out[b] = sum
                }
            }
        } else if lanes >= 4 {
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 4 * lanes) { partial in
                let partial = partial.baseAddress!
                partial.update(repeating: 0, count: 4 * lanes)
                var p = 0, block = 0
                while block < dimension {
                    for jj in block..<(block &+ s) {
                        let j = jj &* lanes, sum = partial + (p & 3) &* lanes
                        for b in 0..<lanes { sum[b] += term(j &+ b, j &+ h &+ b) }
                        p &+= 1
                    }
                    block &+= 2 &* s
                }
                for b in 0..<lanes {
                    out[b] = (partial[b] + partial[lanes + b]) + (partial[2 * lanes + b] + partial[3 * lanes + b])
                }
            }
        } else {
            // pairs is a multiple of 4 here.
            for b in 0..<lanes {
                var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
                var p = 0
                while p < pairs {
                    let j0 = index(p) &* lanes &+ b, j1 = index(p &+ 1) &* lanes &+ b
                    let j2 = index(p &+ 2) &* lanes &+ b, j3 = index(p &+ 3) &* lanes &+ b
                    s0 += term(j0, j0 &+ h); s1 += term(j1, j1 &+ h)
                    s2 += term(j2, j2 &+ h); s3 += term(j3, j3 &+ h)
                    p &+= 4
                }
                out[b] = (s0 + s1) + (s2 + s3)
            }
        }
    }

    /// `out[b] = Im ⟨λ_b| (|1⟩⟨1|_c ⊗ P_t) |φ_b⟩`: the pairs of `imaginaryOverlap` restricted to control bit 1.
    @inline(__always)
    static func controlledImaginaryOverlap(_ p: Pauli, braRe lr: UnsafePointer<Double>, braIm li: UnsafePointer<Double>,
                                           ketRe pr: UnsafePointer<Double>, ketIm pi: UnsafePointer<Double>,
                                           dimension: Int, controlStride: Int, targetStride: Int, lanes: Int,
                                           into out: UnsafeMutablePointer<Double>) {
        let low = min(controlStride, targetStride), high = max(controlStride, targetStride)
        out.update(repeating: 0, count: lanes)
        for i in 0..<(dimension / 4) {
            let jj = PairIndex.base(i, low: low, high: high) | controlStride
            let j = jj &* lanes, h = (jj | targetStride) &* lanes
            let lrj = lr + j, lij = li + j, prj = pr + j, pij = pi + j
            let lrh = lr + h, lih = li + h, prh = pr + h, pih = pi + h
            for b in 0..<lanes {
                switch p {
                case .z:
                    out[b] += (lrj[b] * pij[b] - lij[b] * prj[b]) - (lrh[b] * pih[b] - lih[b] * prh[b])
                case .x:
                    out[b] += (lrj[b] * pih[b] - lij[b] * prh[b]) + (lrh[b] * pij[b] - lih[b] * prj[b])
                case .y:
                    out[b] += (lrh[b] * prj[b] + lih[b] * pij[b]) - (lrj[b] * prh[b] + lij[b] * pih[b])
                }
            }
        }
    }

    /// `out[b] = ⟨ψ_b|P|ψ_b⟩` for a Pauli string `P|j⟩ = i^yCount (-1)^popcount(j & sign) |j ^ flip⟩`:
    /// `Re(i^yCount Σ_j (-1)^… conj(ψ_{j^flip}) ψ_j)` (the sum is real or imaginary as `yCount` is even or odd).
    @inline(__always)
    static func expectation(flip: Int, sign: Int, yCount: Int, re: UnsafePointer<Double>, im: UnsafePointer<Double>,
                            dimension: Int, lanes: Int, into out: UnsafeMutablePointer<Double>) {
        // Only the real (even yCount) or the imaginary (odd) part of the sum is needed.
        let imaginary = yCount & 1 == 1
        let factor: Double = (yCount & 3 == 1 || yCount & 3 == 2) ? -1 : 1
        out.update(repeating: 0, count: lanes)
        for j in 0..<dimension {
            let k = (j ^ flip) &* lanes, a = j &* lanes
            let rk = re + k, ik = im + k, ra = re + a, ia = im + a
            let s: Double = (j & sign).nonzeroBitCount & 1 == 0 ? factor : -factor
            if imaginary {
                for b in 0..<lanes { out[b] += s * (rk[b] * ia[b] - ik[b] * ra[b]) }
            } else {
                for b in 0..<lanes { out[b] += s * (rk[b] * ra[b] + ik[b] * ia[b]) }
            }
        }
    }

    /// `λ_b ← λ_b + g[b] · P ψ_b` for the Pauli string of `expectation(flip:sign:yCount:…)`:
    /// `λ_{j^flip} += g · i^yCount (-1)^popcount(j & sign) ψ_j`.
    @inline(__always)
    static func accumulate(_ g: UnsafePointer<Double>, flip: Int, sign: Int, yCount: Int, re: UnsafePointer<Double>,
                           im: UnsafePointer<Double>, intoRe lre: UnsafeMutablePointer<Double>,
                           intoIm lim: UnsafeMutablePointer<Double>, dimension: Int, lanes: Int) {
        // i^yCount as (cr, ci) ∈ {(1,0), (0,1), (-1,0), (0,-1)}.
        let (cr, ci): (Double, Double) = switch yCount & 3 {
        case 0: (1, 0)
        case 1: (0, 1)
        case 2: (-1, 0)
        default: (0, -1)
        }
        for j in 0..<dimension {
            let s: Double = (j & sign).nonzeroBitCount & 1 == 0 ? 1 : -1
            let k = (j ^ flip) &* lanes, a = j &* lanes
            let lk = lre + k, mk = lim + k, ra = re + a, ia = im + a
            for b in 0..<lanes {
                lk[b] += s * (g[b] * cr * ra[b] - g[b] * ci * ia[b])
                mk[b] += s * (g[b] * cr * ia[b] + g[b] * ci * ra[b])
            }
        }
    }
}
