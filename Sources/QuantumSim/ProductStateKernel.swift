/// Product states `|ψ⟩ = v_0 ⊗ … ⊗ v_{n−1}` (one two-amplitude vector per wire, wire 0 the most significant
/// bit) of `lanes` states stored lane-inner, and the one-wire bras the adjoint method needs at such a state.
///
/// A circuit's leading one-qubit gates (the embedding, the first rotation layer) act on `|0…0⟩` wire by wire,
/// so the simulator keeps them as per-wire 2×2 products and writes the state once (`write`) instead of one
/// pass per gate; the adjoint method contracts the bra with the other wires' vectors (`environments`) and
/// finishes those gates on two amplitudes per wire.
///
/// Per-wire vectors: amplitude `c` of wire `w`, lane `b` at `vRe[(2w + c)·lanes + b]`, `vIm[…]`.
enum ProductStateKernel {
    /// Writes `v_0 ⊗ … ⊗ v_{n−1}` to `re`, `im` (`2^n · lanes` values each), one wire at a time: after wire
    /// `w` the first `2^{w+1}` amplitudes hold the product over wires `0…w`.
    @inline(__always)
    static func write(vRe: UnsafePointer<Double>, vIm: UnsafePointer<Double>, wireCount n: Int, lanes: Int,
                      re: UnsafeMutablePointer<Double>, im: UnsafeMutablePointer<Double>) {
        for b in 0..<lanes { re[b] = 1; im[b] = 0 }
        var size = 1
        for w in 0..<n {
            let a0r = vRe + 2 &* w &* lanes, a0i = vIm + 2 &* w &* lanes, a1r = a0r + lanes, a1i = a0i + lanes
            // Descending, so amplitude i is read before 2i and 2i + 1 (both ≥ i) are written.
            for i in stride(from: size - 1, through: 0, by: -1) {
                let x = i &* lanes, y0 = 2 &* i &* lanes, y1 = y0 &+ lanes
                let xr = re + x, xi = im + x, r0 = re + y0, i0 = im + y0, r1 = re + y1, i1 = im + y1
                for b in 0..<lanes {
                    let pr = xr[b], pi = xi[b]
                    r1[b] = pr * a1r[b] - pi * a1i[b]
                    i1[b] = pr * a1i[b] + pi * a1r[b]
                    r0[b] = pr * a0r[b] - pi * a0i[b]
                    i0[b] = pr * a0i[b] + pi * a0r[b]
                }
            }
            size &*= 2
        }
    }

    /// `μ_w[c] = Σ_{k: bit_w(k) = c} λ_k Π_{u≠w} conj(v_u[bit_u(k)])` for every wire `w`, into `muRe`, `muIm`
    /// (amplitude `c` of wire `w`, lane `b` at `(2w + c)·lanes + b`, like the vectors): the one-wire bras with
    /// `⟨μ_w|x⟩ = ⟨λ|v_0 ⊗ … ⊗ x ⊗ … ⊗ v_{n−1}⟩` for every `x` on wire `w`.
    ///
    /// Divide and conquer: contracting the low half of the wires gives the tensor whose environments are those of
    /// the high half, and the other way round; about four passes over `λ` in all. `workRe`, `workIm` hold
    /// `2^n · lanes` values each (a level of `m` wires uses `3/4 · 2^m · lanes`, the next ones the rest). The
    /// sums for each lane do not depend on `lanes`.
    @inline(__always)
    static func environments(braRe: UnsafePointer<Double>, braIm: UnsafePointer<Double>, vRe: UnsafePointer<Double>,
                             vIm: UnsafePointer<Double>, wireCount n: Int, lanes: Int,
                             workRe: UnsafeMutablePointer<Double>, workIm: UnsafeMutablePointer<Double>,
                             muRe: UnsafeMutablePointer<Double>, muIm: UnsafeMutablePointer<Double>) {
        split(sourceRe: braRe, sourceIm: braIm, wires: 0..<n, vRe: vRe, vIm: vIm, lanes: lanes, workRe: workRe,
              workIm: workIm, muRe: muRe, muIm: muIm)
    }

    /// The environments of `wires` (a tensor over them, wire `wires.lowerBound` the most significant bit).
    private static func split(sourceRe: UnsafePointer<Double>, sourceIm: UnsafePointer<Double>, wires: Range<Int>,
                              vRe: UnsafePointer<Double>, vIm: UnsafePointer<Double>, lanes: Int,
                              workRe: UnsafeMutablePointer<Double>, workIm: UnsafeMutablePointer<Double>,
                              muRe: UnsafeMutablePointer<Double>, muIm: UnsafeMutablePointer<Double>) {
        let m = wires.count
        if m == 1 {
            (muRe + 2 * wires.lowerBound * lanes).update(from: sourceRe, count: 2 * lanes)
            (muIm + 2 * wires.lowerBound * lanes).update(from: sourceIm, count: 2 * lanes)
            return
        }
        let mid = wires.lowerBound + m / 2
        let high = wires.lowerBound..<mid, low = mid..<wires.upperBound
        // This level's folds alternate between two areas of 2^{m−1} and 2^{m−2} entries (never in place, so the
        // lane loops vectorise); deeper levels use the work after them.
        let secondRe = workRe + (1 << (m - 1)) * lanes, secondIm = workIm + (1 << (m - 1)) * lanes
        let deeper = (3 << (m - 2)) * lanes
        func contract(_ wires: ReversedCollection<Range<Int>>, position: Int) -> (UnsafePointer<Double>, UnsafePointer<Double>) {
            var size = 1 << m, first = true
            var re = sourceRe, im = sourceIm
            for u in wires {
                let intoRe = first ? workRe : secondRe, intoIm = first ? workIm : secondIm
                fold(sourceRe: re, sourceIm: im, size: size, position: position, vRe: vRe, vIm: vIm, wire: u,
                     lanes: lanes, intoRe: intoRe, intoIm: intoIm)
                re = UnsafePointer(intoRe); im = UnsafePointer(intoIm)
                first.toggle()
                size >>= 1
            }
            return (re, im)
        }
        // The high wires' tensor: contract the low wires, least significant (bit 0) first.
        let (highRe, highIm) = contract(low.reversed(), position: 0)
        split(sourceRe: highRe, sourceIm: highIm, wires: high, vRe: vRe, vIm: vIm, lanes: lanes,
              workRe: workRe + deeper, workIm: workIm + deeper, muRe: muRe, muIm: muIm)
        // The low wires' tensor: contract the high wires, which sit above the low ones' bits.
        let (lowRe, lowIm) = contract(high.reversed(), position: low.count)
        split(sourceRe: lowRe, sourceIm: lowIm, wires: low, vRe: vRe, vIm: vIm, lanes: lanes,
              workRe: workRe + deeper, workIm: workIm + deeper, muRe: muRe, muIm: muIm)
    }

    /// Contracts bit `p` of a tensor of `size` entries with `conj(v_u)`:
    /// `out[(hi << p) | lo] = T[(hi << (p+1)) | lo] · conj(v_u[0]) + T[… | 1 << p | lo] · conj(v_u[1])`.
    @inline(__always)
    private static func fold(sourceRe: UnsafePointer<Double>, sourceIm: UnsafePointer<Double>, size: Int,
                             position p: Int, vRe: UnsafePointer<Double>, vIm: UnsafePointer<Double>, wire u: Int,
                             lanes: Int, intoRe: UnsafeMutablePointer<Double>, intoIm: UnsafeMutablePointer<Double>) {
        let a0r = vRe + 2 &* u &* lanes, a0i = vIm + 2 &* u &* lanes, a1r = a0r + lanes, a1i = a0i + lanes
        let low = 1 << p
        for hi in 0..<(size >> (p + 1)) {
            for lo in 0..<low {
                let out = ((hi << p) | lo) &* lanes
                let j0 = ((hi << (p + 1)) | lo) &* lanes, j1 = j0 &+ low &* lanes
                let s0r = sourceRe + j0, s0i = sourceIm + j0, s1r = sourceRe + j1, s1i = sourceIm + j1
                let or = intoRe + out, oi = intoIm + out
                for b in 0..<lanes {
                    // λ · conj(v) = (λr + iλi)(vr − ivi).
                    let x0r = s0r[b], x0i = s0i[b], x1r = s1r[b], x1i = s1i[b]
                    or[b] = (x0r * a0r[b] + x0i * a0i[b]) + (x1r * a1r[b] + x1i * a1i[b])
                    oi[b] = (x0i * a0r[b] - x0r * a0i[b]) + (x1i * a1r[b] - x1r * a1i[b])
                }
            }
        }
    }
}
