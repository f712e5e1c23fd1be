import Foundation

/// The published-vs-ours comparison as a Markdown table (`qreport diff`, `diff.md`).
public enum DiffTable {
    /// One row per comparison; a header line names the paper and scale.
    public static func markdown(paper: String, scale: String, rows: [ComparisonRow], reducedScale: Bool) -> String {
        var lines = [
            "# qreport diff: \(paper) (\(scale) scale)",
            "",
            "| experiment | model | metric | published | ours (mean ± std, n) | difference | verdict |",
            "|---|---|---|---|---|---|---|",
        ]
        for row in rows {
            lines.append("| " + [
                row.experiment, row.model.name, row.metric.label,
                Format.published(row.published, spread: row.publishedSpread),
                Format.ours(row.ours, PaperReport.decimals(row.metric)), Format.signed(row.difference, PaperReport.decimals(row.metric)),
                row.verdict.text(reducedScale: reducedScale),
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
