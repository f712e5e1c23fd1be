/// Transcendental functions for the fused RWKV kernels, written as branch-free scalar code
/// (selects only) for loops that the compiler vectorises: the libm calls they replace cannot
/// be vectorised and were a large part of those ops' time, and LLVM's own eight-lane AVX2
/// code from these beat hand-written `SIMD8` lanes, whose masks it lowered poorly
/// (measured: a logistic at 0.6 against 0.9 ns per element).
enum FastMath {
    /// `e^x`, Cephes' single-precision polynomial (about 1 ulp on [−87, 88]): x = n·ln 2 + r
    /// with |r| ≤ ln2/2, e^r by a degree-7 polynomial, times 2^n built from the exponent bits.
    /// Arguments below −87.3 (results below Float's normal range, including the −1e38 of an
    /// empty WKV state) give exactly 0; `exp(0)` is exactly 1. The integer conversion goes
    /// through the 1.5·2²³ "magic number" (adding it rounds to the nearest integer and
    /// leaves that integer in the low mantissa bits).
    @inline(__always)
    static func exp(_ x: Float) -> Float {
        let lowest: Float = -87.33654, highest: Float = 88
        let magic: Float = 12_582_912
        let clamped = Swift.min(Swift.max(x, lowest), highest)
        let shifted = clamped * 1.44269504088896341 + magic
        let n = shifted - magic
        var r = clamped - n * 0.693359375
        r = r + n * 2.12194440e-4
        let r2 = r * r
        var poly: Float = 1.9875691500e-4
        poly = poly * r + 1.3981999507e-3
        poly = poly * r + 8.3334519073e-3
        poly = poly * r + 4.1665795894e-2
        poly = poly * r + 1.6666665459e-1
        poly = poly * r + 5.0000001201e-1
        let mantissa = poly * r2 + r + 1
        let exponent = (Int32(bitPattern: shifted.bitPattern) &- 0x4B40_0000 &+ 127) &<< 23
        let scaled = mantissa * Float(bitPattern: UInt32(bitPattern: exponent))
        return x < lowest ? 0 : scaled
    }

    /// The logistic function `1 / (1 + e^{−x})`, without overflow for either sign
    /// (`e^{−|x|} / (1 + e^{−|x|})` for negative `x`).
    @inline(__always)
    static func logistic(_ x: Float) -> Float {
        let e = exp(Swift.min(x, -x))
        let positive = 1 / (1 + e)
        return x < 0 ? e * positive : positive
    }

    /// The standard normal distribution `Φ(x) = ½(1 + erf(x/√2))` and density
    /// `φ(x) = e^{−x²/2}/√(2π)`, with Cephes' single-precision erf/erfc polynomials
    /// (relative error below 1e-7 on each branch): `erf(z) = z·T(z²)` for |z| < 1, else
    /// `erfc(|z|) = e^{−z²}/|z| · P(1/z²)` (R for |z| ≥ 2), so the lower tail keeps its
    /// relative accuracy instead of cancelling in `1 + erf`.
    @inline(__always)
    static func normalDistribution(_ x: Float) -> (cdf: Float, pdf: Float) {
        let z = x * 0.70710678118654752
        let az = Swift.abs(z)
        let z2 = z * z
        let gaussian = exp(-z2)
        // |z| < 1.
        var t: Float = 7.853861353153693e-5
        t = t * z2 - 8.010193625184903e-4
        t = t * z2 + 5.188327685732524e-3
        t = t * z2 - 2.685381193529856e-2
        t = t * z2 + 1.128358514861418e-1
        t = t * z2 - 3.761262582423300e-1
        t = t * z2 + 1.128379165726710
        let central = 0.5 + 0.5 * (z * t)
        // |z| >= 1: erfc(|z|).
        let q = 1 / Swift.max(az, 1), y = q * q
        var p: Float = 2.326819970068386e-2
        p = p * y - 1.387039388740657e-1
        p = p * y + 3.687424674597105e-1
        p = p * y - 5.824733027278666e-1
        p = p * y + 6.210004621745983e-1
        p = p * y - 4.944515323274145e-1
        p = p * y + 3.404879937665872e-1
        p = p * y - 2.741127028184656e-1
        p = p * y + 5.638259427386472e-1
        var r: Float = -1.047766399936249e1
        r = r * y + 1.297719955372516e1
        r = r * y - 7.495518717768503
        r = r * y + 2.921019019210786
        r = r * y - 1.015265279202700
        r = r * y + 4.218463358204948e-1
        r = r * y - 2.820767439740514e-1
        r = r * y + 5.641895067754075e-1
        let complement = gaussian * q * (az < 2 ? p : r)
        // Φ(x) = ½ erfc(−z): ½ erfc(|z|) below, 1 − ½ erfc(|z|) above.
        let tail = z > 0 ? 1 - 0.5 * complement : 0.5 * complement
        return (az < 1 ? central : tail, gaussian * 0.39894228040143268)
    }
}
