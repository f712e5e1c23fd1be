import Foundation

/// Student's paired t-test over seeds: the differences d_i = model_i − baseline_i of runs paired by seed,
/// t = mean(d) / (s_d / √n) with n − 1 degrees of freedom, two-sided p-value.
public struct PairedTTest: Equatable, Sendable {
    /// Two-sided significance level the report uses.
    public static let alpha = 0.05

    /// The paired differences.
    public let differences: SeedStatistics
    /// The t statistic; ±infinity when every difference is the same non-zero value, nil with fewer than 2 pairs.
    public let t: Double?
    /// n − 1.
    public let degreesOfFreedom: Int
    /// Two-sided p-value; nil with fewer than 2 pairs. When all differences are equal (s_d = 0) it is 0 for a
    /// non-zero difference and 1 for none.
    public let p: Double?

    /// What the test says at `alpha`.
    public enum Outcome: Equatable, Sendable {
        /// The model is significantly better (mean difference > 0, p < alpha).
        case better
        /// The model is significantly worse.
        case worse
        /// p ≥ alpha.
        case noSignificantDifference
        /// Fewer than 2 pairs: no variance to test against.
        case notTestable
    }

    /// The test on `differences`; nil when there are none.
    public init?(differences: [Double]) {
        guard !differences.isEmpty else { return nil }
        let stats = SeedStatistics(differences)
        self.differences = stats
        degreesOfFreedom = stats.count - 1
        guard stats.count > 1 else {
            t = nil
            p = nil
            return
        }
        let se = stats.standardError
        if se == 0 {
            t = stats.mean == 0 ? 0 : (stats.mean > 0 ? .infinity : -.infinity)
            p = stats.mean == 0 ? 1 : 0
        } else {
            let value = stats.mean / se
            t = value
            p = Self.twoSidedP(t: value, degreesOfFreedom: Double(stats.count - 1))
        }
    }

    public var outcome: Outcome {
        guard let p else { return .notTestable }
        guard p < Self.alpha else { return .noSignificantDifference }
        return differences.mean > 0 ? .better : .worse
    }

    /// P(|T| ≥ |t|) for Student's t with `degreesOfFreedom`: the regularised incomplete beta I_x(ν/2, 1/2) at
    /// x = ν / (ν + t²).
    public static func twoSidedP(t: Double, degreesOfFreedom nu: Double) -> Double {
        guard t.isFinite else { return 0 }
        return regularizedIncompleteBeta(a: nu / 2, b: 0.5, x: nu / (nu + t * t))
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
