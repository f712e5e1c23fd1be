import Catalog
import Results

/// One published table that several experiments share (HQNN Table 1: one block of rows per dataset), mirrored as
/// one table: every dataset × model (our controls included) × metric, published next to ours; then the parameter
/// counts with the reason for each difference.
extension PaperReport {
    func mirroredTableSection(_ table: String) -> ReportSection {
        let group = experiments.filter { sharedTables(of: $0.experiment).contains(table) }
        let name = Self.tableName(table)
        let metrics = Metric.allCases.filter { metric in
            group.contains { $0.experiment.comparisons.contains { $0.table == table && $0.metric == metric } }
        }
        var blocks: [ReportBlock] = [
            .paragraph("\(name) of the paper, mirrored across its datasets: every model the paper compares and our controls (marked \"(ours)\", "
                + "verdict 'control': they have no published numbers), with our mean ± sample standard deviation over seeds after the last epoch. "
                + "Protocols: " + group.map { r in
                    "\(r.experiment.dataset): \(r.scale.trainCount)/\(r.scale.testCount) images, \(r.scale.epochs) epochs, seeds \(r.scale.seeds.map(String.init).joined(separator: ", "))"
                        + (r.majorityClassAccuracy.map { ", majority-class accuracy \(Format.fixed($0, 1)) %" } ?? "")
                }.joined(separator: "; ") + ". "
                + Self.verdictRuleSentence),
        ]
        var rows: [[String]] = []
        var parameterRows: [[String]] = []
        for results in group {
            let compared = ComparisonRow.rows(for: results, published: published).filter { $0.table == table }
            let missing = results.missingData != nil
            // A model compared only in another table (AE-VQC's MaxViTs in Table 4) is mirrored there, not here;
            // a model with no comparison at all is our control and is shown.
            let comparisons = results.experiment.comparisons
            for model in results.experiment.models
            where comparisons.contains(where: { $0.model == model.id && $0.table == table }) || !comparisons.contains(where: { $0.model == model.id }) {
                for metric in metrics {
                    let ours = results.statistics(metric, model: model.id)
                    let d = Self.decimals(metric)
                    if let row = compared.first(where: { $0.model.id == model.id && $0.metric == metric }) {
                        let count = VerdictRules.isByConstruction(metric)
                        rows.append([results.experiment.dataset, model.name, metric.label,
                                     count ? (row.published.flatMap(Double.init).map(Format.grouped) ?? "-") : Format.published(row.published, spread: nil),
                                     count ? (row.ours.map { Format.grouped($0.mean) } ?? "-") : Format.ours(row.ours, d),
                                     count ? (row.difference.map(Format.signedGrouped) ?? "-") : Format.signed(row.difference, d),
                                     row.verdict.text(reducedScale: scale.isReduced) + (row.duplicateOf.map { " (misprint: counted as \(Self.tableName($0)))" } ?? "")])
                    } else {
                        let verdict = ours != nil ? "control"
                            : "not run: \(missing ? "data missing" : "no finished runs")"
                        rows.append([results.experiment.dataset, model.name, metric.label, "-",
                                     VerdictRules.isByConstruction(metric) ? (ours.map { Format.grouped($0.mean) } ?? "-") : Format.ours(ours, d), "-", verdict])
                    }
                }
                parameterRows.append(parameterRow(results, model: model, table: table))
            }
        }
        blocks.append(.table(ReportTable(
            caption: "\(name): published vs ours per dataset and model, after the last epoch.",
            header: ["dataset", "model", "metric", "published", "ours (mean ± std, n)", "difference", "verdict"],
            rows: rows, verdictColumn: 6, csvName: table)))
        let missing = Self.unique(group.filter { $0.missingData != nil && $0.records.values.allSatisfy(\.isEmpty) }.map(\.experiment.dataset))
        if !missing.isEmpty {
            blocks.append(.paragraph("Not run for want of data: \(missing.joined(separator: ", ")) (\(Self.missingDataAppendix) lists the files and how to get them)."))
        }
        blocks.append(.table(ReportTable(
            caption: "\(name): parameter counts, ours (counted on the trained model) vs published, and why they differ.",
            header: ["dataset", "model", "ours", "published", "difference", "why"],
            rows: parameterRows, verdictColumn: nil, csvName: "\(table)-parameters")))
        return ReportSection(title: "\(name) — \(group.map { $0.experiment.title }.joined(separator: "; "))", blocks: blocks)
    }

    private func parameterRow(_ results: ExperimentResults, model: ModelSpec, table: String) -> [String] {
        let comparison = results.experiment.comparisons.first { $0.table == table && $0.model == model.id && $0.metric == .parameters }
        let value = comparison.flatMap { c in
            published.first { $0.table == table && $0.dataset == c.dataset && $0.model == c.model && $0.metric == c.metric.rawValue }
        }?.number
        let ours = results.records[model.id]?.first.map { Double($0.parameters.total) }
        let why: String
        switch (ours, value) {
        case (nil, _): why = results.missingData != nil ? "not run: data missing" : "not run: no finished runs"
        case (_, nil): why = "our control: no published count"
        case let (o?, p?) where o == p: why = "matches"
        default: why = comparison?.note ?? "-"
        }
        let difference = ours.flatMap { o in value.map { Format.signedGrouped(o - $0) } } ?? "-"
        return [results.experiment.dataset, model.name, ours.map(Format.grouped) ?? "-", value.map(Format.grouped) ?? "-", difference, why]
    }
}
