import Foundation

/// The published-vs-ours comparison as a Markdown table (`qreport diff`, `diff.md`).
public enum DiffTable {
    /// One row per comparison; a header line names the paper and scale.
    public static func markdown(paper: String, scale: String, rows: [ComparisonRow], reducedScale: Bool) -> String {
        var lines = [
            "# qreport diff: \(paper) (\(scale) scale)",
            "",
            "Rules: docs/verdicts.md. Interval: the 95 % range around our mean the published value is judged against; margin: the practical margin "
                + "a difference must exceed to be called 'differs'. Rows marked 'counted once' repeat or misprint a number of another table and are counted there; parameter counts are fixed by the architecture.",
            "",
            "| experiment | table | model | metric | published | ours (mean ± std, n) | difference | 95 % interval | margin | verdict |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for row in rows {
            let d = PaperReport.decimals(row.metric)
            var verdict = row.verdict.text(reducedScale: reducedScale)
            if let first = row.duplicateOf { verdict += " (counted once, as \(first))" }
            lines.append("| " + [
                row.experiment, row.table, row.model.name, row.metric.label,
                row.isByConstruction ? (row.published.flatMap(Double.init).map(Format.grouped) ?? "-") : Format.published(row.published, spread: row.publishedSpread),
                row.isByConstruction ? (row.ours.map { Format.grouped($0.mean) } ?? "-") : Format.ours(row.ours, d),
                row.isByConstruction ? (row.difference.map(Format.signedGrouped) ?? "-") : Format.signed(row.difference, d),
                PaperReport.intervalText(row), row.judgement.map { $0.method == .exact ? "exact" : Format.fixed($0.margin, d) } ?? "-",
                verdict,
            ].joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Any table as Markdown (pipes in cells escaped).
    public static func markdown(header: [String], rows: [[String]]) -> String {
        func line(_ cells: [String]) -> String { "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |" }
        return ([line(header), "|" + String(repeating: "---|", count: header.count)] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
