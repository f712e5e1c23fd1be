import Catalog
import Results

/// One published number next to ours.
public struct ComparisonRow: Sendable {
    public var experiment: String
    public var dataset: String
    public var model: ModelSpec
    public var metric: Metric
    public var table: String
    /// As printed in the paper.
    public var published: String?
    public var publishedSpread: String?
    /// How many seeds the published number is over (1: a single run).
    public var publishedSeeds: Int
    public var ours: SeedStatistics?
    /// Our seeds, in the order of `ours.values`.
    public var seeds: [UInt64]
    public var verdict: Verdict
    /// The interval and margin the verdict was reached with; nil when not run.
    public var judgement: Judgement?
    /// Set when an earlier row of the same experiment compares the same model and metric with the same published
    /// value (a figure repeating a table's number), or when the paper's number is a misprint another table corrects
    /// (`Comparison.foldedInto`): the headline counts it once.
    public var duplicateOf: String?

    /// The half-width the verdict allowed.
    public var tolerance: Double? { judgement?.halfWidth }

    /// Whether the number is fixed by the architecture (a parameter count), not measured.
    public var isByConstruction: Bool { VerdictRules.isByConstruction(metric) }

    public var difference: Double? {
        guard let ours, let published, let p = Double(published) else { return nil }
        return ours.mean - p
    }

    /// Rows for every comparison of `results`, given the paper's published values.
    public static func rows(for results: ExperimentResults, published: [PublishedValue]) -> [ComparisonRow] {
        var seen: [String: String] = [:]
        return results.experiment.comparisons.compactMap { comparison in
            guard let model = results.experiment.model(comparison.model) else { return nil }
            let value = published.first {
                $0.table == comparison.table && $0.dataset == comparison.dataset && $0.model == comparison.model && $0.metric == comparison.metric.rawValue
            }
            let spread = comparison.publishedSpreadMetric.flatMap { metric in
                published.first { $0.table == comparison.table && $0.dataset == comparison.dataset && $0.model == comparison.model && $0.metric == metric }
            }
            let ours = results.statistics(comparison.metric, model: comparison.model)
            let seeds = (results.records[comparison.model] ?? []).map(\.identity.seed)
            var row = ComparisonRow(experiment: results.experiment.id, dataset: results.experiment.dataset, model: model, metric: comparison.metric,
                                    table: comparison.table, published: value?.value, publishedSpread: spread?.value,
                                    publishedSeeds: comparison.publishedSeeds, ours: ours, seeds: seeds,
                                    verdict: .notRun("no published value"), judgement: nil)
            if let folded = comparison.foldedInto {
                row.duplicateOf = folded
            } else if let printed = value?.value {
                let key = "\(comparison.model)|\(comparison.metric.rawValue)|\(printed)|\(spread?.value ?? "")"
                if let first = seen[key] { row.duplicateOf = first } else { seen[key] = comparison.table }
            }
            if let ours, ours.count > 0, let printed = value?.value, let p = Double(printed) {
                let images = comparison.publishedTestImages.flatMap { pub in results.testImages.map { (published: pub, ours: $0) } }
                let judged = Verdict.judge(ours: ours, published: p, publishedSpread: spread.flatMap { Double($0.value) },
                                           publishedSeeds: comparison.publishedSeeds, printedDecimals: Verdict.decimals(of: printed),
                                           metric: comparison.metric, testImages: images)
                row.verdict = judged.verdict
                row.judgement = judged
            } else if ours == nil {
                row.verdict = .notRun(results.missingData == nil ? "no finished runs" : "data missing")
            }
            return row
        }
    }
}
