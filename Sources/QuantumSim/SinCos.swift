import Foundation

/// `sin` and `cos` of many angles at once, for the per-sample gate matrices of input-angle gates.
///
/// libm's scalar calls were about a third of a batched forward pass; this loop vectorises. Method: reduce
/// `x = n·π/2 + r` with `|r| ≤ π/4` (Cody–Waite, π/2 in three parts, each product exact through FMA), then
/// fdlibm's minimax polynomials for `sin r`, `cos r` on `[-π/4, π/4]` (`k_sin.c`, `k_cos.c`), then the
/// quadrant `n mod 4`. Error: a few ulp, far below the 1e-10 parity tolerance. Angles with `|x| ≥ 2^26`
/// and non-finite ones go to Foundation's `sin`/`cos`. The result depends only on `x` (not on `count`).
enum SinCos {
    /// `sines[i] = sin(x[i])`, `cosines[i] = cos(x[i])` for `i < count`.
    @inline(__always)
    static func evaluate(_ x: UnsafePointer<Double>, count: Int, sines: UnsafeMutablePointer<Double>,
                         cosines: UnsafeMutablePointer<Double>) {
        let twoOverPi = 0.6366197723675814
        let p1 = 1.5707963267948966, p2 = 6.123233995736766e-17, p3 = -1.4973849048591698e-33
        let s1 = -1.66666666666666324348e-01, s2 = 8.33333333332248946124e-03, s3 = -1.98412698298579493134e-04
        let s4 = 2.75573137070700676789e-06, s5 = -2.50507602534068634195e-08, s6 = 1.58969099521155010221e-10
        let c1 = 4.16666666666666019037e-02, c2 = -1.38888888888741095749e-03, c3 = 2.48015872894767294178e-05
        let c4 = -2.75573143513906633035e-07, c5 = 2.08757232129817482790e-09, c6 = -1.13596475577881948265e-11
        for i in 0..<count {
            let a = x[i]
            let n = (a * twoOverPi).rounded(.toNearestOrEven)
            var r = a.addingProduct(-n, p1)
            r = r.addingProduct(-n, p2)
            r = r.addingProduct(-n, p3)
            let z = r * r
            let sr = r + r * z * (s1 + z * (s2 + z * (s3 + z * (s4 + z * (s5 + z * s6)))))
            let cr = 1 - 0.5 * z + z * z * (c1 + z * (c2 + z * (c3 + z * (c4 + z * (c5 + z * c6)))))
            // Quadrant q = n mod 4 in 0...3.
            let q = n - 4 * (n * 0.25).rounded(.down)
            let odd = q == 1 || q == 3
            let sv = odd ? cr : sr, cv = odd ? sr : cr
            sines[i] = q >= 2 ? -sv : sv
            cosines[i] = (q == 1 || q == 2) ? -cv : cv
        }
        for i in 0..<count where !(abs(x[i]) < 0x1p26) {
            sines[i] = sin(x[i])
            cosines[i] = cos(x[i])
        }
    }
}
