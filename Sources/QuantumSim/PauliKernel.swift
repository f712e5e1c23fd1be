/// Pauli operators on one wire of a single state (split real/imaginary arrays of `dimension` amplitudes):
/// expectation values, and the overlap the adjoint method needs for a generator.
enum PauliKernel {
    /// `⟨ψ|Z_w|ψ⟩ = Σ_k |ψ_k|² (1 if the wire bit of k is 0, else -1)`.
    @inline(__always)
    static func expectationZ(re: UnsafePointer<Double>, im: UnsafePointer<Double>, dimension: Int,
                             stride s: Int) -> Double {
        var sum = 0.0
        var block = 0
        while block < dimension {
            for j in block..<(block + s) {
                sum += re[j] * re[j] + im[j] * im[j]
                sum -= re[j + s] * re[j + s] + im[j + s] * im[j + s]
            }
            block += 2 * s
        }
        return sum
    }

    /// `λ ← λ + g · Z_w ψ`.
    @inline(__always)
    static func accumulateZ(_ g: Double, re: UnsafePointer<Double>, im: UnsafePointer<Double>,
                            intoRe lre: UnsafeMutablePointer<Double>, intoIm lim: UnsafeMutablePointer<Double>,
                            dimension: Int, stride s: Int) {
        var block = 0
        while block < dimension {
            for j in block..<(block + s) {
                lre[j] += g * re[j]; lim[j] += g * im[j]
                lre[j + s] -= g * re[j + s]; lim[j + s] -= g * im[j + s]
            }
            block += 2 * s
        }
    }

    /// `Im ⟨λ| P_w |φ⟩`: with `dU/dθ = -i/2 · P · U`, `2 Re ⟨λ| dU/dθ |φ_before⟩ = Im ⟨λ|P|φ_after⟩`.
    @inline(__always)
    static func imaginaryOverlap(_ p: Pauli, braRe lr: UnsafePointer<Double>, braIm li: UnsafePointer<Double>,
                                 ketRe pr: UnsafePointer<Double>, ketIm pi: UnsafePointer<Double>,
                                 dimension: Int, stride s: Int) -> Double {
        // Im(conj(λ) w) = λr·wi − λi·wr, with w = (Pφ)_k; j has the wire bit 0, h = j + s has it 1.
        var sum = 0.0
        var block = 0
        switch p {
        case .z: // (Zφ)_j = φ_j, (Zφ)_h = -φ_h
            while block < dimension {
                for j in block..<(block + s) {
                    let h = j + s
                    sum += lr[j] * pi[j] - li[j] * pr[j]
                    sum -= lr[h] * pi[h] - li[h] * pr[h]
                }
                block += 2 * s
            }
        case .x: // (Xφ)_j = φ_h, (Xφ)_h = φ_j
            while block < dimension {
                for j in block..<(block + s) {
                    let h = j + s
                    sum += lr[j] * pi[h] - li[j] * pr[h]
                    sum += lr[h] * pi[j] - li[h] * pr[j]
                }
                block += 2 * s
            }
        case .y: // (Yφ)_j = -i φ_h = (φi_h, -φr_h), (Yφ)_h = i φ_j = (-φi_j, φr_j)
            while block < dimension {
                for j in block..<(block + s) {
                    let h = j + s
                    sum -= lr[j] * pr[h] + li[j] * pi[h]
                    sum += lr[h] * pr[j] + li[h] * pi[j]
                }
                block += 2 * s
            }
        }
        return sum
    }

    /// `Im ⟨λ| (|1⟩⟨1|_c ⊗ P_t) |φ⟩`: the pairs of `imaginaryOverlap` restricted to control bit 1.
    @inline(__always)
    static func controlledImaginaryOverlap(_ p: Pauli, braRe lr: UnsafePointer<Double>, braIm li: UnsafePointer<Double>,
                                           ketRe pr: UnsafePointer<Double>, ketIm pi: UnsafePointer<Double>,
                                           dimension: Int, controlStride: Int, targetStride: Int) -> Double {
        let low = min(controlStride, targetStride), high = max(controlStride, targetStride)
        var sum = 0.0
        for i in 0..<(dimension / 4) {
            let j = PairIndex.base(i, low: low, high: high) | controlStride, h = j | targetStride
            switch p {
            case .z:
                sum += (lr[j] * pi[j] - li[j] * pr[j]) - (lr[h] * pi[h] - li[h] * pr[h])
            case .x:
                sum += (lr[j] * pi[h] - li[j] * pr[h]) + (lr[h] * pi[j] - li[h] * pr[j])
            case .y:
                sum += (lr[h] * pr[j] + li[h] * pi[j]) - (lr[j] * pr[h] + li[j] * pi[h])
            }
        }
        return sum
    }

    /// `⟨ψ|P|ψ⟩` for a Pauli string `P|j⟩ = i^yCount (-1)^popcount(j & sign) |j ^ flip⟩`:
    /// `Re(i^yCount Σ_j (-1)^… conj(ψ_{j^flip}) ψ_j)` (the sum is real or imaginary as `yCount` is even or odd).
    @inline(__always)
    static func expectation(flip: Int, sign: Int, yCount: Int, re: UnsafePointer<Double>, im: UnsafePointer<Double>,
                            dimension: Int) -> Double {
        var sumRe = 0.0, sumIm = 0.0
        for j in 0..<dimension {
            let k = j ^ flip
            let pr = re[k] * re[j] + im[k] * im[j], pi = re[k] * im[j] - im[k] * re[j]
            if (j & sign).nonzeroBitCount & 1 == 0 { sumRe += pr; sumIm += pi } else { sumRe -= pr; sumIm -= pi }
        }
        switch yCount & 3 {
        case 0: return sumRe
        case 1: return -sumIm
        case 2: return -sumRe
        default: return sumIm
        }
    }

    /// `λ ← λ + g · P ψ` for the Pauli string of `expectation(flip:sign:yCount:…)`:
    /// `λ_{j^flip} += g · i^yCount (-1)^popcount(j & sign) ψ_j`.
    @inline(__always)
    static func accumulate(_ g: Double, flip: Int, sign: Int, yCount: Int, re: UnsafePointer<Double>,
                           im: UnsafePointer<Double>, intoRe lre: UnsafeMutablePointer<Double>,
                           intoIm lim: UnsafeMutablePointer<Double>, dimension: Int) {
        // g · i^yCount as (cr, ci) ∈ {(g,0), (0,g), (-g,0), (0,-g)}.
        let (cr, ci): (Double, Double) = switch yCount & 3 {
        case 0: (g, 0)
        case 1: (0, g)
        case 2: (-g, 0)
        default: (0, -g)
        }
        for j in 0..<dimension {
            let s: Double = (j & sign).nonzeroBitCount & 1 == 0 ? 1 : -1
            let k = j ^ flip
            lre[k] += s * (cr * re[j] - ci * im[j])
            lim[k] += s * (cr * im[j] + ci * re[j])
        }
    }
}
