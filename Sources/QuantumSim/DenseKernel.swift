/// Applies a general 2×2 complex matrix to one wire of states stored as split real/imaginary arrays.
enum DenseKernel {
    /// For every index pair `(j, j + stride)` whose wire bit is 0 / 1:
    /// `(a_j, a_{j+s}) ← (m00 a_j + m01 a_{j+s}, m10 a_j + m11 a_{j+s})`.
    @inline(__always)
    static func apply(_ m: Matrix2, re: UnsafeMutablePointer<Double>, im: UnsafeMutablePointer<Double>,
                      count: Int, stride s: Int) {
        let ar = m.m00.re, ai = m.m00.im, br = m.m01.re, bi = m.m01.im
        let cr = m.m10.re, ci = m.m10.im, dr = m.m11.re, di = m.m11.im
        var block = 0
        while block < count {
            let loRe = re + block, loIm = im + block, hiRe = loRe + s, hiIm = loIm + s
            for j in 0..<s {
                let xr = loRe[j], xi = loIm[j], yr = hiRe[j], yi = hiIm[j]
                loRe[j] = ar * xr - ai * xi + br * yr - bi * yi
                loIm[j] = ar * xi + ai * xr + br * yi + bi * yr
                hiRe[j] = cr * xr - ci * xi + dr * yr - di * yi
                hiIm[j] = cr * xi + ci * xr + dr * yi + di * yr
            }
            block += 2 * s
        }
    }

    /// The same for a real matrix `[[a, b], [c, d]]` (RY, Hadamard): half the multiplications.
    @inline(__always)
    static func applyReal(_ a: Double, _ b: Double, _ c: Double, _ d: Double, re: UnsafeMutablePointer<Double>,
                          im: UnsafeMutablePointer<Double>, count: Int, stride s: Int) {
        var block = 0
        while block < count {
            let loRe = re + block, loIm = im + block, hiRe = loRe + s, hiIm = loIm + s
            for j in 0..<s {
                let xr = loRe[j], xi = loIm[j], yr = hiRe[j], yi = hiIm[j]
                loRe[j] = a * xr + b * yr
                loIm[j] = a * xi + b * yi
                hiRe[j] = c * xr + d * yr
                hiIm[j] = c * xi + d * yi
            }
            block += 2 * s
        }
    }

    /// The same for `[[a, i·b], [i·c, d]]` with real `a, b, c, d` (RX and its inverse): half the multiplications.
    @inline(__always)
    static func applyImaginaryOffDiagonal(_ a: Double, _ b: Double, _ c: Double, _ d: Double,
                                          re: UnsafeMutablePointer<Double>, im: UnsafeMutablePointer<Double>,
                                          count: Int, stride s: Int) {
        var block = 0
        while block < count {
            let loRe = re + block, loIm = im + block, hiRe = loRe + s, hiIm = loIm + s
            for j in 0..<s {
                let xr = loRe[j], xi = loIm[j], yr = hiRe[j], yi = hiIm[j]
                loRe[j] = a * xr - b * yi
                loIm[j] = a * xi + b * yr
                hiRe[j] = d * yr - c * xi
                hiIm[j] = d * yi + c * xr
            }
            block += 2 * s
        }
    }
}
