/// Applies a diagonal one-qubit gate `diag(d0, d1)` (RZ) to states stored as split real/imaginary arrays:
/// half the work of `DenseKernel`.
enum DiagonalKernel {
    /// `a_j ← d0 a_j` where the wire bit is 0, `a_j ← d1 a_j` where it is 1.
    @inline(__always)
    static func apply(_ d0: Complex, _ d1: Complex, re: UnsafeMutablePointer<Double>,
                      im: UnsafeMutablePointer<Double>, count: Int, stride s: Int) {
        var block = 0
        while block < count {
            scale(d0, re: re, im: im, range: block..<(block + s))
            scale(d1, re: re, im: im, range: (block + s)..<(block + 2 * s))
            block += 2 * s
        }
    }

    @inline(__always)
    private static func scale(_ d: Complex, re: UnsafeMutablePointer<Double>, im: UnsafeMutablePointer<Double>,
                              range: Range<Int>) {
        for j in range {
            let xr = re[j], xi = im[j]
            re[j] = d.re * xr - d.im * xi
            im[j] = d.re * xi + d.im * xr
        }
    }
}
