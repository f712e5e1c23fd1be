import Catalog

/// The AE-VQC paper's architecture tables checked from the catalog alone: Table 2 (ansatz and depth D per model)
/// and every "Params*" (parameters after the backbone) of Tables 3-4, ours computed layer by layer from the head
/// the catalog describes. These need no data and no training, so they are shown even when nothing ran.
extension PaperReport {
    /// The published table of ansatz choices this section mirrors.
    static let ansatzTable = "table2"

    /// Every (experiment, model, architecture) with an AE-VQC architecture, in catalog order.
    private var aeVQCModels: [(experiment: Experiment, model: ModelSpec, architecture: AEVQCArchitecture)] {
        experiments.flatMap { results in
            results.experiment.models.compactMap { model in
                AEVQCPaper.architecture(of: model).map { (results.experiment, model, $0) }
            }
        }
    }

    /// Published tables this section mirrors (so that "Not reproduced" does not list them).
    var architectureTables: Set<String> { aeVQCModels.isEmpty ? [] : [Self.ansatzTable] }

    /// The section, or nil when the paper has no AE-VQC model.
    func headParameterSection() -> ReportSection? {
        let models = aeVQCModels
        guard !models.isEmpty else { return nil }
        var ansatzRows: [[String]] = []
        var countRows: [[String]] = []
        for (experiment, model, architecture) in models {
            let dataset = experiment.dataset
            func publishedValue(_ table: String, _ metric: String) -> PublishedValue? {
                published.first { $0.table == table && $0.dataset == dataset && $0.model == model.id && $0.metric == metric }
            }
            if case let .quantum(ansatz, layers, _) = architecture.head {
                let pa = publishedValue(Self.ansatzTable, "ansatz")?.number.map { Int($0) }
                let pd = publishedValue(Self.ansatzTable, "ansatz_layers")?.number.map { Int($0) }
                let verdict: String
                switch (pa, pd) {
                case let (a?, d?): verdict = a == ansatz && d == layers ? "matches" : "differs"
                default: verdict = "-"
                }
                ansatzRows.append([dataset, model.name, pa.map(String.init) ?? "-", pd.map(String.init) ?? "-",
                                   String(ansatz), String(layers), verdict])
            }
            guard let classes = AEVQCPaper.classes(of: dataset) else { continue }
            let comparison = experiment.comparisons.first { $0.model == model.id && $0.metric == .headParameters }
            let table = comparison?.table ?? "-"
            let ours = architecture.headParameters(classes: classes)
            let value = publishedValue(table, Metric.headParameters.rawValue)?.number
            let difference = value.map { Format.signedGrouped(Double(ours) - $0) } ?? "-"
            let verdict: String
            switch value {
            case nil: verdict = "-"
            case let p? where Double(ours) == p: verdict = "matches"
            default: verdict = "differs" + (comparison?.note.map { ": " + $0 } ?? "")
            }
            countRows.append([dataset, model.name, Self.tableName(table), architecture.headArithmetic(classes: classes),
                              Format.grouped(Double(ours)), value.map(Format.grouped) ?? "-", difference, verdict])
        }
        var blocks: [ReportBlock] = [
            .paragraph("Architecture checks that need neither data nor training. \"Params*\" (Tables 3-4) is the number of "
                + "trainable parameters after the backbone. Ours is computed from the layers of the head the catalog "
                + "describes (listed with their arithmetic), not counted on a trained model: a parameter count is "
                + "fixed by the architecture, so a difference is a difference in architecture, never a measurement effect."),
        ]
        if !ansatzRows.isEmpty {
            blocks.append(.table(ReportTable(
                caption: "Table 2 mirrored: the ansatz and its number of repeated layers D per quantum model, published vs the catalog's.",
                header: ["dataset", "model", "published ansatz", "published D", "our ansatz", "our D", "verdict"],
                rows: ansatzRows, verdictColumn: 6, csvName: Self.ansatzTable)))
        }
        blocks.append(.table(ReportTable(
            caption: "Params* (parameters after the backbone), ours from the head's layers vs Tables 3-4, and why they differ.",
            header: ["dataset", "model", "table", "head layers (parameters)", "ours", "published", "difference", "verdict"],
            rows: countRows, verdictColumn: 7, csvName: "params-after-backbone")))
        return ReportSection(title: "Architecture checks — Table 2 and Params*", blocks: blocks)
    }
}
