import Catalog
import Foundation

/// The outcome of comparing one of our numbers with a published one (rules: `VerdictRules`, `docs/verdicts.md`).
public enum Verdict: Equatable, Sendable {
    /// The published value lies inside our interval, and the interval is no wider than the practical margin (or the
    /// difference is smaller than that margin).
    case consistent
    /// Outside the interval, by a difference larger than the practical margin.
    case differs
    /// Our seeds cannot tell: fewer than 2, or an interval wider than the practical margin. The reason says which.
    case inconclusive(String)
    /// Nothing to compare: the reason says why (data missing, not implemented, ...).
    case notRun(String)

    /// Whether `--fail-on-mismatch` counts this as a failure: "differs" only.
    public var isFailure: Bool { self == .differs }

    /// Whether a gate fails on this verdict: "differs", and "inconclusive" too when asked.
    public func fails(includingInconclusive: Bool) -> Bool {
        if case .inconclusive = self { return includingInconclusive }
        return isFailure
    }

    /// One word for exports and counts: consistent, differs, inconclusive, not-run.
    public var key: String {
        switch self {
        case .consistent: return "consistent"
        case .differs: return "differs"
        case .inconclusive: return "inconclusive"
        case .notRun: return "not-run"
        }
    }

    /// Whether the verdict comes from a measured comparison (not "not run").
    public var isMeasured: Bool {
        if case .notRun = self { return false }
        return true
    }

    /// Table text; at reduced scales the verdict is only indicative.
    public func text(reducedScale: Bool) -> String {
        let text: String
        switch self {
        case .consistent: text = "consistent"
        case .differs: text = "differs"
        case let .inconclusive(reason): text = reason.isEmpty ? "inconclusive" : "inconclusive: \(reason)"
        case let .notRun(reason): return "not run: \(reason)"
        }
        return reducedScale ? "indicative: \(text)" : text
    }

    /// Compares our per-seed values with a published value by `VerdictRules`: a prediction interval for one new run
    /// when the paper printed a single run, Welch's interval when it printed a mean ± std over `publishedSeeds` > 1
    /// seeds; both widened by the test-set sampling variance when `testImages` says the paper's test set is a
    /// different sample from ours, and by half a unit of the paper's last printed digit. Counts fixed by the
    /// architecture (`VerdictRules.isByConstruction`) are compared exactly.
    public static func judge(ours: SeedStatistics, published: Double, publishedSpread: Double?, publishedSeeds: Int,
                             printedDecimals: Int, metric: Metric = .testAccuracy,
                             testImages: (published: Int, ours: Int)? = nil) -> Judgement {
        let rounding = VerdictRules.rounding(printedDecimals: printedDecimals)
        let difference = ours.mean - published
        if VerdictRules.isByConstruction(metric) {
            let exact = ours.values.allSatisfy { $0 == published }
            return Judgement(verdict: exact ? .consistent : .differs, method: .exact, difference: difference, halfWidth: 0,
                             margin: 0, degreesOfFreedom: nil, center: ours.mean)
        }
        let margin = VerdictRules.practicalMargin(metric, published: published)
        let n = ours.count
        let testVariance = testImages.map {
            VerdictRules.testSetVariance(accuracyPercent: published, images: $0.published)
                + VerdictRules.testSetVariance(accuracyPercent: ours.mean, images: $0.ours)
        } ?? 0
        let pooledPublished = publishedSeeds > 1 ? publishedSpread : nil
        guard n >= 2 else {
            return Judgement(verdict: .inconclusive("1 seed"), method: pooledPublished == nil ? .predictionInterval : .welch,
                             difference: difference, halfWidth: nil, margin: margin, degreesOfFreedom: nil, center: ours.mean)
        }
        let s2 = ours.standardDeviation * ours.standardDeviation
        let method: Judgement.Method
        let variance: Double, df: Double
        if let sp = pooledPublished {
            method = .welch
            let a = s2 / Double(n), b = sp * sp / Double(publishedSeeds)
            variance = a + b + testVariance
            let denominator = a * a / Double(n - 1) + b * b / Double(publishedSeeds - 1)
            df = denominator > 0 ? variance * variance / denominator : .infinity
        } else {
            method = .predictionInterval
            let seedVariance = s2 * (1 + 1 / Double(n))
            variance = seedVariance + testVariance
            df = seedVariance > 0 ? variance * variance / (seedVariance * seedVariance / Double(n - 1)) : .infinity
        }
        let t = VerdictRules.tQuantile(degreesOfFreedom: min(df, 1e9))
        let halfWidth = t * variance.squareRoot() + rounding
        let verdict: Verdict
        if abs(difference) > halfWidth {
            verdict = abs(difference) > margin ? .differs : .consistent
        } else {
            verdict = halfWidth <= margin ? .consistent : .inconclusive("")
        }
        return Judgement(verdict: verdict, method: method, difference: difference, halfWidth: halfWidth, margin: margin,
                         degreesOfFreedom: df.isFinite ? df : nil, center: ours.mean)
    }

    /// Digits after the decimal point in a number as printed ("99.21" -> 2, "67" -> 0).
    /// In e-notation the exponent shifts the last digit ("0.456e-2" -> 5: the paper printed 0.00456).
    public static func decimals(of printed: String) -> Int {
        let parts = printed.lowercased().split(separator: "e", maxSplits: 1)
        let mantissa = parts.first.map(String.init) ?? printed
        let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        let fraction = mantissa.firstIndex(of: ".").map { mantissa[mantissa.index(after: $0)...].prefix { $0.isNumber }.count } ?? 0
        return max(0, fraction - exponent)
    }
}

/// A verdict with the interval and margin it was reached with.
public struct Judgement: Equatable, Sendable {
    /// How the interval was formed.
    public enum Method: String, Sendable {
        /// A 95 % prediction interval for one new run (the paper printed a single run).
        case predictionInterval = "prediction interval"
        /// Welch's two-sample interval (the paper printed a mean ± std over several seeds).
        case welch = "Welch"
        /// A count fixed by the architecture, compared exactly.
        case exact = "exact"
    }

    public var verdict: Verdict
    public var method: Method
    /// Our mean minus the published value.
    public var difference: Double
    /// Half-width of the interval around our mean the published value must fall in; nil with one seed.
    public var halfWidth: Double?
    /// The practical margin (`VerdictRules.practicalMargin`).
    public var margin: Double
    /// Of the t quantile; nil when it is the normal one (no seed spread) or not used.
    public var degreesOfFreedom: Double?
    /// Our mean, the interval's centre.
    public var center: Double

    /// The range the published value is judged against; nil with one seed.
    public var interval: ClosedRange<Double>? {
        halfWidth.map { (center - $0)...(center + $0) }
    }
}
