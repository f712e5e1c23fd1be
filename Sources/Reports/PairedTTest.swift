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

    /// P(|T| ≥ |t|) for Student's t with `degreesOfFreedom` (`StudentT.twoSidedP`).
    public static func twoSidedP(t: Double, degreesOfFreedom nu: Double) -> Double {
        StudentT.twoSidedP(t: t, degreesOfFreedom: nu)
    }
}
