import Foundation

/// The outcome of comparing one of our numbers with a published one.
public enum Verdict: Equatable, Sendable {
    /// Within the combined uncertainty.
    case consistent
    /// Outside it.
    case differs
    /// Nothing to compare: the reason says why (data missing, not implemented, ...).
    case notRun(String)

    /// Whether `--fail-on-mismatch` counts this as a failure.
    public var isFailure: Bool { self != .consistent }

    /// Table text; at reduced scales the verdict is only indicative.
    public func text(reducedScale: Bool) -> String {
        switch self {
        case .consistent: return reducedScale ? "indicative: consistent" : "consistent"
        case .differs: return reducedScale ? "indicative: differs" : "differs"
        case let .notRun(reason): return "not run: \(reason)"
        }
    }

    /// Compares our per-seed values with a published mean (and spread over `publishedSeeds` seeds).
    ///
    /// Consistent when |ours - published| <= 2 * sqrt(s_pub^2 / n_pub + s_ours^2 / n_ours) + r, where
    /// r is half a unit in the last digit the paper printed (its rounding). The published spread
    /// is taken as 0 when the paper gives none.
    public static func judge(ours: SeedStatistics, published: Double, publishedSpread: Double?, publishedSeeds: Int,
                             printedDecimals: Int) -> (verdict: Verdict, tolerance: Double) {
        let sp = publishedSpread ?? 0
        let variance = sp * sp / Double(max(publishedSeeds, 1))
            + (ours.count > 1 ? ours.standardDeviation * ours.standardDeviation / Double(ours.count) : 0)
        let rounding = 0.5 * pow(10, -Double(printedDecimals))
        let tolerance = 2 * variance.squareRoot() + rounding
        return (abs(ours.mean - published) <= tolerance ? .consistent : .differs, tolerance)
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
