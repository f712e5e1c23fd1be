import Catalog
import Results

/// A multi-label dataset run under two protocols (Vision-QRWKV's ChestMNIST): the authors' argmax cross-entropy with
/// element-wise accuracy next to BCE-with-logits with per-label AUC, and why the first is invalid.
extension PaperReport {
    /// The experiments of the same dataset trained under the authors' and the correct multi-label protocol, when
    /// `results` is the correct one and the paper has both.
    func multiLabelPair(_ results: ExperimentResults) -> (authors: ExperimentResults, correct: ExperimentResults)? {
        guard results.experiment.training.multiLabel == .binaryCrossEntropy,
              let authors = experiments.first(where: {
                  $0.experiment.dataset == results.experiment.dataset && $0.experiment.training.multiLabel == .argmaxCrossEntropy
              }) else { return nil }
        return (authors, results)
    }

    func multiLabelSection(authors: ExperimentResults, correct: ExperimentResults) -> ReportSection {
        let dataset = correct.experiment.dataset
        var blocks: [ReportBlock] = [
            .paragraph("\(dataset) is multi-label: each image has 14 binary findings, most of them absent. The authors' protocol "
                + "(\(MultiLabelObjective.argmaxCrossEntropy.summary)) is invalid. Its training target is the argmax of the multi-hot label, i.e. the first "
                + "positive finding, or finding 0 for an image with none: the model is trained as a single-label classifier, never asked about any other "
                + "finding, and images without findings are labelled as finding 0. Its score, the element-wise accuracy of sigmoid(logit) > 0.5 over "
                + "N × 14 decisions, is dominated by absent findings: a model that predicts every finding absent already scores the 'all-absent floor' "
                + "printed beside it. The correct protocol (\(MultiLabelObjective.binaryCrossEntropy.summary)) trains every label and scores each by its "
                + "ROC AUC, which does not depend on a threshold or on how rare a finding is."),
        ]
        let published = Dictionary(ComparisonRow.rows(for: authors, published: self.published).map { ($0.model.id, $0.published ?? "-") },
                                   uniquingKeysWith: { a, _ in a })
        var rows: [[String]] = []
        for (label, results) in [("authors'", authors), ("correct", correct)] {
            for model in results.experiment.models {
                let finals = (results.records[model.id] ?? []).compactMap { $0.final?.multiLabel }
                let publishedCell = label == "authors'" ? (published[model.id] ?? "-") : "-"
                guard !finals.isEmpty else {
                    let reason = results.missingData == nil ? "not run: no finished runs" : "not run: data missing"
                    rows.append([label, model.name, publishedCell, reason, "-", "-", "-", "-"])
                    continue
                }
                func stat(_ value: (MultiLabelMetrics) -> Double?, percent: Bool) -> String {
                    let values = finals.compactMap(value).map { percent ? 100 * $0 : $0 }
                    return values.isEmpty ? "-" : Format.ours(SeedStatistics(values), percent ? 2 : 3)
                }
                rows.append([label, model.name, publishedCell,
                             stat({ $0.elementwiseAccuracy }, percent: true), stat({ $0.allAbsentAccuracy }, percent: true),
                             stat({ $0.meanAUC }, percent: false),
                             stat({ $0.labelAccuracy.isEmpty ? nil : $0.labelAccuracy.reduce(0, +) / Double($0.labelAccuracy.count) }, percent: true),
                             stat({ $0.argmaxAccuracy }, percent: true)])
            }
        }
        blocks.append(.table(ReportTable(
            caption: "\(dataset) after the last epoch under both protocols, mean ± std over seeds (n). Element-wise accuracy is what Table 1 reports; "
                + "the all-absent floor is the element-wise accuracy of predicting every finding absent; 'argmax target met' is how often the arg-max "
                + "logit is the authors' training target.",
            header: ["protocol", "model", "published element-wise (%)", "element-wise accuracy (%)", "all-absent floor (%)", "mean AUC",
                     "mean label accuracy (%)", "argmax target met (%)"],
            rows: rows, verdictColumn: nil, csvName: "\(dataset)-protocols")))

        // Per finding: prevalence and AUC of each model under each protocol.
        let arms: [(String, ExperimentResults, ModelSpec)] = [("authors'", authors), ("correct", correct)].flatMap { label, results in
            results.experiment.models.map { (label, results, $0) }
        }
        let finalsPerArm = arms.map { _, results, model in (results.records[model.id] ?? []).compactMap { $0.final?.multiLabel } }
        guard let reference = finalsPerArm.first(where: { !$0.isEmpty })?.first else { return ReportSection(title: sectionTitle(dataset), blocks: blocks) }
        let names = (correct.records.values.first?.first ?? authors.records.values.first?.first)?.confusion.classNames ?? []
        let labels = reference.labelPrevalence.indices.map { $0 < names.count ? names[$0] : "finding \($0)" }
        blocks.append(.table(ReportTable(
            caption: "Per finding: prevalence in the test set, and the ROC AUC of each model under each protocol (mean over seeds; '-' where the test set "
                + "holds only one class or the arm has not run).",
            header: ["finding", "prevalence (%)"] + arms.map { "AUC \($0.2.name) (\($0.0))" },
            rows: labels.indices.map { i in
                [labels[i], Format.fixed(100 * reference.labelPrevalence[i], 2)] + finalsPerArm.map { finals in
                    let values = finals.compactMap { i < $0.labelAUC.count ? $0.labelAUC[i] : nil }
                    return values.isEmpty ? "-" : Format.fixed(SeedStatistics(values).mean, 3)
                }
            },
            verdictColumn: nil, csvName: "\(dataset)-findings")))
        return ReportSection(title: sectionTitle(dataset), blocks: blocks)
    }

    private func sectionTitle(_ dataset: String) -> String { "\(dataset): the authors' protocol vs a correct multi-label protocol" }
}
