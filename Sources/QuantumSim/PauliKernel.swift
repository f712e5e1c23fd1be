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
        out.update(repeating: 0, count: lanes)
        var block = 0
        switch p {
        case .z: // (Zφ)_j = φ_j, (Zφ)_h = -φ_h
            while block < dimension {
                for jj in block..<(block + s) {
                    let j = jj &* lanes, h = (jj &+ s) &* lanes
                    let lrj = lr + j, lij = li + j, prj = pr + j, pij = pi + j
                    let lrh = lr + h, lih = li + h, prh = pr + h, pih = pi + h
                    for b in 0..<lanes {
                        out[b] += lrj[b] * pij[b] - lij[b] * prj[b]
                        out[b] -= lrh[b] * pih[b] - lih[b] * prh[b]
                    }
                }
                block += 2 * s
            }
        case .x: // (Xφ)_j = φ_h, (Xφ)_h = φ_j
            while block < dimension {
                for jj in block..<(block + s) {
                    let j = jj &* lanes, h = (jj &+ s) &* lanes
                    let lrj = lr + j, lij = li + j, prj = pr + j, pij = pi + j
                    let lrh = lr + h, lih = li + h, prh = pr + h, pih = pi + h
                    for b in 0..<lanes {
                        out[b] += lrj[b] * pih[b] - lij[b] * prh[b]
                        out[b] += lrh[b] * pij[b] - lih[b] * prj[b]
                    }
                }
                block += 2 * s
            }
        case .y: // (Yφ)_j = -i φ_h = (φi_h, -φr_h), (Yφ)_h = i φ_j = (-φi_j, φr_j)
            while block < dimension {
                for jj in block..<(block + s) {
                    let j = jj &* lanes, h = (jj &+ s) &* lanes
                    let lrj = lr + j, lij = li + j, prj = pr + j, pij = pi + j
                    let lrh = lr + h, lih = li + h, prh = pr + h, pih = pi + h
                    for b in 0..<lanes {
                        out[b] -= lrj[b] * prh[b] + lij[b] * pih[b]
                        out[b] += lrh[b] * prj[b] + lih[b] * pij[b]
                    }
                }
                block += 2 * s
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
