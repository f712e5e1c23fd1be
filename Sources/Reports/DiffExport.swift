import Catalog
import Foundation

/// `qreport diff --format json|csv`: every published number with ours per seed, the interval and margin it was judged
/// with, and the verdict, so a lab's pipeline can gate on it; the claims follow in JSON.
public struct DiffExport: Codable, Equatable, Sendable {
    /// Bumped when a field changes meaning or disappears.
    public static let formatVersion = 1

    public var format: Int
    public var paper: String
    public var scale: String
    /// True below paper scale: every verdict is indicative.
    public var indicative: Bool
    public var rules: String
    public var rows: [Row]
    public var claims: [ClaimRow]

    /// One published number next to ours.
    public struct Row: Codable, Equatable, Sendable {
        public var experiment: String
        public var dataset: String
        public var table: String
        public var model: String
        public var metric: String
        /// As printed in the paper; nil when it prints none.
        public var published: String?
        public var publishedSpread: String?
        public var publishedSeeds: Int
        public var ours: [SeedValue]
        public var oursMean: Double?
        public var oursStd: Double?
        /// The range around our mean the published value is judged against (nil with fewer than 2 seeds or not run).
        public var intervalLow: Double?
        public var intervalHigh: Double?
        /// "prediction interval", "Welch", "exact".
        public var method: String?
        public var margin: Double?
        /// consistent, differs, inconclusive, not-run.
        public var verdict: String
        /// The verdict as the report prints it (with its reason).
        public var verdictText: String
        /// A parameter count, fixed by the architecture: counted apart in the headline.
        public var byConstruction: Bool
        /// The table whose identical number this row repeats (counted once in the headline); nil for none.
        public var duplicateOf: String?
    }

    public struct SeedValue: Codable, Equatable, Sendable {
        public var seed: UInt64
        public var value: Double
    }

    /// A claim of the paper: its verdict (holds = consistent, fails = differs, inconclusive, not-run) and what we
    /// measured.
    public struct ClaimRow: Codable, Equatable, Sendable {
        public var claim: String
        public var measured: String
        public var verdict: String
        public var verdictText: String
    }

    /// The export of `report`.
    public init(report: PaperReport) {
        format = Self.formatVersion
        paper = report.paper.id
        scale = report.scale.rawValue
        indicative = report.scale.isReduced
        rules = "docs/verdicts.md"
        rows = report.rows.map { row in
            let values = row.ours?.values ?? []
            let interval = row.judgement?.interval
            return Row(experiment: row.experiment, dataset: row.dataset, table: row.table, model: row.model.id, metric: row.metric.rawValue,
                       published: row.published, publishedSpread: row.publishedSpread, publishedSeeds: row.publishedSeeds,
                       ours: zip(row.seeds, values).map { SeedValue(seed: $0, value: $1) },
                       oursMean: row.ours.flatMap { $0.count > 0 ? $0.mean : nil },
                       oursStd: row.ours.flatMap { $0.count > 1 ? $0.standardDeviation : nil },
                       intervalLow: interval?.lowerBound, intervalHigh: interval?.upperBound,
                       method: row.judgement?.method.rawValue, margin: row.judgement?.margin,
                       verdict: row.verdict.key, verdictText: row.verdict.text(reducedScale: report.scale.isReduced),
                       byConstruction: row.isByConstruction, duplicateOf: row.duplicateOf)
        }
        claims = report.claimRows().map { ClaimRow(claim: $0.claim, measured: $0.measured, verdict: $0.verdict.key, verdictText: $0.text) }
    }

    /// Pretty-printed JSON with sorted keys (stable bytes for the same runs).
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        // Encoding plain value types cannot fail.
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// One CSV line per row (RFC 4180 quoting); `ours` as `seed:value` pairs separated by `;`.
    public func csv() -> String {
        let header = ["experiment", "dataset", "table", "model", "metric", "published", "published_spread", "published_seeds", "ours",
                      "ours_mean", "ours_std", "interval_low", "interval_high", "method", "margin", "verdict", "verdict_text",
                      "by_construction", "duplicate_of"]
        func number(_ v: Double?) -> String { v.map { String($0) } ?? "" }
        let lines = rows.map { r in
            [r.experiment, r.dataset, r.table, r.model, r.metric, r.published ?? "", r.publishedSpread ?? "", String(r.publishedSeeds),
             r.ours.map { "\($0.seed):\($0.value)" }.joined(separator: ";"), number(r.oursMean), number(r.oursStd),
             number(r.intervalLow), number(r.intervalHigh), r.method ?? "", number(r.margin), r.verdict, r.verdictText,
             r.byConstruction ? "true" : "false", r.duplicateOf ?? ""].map(Self.quote).joined(separator: ",")
        }
        return ([header.joined(separator: ",")] + lines).joined(separator: "\n") + "\n"
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension PaperReport {
    /// Every claim the report checks, in the summary's order: count claims, then per-experiment claims.
    public func claimRows() -> [(claim: String, measured: String, verdict: Verdict, text: String)] {
        var out: [(claim: String, measured: String, verdict: Verdict, text: String)] = []
        for claim in paper.countClaims {
            let row = countClaimSummaryRow(claim)
            let verdict: Verdict
            if row[2].contains("holds") { verdict = .consistent }
            else if row[2].contains("fails") { verdict = .differs }
            else if row[2].hasPrefix("not run") { verdict = .notRun(String(row[2].dropFirst("not run: ".count))) }
            else { verdict = .inconclusive("") }
            out.append((claim.text, row[1], verdict, row[2]))
        }
        let counted = Set(paper.countClaims.map(\.table))
        for results in experiments where !counted.contains(results.experiment.comparisons.first?.table ?? "") {
            for claim in results.experiment.claims {
                if let check = ClaimCheck.check(claim, in: results, published: published) {
                    out.append((claim.text, check.measured, check.verdict, check.verdictText(reducedScale: scale.isReduced)))
                } else {
                    let verdict = Verdict.notRun(results.missingData == nil ? "no finished runs" : "data missing")
                    out.append((claim.text, "-", verdict, verdict.text(reducedScale: scale.isReduced)))
                }
            }
        }
        return out
    }
}
