/// Applies a one-qubit matrix that differs per lane (a gate whose angle comes from each sample's inputs) to
/// `lanes` states stored lane-inner (amplitude `k` of lane `b` at `k·lanes + b`); for two-wire gates, to the
/// target where the control is 1.
///
/// The matrices are eight arrays of `lanes` values back to back in `m`: `m00.re, m00.im, m01.re, m01.im,
/// m10.re, m10.im, m11.re, m11.im`.
enum LaneMatrixKernel {
    /// Writes lane `b`'s matrix to the layout above.
    @inline(__always)
    static func store(_ u: Matrix2, lane b: Int, lanes: Int, into m: UnsafeMutablePointer<Double>) {
        m[b] = u.m00.re; m[lanes + b] = u.m00.im
        m[2 * lanes + b] = u.m01.re; m[3 * lanes + b] = u.m01.im
        m[4 * lanes + b] = u.m10.re; m[5 * lanes + b] = u.m10.im
        m[6 * lanes + b] = u.m11.re; m[7 * lanes + b] = u.m11.im
    }

    /// `out` ← the conjugate transposes of the lane matrices in `m` (both in the layout above).
    @inline(__always)
    static func storeAdjoint(of m: UnsafePointer<Double>, lanes: Int, into out: UnsafeMutablePointer<Double>) {
        for b in 0..<lanes {
            out[b] = m[b]; out[lanes + b] = -m[lanes + b]
            out[2 * lanes + b] = m[4 * lanes + b]; out[3 * lanes + b] = -m[5 * lanes + b]
            out[4 * lanes + b] = m[2 * lanes + b]; out[5 * lanes + b] = -m[3 * lanes + b]
            out[6 * lanes + b] = m[6 * lanes + b]; out[7 * lanes + b] = -m[7 * lanes + b]
        }
    }

    /// `(a_j, a_h) ← (m00 a_j + m01 a_h, m10 a_j + m11 a_h)` per lane, for every pair `j`, `h = j + stride` whose
    /// wire bit is 0 / 1 (`stride` in amplitude indices).
    @inline(__always)
    static func apply(_ m: UnsafePointer<Double>, re: UnsafeMutablePointer<Double>, im: UnsafeMutablePointer<Double>,
                      dimension: Int, stride s: Int, lanes: Int) {
        var block = 0
        while block < dimension {
            for jj in block..<(block + s) {
                pair(m, re: re, im: im, j: jj * lanes, h: (jj + s) * lanes, lanes: lanes)
            }
            block += 2 * s
        }
    }

    /// The same on the target wire of the pairs whose control bit is 1.
    @inline(__always)
    static func applyControlled(_ m: UnsafePointer<Double>, re: UnsafeMutablePointer<Double>,
                                im: UnsafeMutablePointer<Double>, dimension: Int, controlStride: Int,
                                targetStride: Int, lanes: Int) {
        let low = min(controlStride, targetStride), high = max(controlStride, targetStride)
        for i in 0..<(dimension / 4) {
            let jj = PairIndex.base(i, low: low, high: high) | controlStride
            pair(m, re: re, im: im, j: jj * lanes, h: (jj | targetStride) * lanes, lanes: lanes)
        }
    }

    @inline(__always)
    private static func pair(_ m: UnsafePointer<Double>, re: UnsafeMutablePointer<Double>,
                             im: UnsafeMutablePointer<Double>, j: Int, h: Int, lanes: Int) {
        let ar = m, ai = m + lanes, br = m + 2 * lanes, bi = m + 3 * lanes
        let cr = m + 4 * lanes, ci = m + 5 * lanes, dr = m + 6 * lanes, di = m + 7 * lanes
        // Pointer bases, so the lane loop has no index arithmetic to overflow-check and vectorises.
        let rj = re + j, ij = im + j, rh = re + h, ih = im + h
        for b in 0..<lanes {
            let xr = rj[b], xi = ij[b], yr = rh[b], yi = ih[b]
            rj[b] = ar[b] * xr - ai[b] * xi + br[b] * yr - bi[b] * yi
            ij[b] = ar[b] * xi + ai[b] * xr + br[b] * yi + bi[b] * yr
            rh[b] = cr[b] * xr - ci[b] * xi + dr[b] * yr - di[b] * yi
            ih[b] = cr[b] * xi + ci[b] * xr + dr[b] * yi + di[b] * yr
        }
    }
}
