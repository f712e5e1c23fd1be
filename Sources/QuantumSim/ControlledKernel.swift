/// Applies a one-qubit matrix to a target wire where a control wire is 1 (CRX, CRY; CRZ and CZ through
/// `applyDiagonal`), to states stored as split real/imaginary arrays.
enum ControlledKernel {
    /// `(a_j, a_h) ← (m00 a_j + m01 a_h, m10 a_j + m11 a_h)` for `j` with control bit 1, target bit 0,
    /// and `h = j + targetStride`.
    @inline(__always)
    static func apply(_ m: Matrix2, re: UnsafeMutablePointer<Double>, im: UnsafeMutablePointer<Double>,
                      count: Int, controlStride: Int, targetStride: Int) {
        let ar = m.m00.re, ai = m.m00.im, br = m.m01.re, bi = m.m01.im
        let cr = m.m10.re, ci = m.m10.im, dr = m.m11.re, di = m.m11.im
        let low = min(controlStride, targetStride), high = max(controlStride, targetStride)
        for i in Swift.stride(from: 0, to: count / 4, by: low) {
            let j0 = PairIndex.base(i, low: low, high: high) | controlStride, h0 = j0 | targetStride
            let rj = re + j0, ij = im + j0, rh = re + h0, ih = im + h0
            for t in 0..<low {
                let xr = rj[t], xi = ij[t], yr = rh[t], yi = ih[t]
                rj[t] = ar * xr - ai * xi + br * yr - bi * yi
                ij[t] = ar * xi + ai * xr + br * yi + bi * yr
                rh[t] = cr * xr - ci * xi + dr * yr - di * yi
                ih[t] = cr * xi + ci * xr + dr * yi + di * yr
            }
        }
    }

    /// `a_j ← d0 a_j`, `a_h ← d1 a_h` where the control bit is 1 (target bit 0 / 1).
    @inline(__always)
    static func applyDiagonal(_ d0: Complex, _ d1: Complex, re: UnsafeMutablePointer<Double>,
                              im: UnsafeMutablePointer<Double>, count: Int, controlStride: Int, targetStride: Int) {
        let low = min(controlStride, targetStride), high = max(controlStride, targetStride)
        for i in Swift.stride(from: 0, to: count / 4, by: low) {
            let j0 = PairIndex.base(i, low: low, high: high) | controlStride, h0 = j0 | targetStride
            let rj = re + j0, ij = im + j0, rh = re + h0, ih = im + h0
            for t in 0..<low {
                let xr = rj[t], xi = ij[t], yr = rh[t], yi = ih[t]
                rj[t] = d0.re * xr - d0.im * xi
                ij[t] = d0.re * xi + d0.im * xr
                rh[t] = d1.re * yr - d1.im * yi
                ih[t] = d1.re * yi + d1.im * yr
            }
        }
    }
}
