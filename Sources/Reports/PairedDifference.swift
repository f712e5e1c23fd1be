import Foundation

/// Model − baseline over runs paired by seed: the mean difference, its 95 % confidence interval and the smallest
/// difference this many seeds could detect, and the verdict on a claim about it (`VerdictRules`).
public struct PairedDifference: Equatable, Sendable {
    /// The per-seed differences.
    public let differences: SeedStatistics

    /// What the paper claims about model − baseline.
    public enum Claim: Equatable, Sendable {
        /// The model is better (the paper's "Yes", "outperforms").
        case better
        /// The model is not better (the paper's "No").
        case notBetter
        /// The two are equal within `margin` (the paper's "Equal", "reaches the accuracy of").
        case equal(margin: Double)
    }

    /// Nil without any pair.
    public init?(differences: [Double]) {
        guard !differences.isEmpty else { return nil }
        self.differences = SeedStatistics(differences)
    }

    public var count: Int { differences.count }
    public var mean: Double { differences.mean }

    /// Half-width of the 95 % confidence interval of the mean difference, t(0.975, n − 1) · s_d/√n; nil with one pair.
    public var halfWidth: Double? {
        guard count > 1 else { return nil }
        return VerdictRules.tQuantile(degreesOfFreedom: Double(count - 1)) * differences.standardError
    }

    /// The 95 % confidence interval of the mean difference; nil with one pair.
    public var interval: ClosedRange<Double>? { halfWidth.map { (mean - $0)...(mean + $0) } }

    /// The smallest true difference a two-sided 5 % paired t-test detects with 80 % power at this n, taking the
    /// observed s_d as the true one: (t(0.975, n − 1) + t(0.80, n − 1)) · s_d/√n. Nil with one pair.
    public var minimalDetectable: Double? {
        guard count > 1 else { return nil }
        let nu = Double(count - 1)
        return (VerdictRules.tQuantile(degreesOfFreedom: nu) + StudentT.quantile(VerdictRules.power, degreesOfFreedom: nu))
            * differences.standardError
    }

    /// The verdict on `claim`, given the paper's own gap (model − baseline) where it prints one:
    /// - better: holds when the interval lies above 0; fails when it lies below 0, or contains 0 but lies below the
    ///   published gap; inconclusive when it contains both 0 and the published gap (or with one pair).
    /// - notBetter: fails only when the interval lies above 0.
    /// - equal(margin): holds when the interval lies within ± margin; fails when it lies entirely beyond it.
    public func judge(_ claim: Claim, publishedGap: Double?) -> Verdict {
        guard let interval else { return .inconclusive("1 seed") }
        switch claim {
        case .better:
            if interval.lowerBound > 0 { return .consistent }
            if interval.upperBound < 0 { return .differs }
            if let gap = publishedGap, gap > 0, interval.upperBound < gap { return .differs }
            return .inconclusive(publishedGap.map { $0 > 0 ? "CI holds 0 and the published gap" : "CI holds 0" } ?? "CI holds 0")
        case .notBetter:
            return interval.lowerBound > 0 ? .differs : .consistent
        case let .equal(margin):
            if interval.lowerBound >= -margin && interval.upperBound <= margin { return .consistent }
            if interval.lowerBound > margin || interval.upperBound < -margin { return .differs }
            return .inconclusive("CI wider than ±\(Format.fixed(margin, margin < 1 ? 2 : 0))")
        }
    }

    /// "+0.43 [−1.80, +2.66]" (mean and 95 % CI), or "+0.43 (1 seed)".
    public func text(_ decimals: Int = 2) -> String {
        guard let interval else { return "\(Format.signed(mean, decimals)) (1 seed)" }
        return "\(Format.signed(mean, decimals)) [\(Format.signed(interval.lowerBound, decimals)), \(Format.signed(interval.upperBound, decimals))]"
    }
}
