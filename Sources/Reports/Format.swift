import Foundation
import Results

/// Number formatting shared by every table.
enum Format {
    static func fixed(_ value: Double, _ decimals: Int = 2) -> String {
        value.isFinite ? String(format: "%.\(decimals)f", value) : "-"
    }

    static func signed(_ value: Double?, _ decimals: Int = 2) -> String {
        guard let value, value.isFinite else { return "-" }
        return String(format: "%+.\(decimals)f", value)
    }

    /// Mean ± sample standard deviation (n = seeds); `signed` for differences (`+0.43 ± 0.98 (n = 3)`). One seed has
    /// no spread to show, so it is the value alone (`46.75 (n = 1)`), not a "± 0.00" that reads as zero variation.
    static func ours(_ stats: SeedStatistics?, _ decimals: Int = 2, signed isSigned: Bool = false) -> String {
        guard let stats, stats.count > 0 else { return "-" }
        let mean = isSigned ? signed(stats.mean, decimals) : fixed(stats.mean, decimals)
        guard stats.count > 1 else { return "\(mean) (n = 1)" }
        return "\(mean) ± \(fixed(stats.standardDeviation, decimals)) (n = \(stats.count))"
    }

    static func published(_ value: String?, spread: String?) -> String {
        guard let value else { return "-" }
        let shown = plain(value)
        return spread.map { "\(shown) ± \(plain($0))" } ?? shown
    }

    /// A number as the paper printed it, e-notation written out with the same digits ("0.456e-2" -> "0.00456"), so a
    /// column keeps one notation.
    static func plain(_ printed: String) -> String {
        guard printed.lowercased().contains("e"), let value = Double(printed) else { return printed }
        return fixed(value, Verdict.decimals(of: printed))
    }

    static func seconds(_ value: Double?) -> String {
        guard let value else { return "-" }
        if value < 1 { return String(format: "%.0f ms", value * 1000) }
        return value < 60 ? String(format: "%.1f s", value) : String(format: "%.1f min", value / 60)
    }
}

extension Format {
    /// A whole number with thousands separators (`45,194`); decimals are rounded.
    static func grouped(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        let magnitude = Thousands.grouped(Int(value.rounded().magnitude))
        return (value < 0 ? "-" : "") + magnitude
    }
}

extension Format {
    /// `grouped` with a sign: `+240`, `-326,798`, `0`.
    static func signedGrouped(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        return (value > 0 ? "+" : "") + grouped(value)
    }
}
