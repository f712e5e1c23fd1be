import Foundation

/// Student's t distribution with ν degrees of freedom (ν > 0, not necessarily an integer: Welch's test and
/// Satterthwaite's approximation give fractional ν): distribution function, two-sided tail and quantiles.
public enum StudentT {
    /// P(T ≤ t): ½·I_x(ν/2, ½) at x = ν/(ν + t²) below zero, 1 − that above.
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        if t == .infinity { return 1 }
        if t == -.infinity { return 0 }
        // Beyond a million degrees of freedom T is normal to 1e-7, and the continued fraction would need ~√ν terms.
        if nu > 1e6 { return 0.5 * erfc(-t / 2.0.squareRoot()) }
        let tail = 0.5 * regularizedIncompleteBeta(a: nu / 2, b: 0.5, x: nu / (nu + t * t))
        return t < 0 ? tail : 1 - tail
    }

    /// The density of T at t.
    public static func density(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        if nu > 1e6 { return exp(-t * t / 2) / (2 * Double.pi).squareRoot() }
        let logNorm = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
        return exp(logNorm - (nu + 1) / 2 * log1p(t * t / nu))
    }

    /// P(|T| ≥ |t|).
    public static func twoSidedP(t: Double, degreesOfFreedom nu: Double) -> Double {
        guard t.isFinite else { return 0 }
        if nu > 1e6 { return erfc(abs(t) / 2.0.squareRoot()) }
        return regularizedIncompleteBeta(a: nu / 2, b: 0.5, x: nu / (nu + t * t))
    }

    /// The p-quantile: the t with P(T ≤ t) = p, for 0 < p < 1, to about 1e-12 relative accuracy
    /// (Newton's method on `cdf`, kept inside a bracket that bisection shrinks whenever a step leaves it).
    /// t(0.975, 2) = 4.3027, t(0.975, 9) = 2.2622; ν = ∞ is the normal quantile.
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(p > 0 && p < 1, "quantile needs 0 < p < 1, got \(p)")
        precondition(nu > 0, "degrees of freedom must be positive, got \(nu)")
        if p == 0.5 { return 0 }
        if p < 0.5 { return -quantile(1 - p, degreesOfFreedom: nu) }
        var lo = 0.0, hi = 1.0
        while cdf(hi, degreesOfFreedom: nu) < p {
            lo = hi
            hi *= 2
            if hi > 1e12 { return hi }
        }
        var t = (lo + hi) / 2
        for _ in 0..<200 {
            let f = cdf(t, degreesOfFreedom: nu) - p
            if f == 0 { return t }
            if f < 0 { lo = t } else { hi = t }
            var next = t - f / density(t, degreesOfFreedom: nu)
            if !(next > lo && next < hi) { next = (lo + hi) / 2 }
            if abs(next - t) <= 1e-13 * max(1, abs(t)) { return next }
            t = next
        }
        return t
    }

    /// I_x(a, b), by the continued fraction of Numerical Recipes (section 6.4) evaluated with Lentz's method, using
    /// the symmetry I_x(a, b) = 1 − I_(1−x)(b, a) where the fraction converges slowly.
    static func regularizedIncompleteBeta(a: Double, b: Double, x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logBeta: Double = lgamma(a) + lgamma(b) - lgamma(a + b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let logFront = logPowers - logBeta
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * continuedFraction(a: a, b: b, x: x) / a
        }
        return 1 - exp(logFront) * continuedFraction(a: b, b: a, x: 1 - x) / b
    }

    private static func continuedFraction(a: Double, b: Double, x: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...300 {
            let m = Double(m)
            let evenDenominator: Double = (a + 2 * m - 1) * (a + 2 * m)
            let even: Double = m * (b - m) * x / evenDenominator
            d = 1 + even * d
            if abs(d) < tiny { d = tiny }
            c = 1 + even / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            let oddDenominator: Double = (a + 2 * m) * (a + 2 * m + 1)
            let odd: Double = -(a + m) * (a + b + m) * x / oddDenominator
            d = 1 + odd * d
            if abs(d) < tiny { d = tiny }
            c = 1 + odd / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return h
    }
}
