import Catalog
import Results

/// One published number next to ours.
public struct ComparisonRow: Sendable {
    public var experiment: String
    public var model: ModelSpec
    public var metric: Metric
    public var table: String
    /// As printed in the paper.
    public var published: String?
    public var publishedSpread: String?
    public var ours: SeedStatistics?
    public var verdict: Verdict
    /// The half-width the verdict allowed.
    public var tolerance: Double?

    public var difference: Double? {
        guard let ours, let published, let p = Double(published) else { return nil }
        return ours.mean - p
    }

    /// Rows for every comparison of `results`, given the paper's published values.
    public static func rows(for results: ExperimentResults, published: [PublishedValue]) -> [ComparisonRow] {
        results.experiment.comparisons.compactMap { comparison in
            guard let model = results.experiment.model(comparison.model) else { return nil }
            let value = published.first {
                $0.table == comparison.table && $0.dataset == comparison.dataset && $0.model == comparison.model && $0.metric == comparison.metric.rawValue
            }
            let spread = comparison.publishedSpreadMetric.flatMap { metric in
                published.first { $0.table == comparison.table && $0.dataset == comparison.dataset && $0.model == comparison.model && $0.metric == metric }
            }
            let ours = results.statistics(comparison.metric, model: comparison.model)
            var row = ComparisonRow(experiment: results.experiment.id, model: model, metric: comparison.metric, table: comparison.table,
                                    published: value?.value, publishedSpread: spread?.value, ours: ours,
                                    verdict: .notRun("no published value"), tolerance: nil)
            if let ours, ours.count > 0, let printed = value?.value, let p = Double(printed) {
                let judged = Verdict.judge(ours: ours, published: p, publishedSpread: spread.flatMap { Double($0.value) },
                                           publishedSeeds: comparison.publishedSeeds, printedDecimals: Verdict.decimals(of: printed))
                row.verdict = judged.verdict
                row.tolerance = judged.tolerance
            } else if ours == nil {
                row.verdict = .notRun(results.missingData == nil ? "no finished runs" : "data missing")
            }
            return row
        }
    }
}
