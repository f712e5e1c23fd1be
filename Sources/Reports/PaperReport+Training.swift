import Catalog
import Charts
import Results

/// The section of a training experiment: its published-vs-ours rows (those not mirrored in a shared table), the
/// learning curves (the mirror of HQNN Figs 5-6), per-seed, loss and parameter tables, and confusion matrices.
extension PaperReport {
    func experimentSection(_ results: ExperimentResults) -> ReportSection {
        let experiment = results.experiment
        let s = results.scale
        let t = experiment.training
        let title = "\(experiment.source) — \(experiment.title)"
        var blocks: [ReportBlock] = [
            .paragraph("Protocol: the first \(s.trainCount) training and first \(s.testCount) test images of \(experiment.dataset.uppercased()), "
                + "resized to \(t.imageSize)×\(t.imageSize); \(s.epochs) epochs, batch \(t.batchSize), \(t.optimizer) (learning rate \(t.learningRate)); "
                + "seeds \(s.seeds.map(String.init).joined(separator: ", "))."
                + (results.records.values.contains { !$0.isEmpty } ? " Verdicts as stated in 'How the verdicts are reached'." : "")),
        ]
        let shared = sharedTable(of: experiment)
        let mirroredTables = sharedTables(of: experiment)
        let rows = ComparisonRow.rows(for: results, published: published).filter { !mirroredTables.contains($0.table) }
        let tableID = self.tableID(of: experiment)
        if !rows.isEmpty {
            let sources = Array(Set(rows.map(\.table))).sorted().joined(separator: ", ")
            blocks.append(.table(ReportTable(
                caption: "\(experiment.source): published vs ours, after the last epoch (\(sources)"
                    + (mirroredTables.isEmpty ? "" : "; the \(mirroredTables.map(Self.tableName).joined(separator: " and ")) rows are in the mirrored "
                        + mirroredTables.map(Self.tableName).joined(separator: " and ") + " above") + ").",
                header: ["model", "metric", "published", "ours (mean ± std, n)", "difference", "95 % interval", "verdict"],
                rows: rows.map { row in
                    [row.model.name, row.metric.label, Format.published(row.published, spread: row.publishedSpread),
                     Format.ours(row.ours, Self.decimals(row.metric)), Format.signed(row.difference, Self.decimals(row.metric)),
                     Self.intervalText(row), row.verdict.text(reducedScale: scale.isReduced)]
                },
                verdictColumn: 6, csvName: shared == nil ? tableID : "\(tableID)-figures")))
        }

        let trained = experiment.models.filter { !(results.records[$0.id] ?? []).isEmpty }
        guard !trained.isEmpty else {
            if results.missingData != nil {
                blocks.append(.paragraph("not run: data missing (\(Self.missingDataAppendix) lists the files and how to get them)."))
            } else {
                blocks.append(.paragraph("not run: no finished runs of this experiment in the run store at \(scale.rawValue) scale."))
            }
            return ReportSection(title: title, blocks: blocks)
        }
        let curves: [(stem: String, label: String, metric: Metric?, value: (EpochMetrics) -> Double)] = [
            ("test-accuracy", "test accuracy (%)", .testAccuracy, { 100 * $0.testAccuracy }),
            ("train-accuracy", "train accuracy (%)", nil, { 100 * $0.trainAccuracy }),
            ("test-loss", "test loss", .testLoss, { $0.testLoss }),
            ("train-loss", "train loss", .trainLoss, { $0.trainLoss }),
        ]
        for curve in curves {
            let chart = curveChart(results, label: curve.label, metric: curve.metric, value: curve.value)
            let marked = chart.series.contains { $0.published != nil }
            blocks.append(.figure(ReportFigure(
                caption: "\(curve.label.prefix(1).uppercased() + curve.label.dropFirst()) per epoch, every model (the mirror of \(experiment.source)): "
                    + "the line is the mean over seeds, the band runs from the lowest to the highest seed"
                    + (marked ? "; hollow diamonds mark the paper's published final-epoch values." : "."),
                chart: chart, fileStem: "\(tableID)-\(curve.stem)")))
        }
        blocks.append(.table(perSeedTable(results, models: trained, tableID: tableID)))
        blocks.append(.table(lossTable(results, models: trained, tableID: tableID)))
        // A count claim's table already splits the parameters per dataset and lists the tensors once.
        if !paper.countClaims.contains(where: { $0.table == experiment.comparisons.first?.table }) {
            blocks.append(.table(parameterTable(results, models: trained, tableID: tableID)))
        }
        for model in trained {
            let (names, counts, seeds) = summedConfusion(results, model: model)
            guard !names.isEmpty else { continue }
            if let errors = perClassErrorTable(model: model, names: names, counts: counts, seeds: seeds, tableID: tableID) {
                blocks.append(.table(errors))
                continue
            }
            blocks.append(.figure(ReportFigure(
                caption: "\(model.name): test-set confusion matrix after the last epoch, summed over \(seeds) seed\(seeds == 1 ? "" : "s"), each row divided by the true class's count.",
                chart: Heatmap.confusionMatrix(title: "\(experiment.dataset): \(model.name)", classNames: names,
                                               counts: counts.map { $0.map(Double.init) },
                                               note: scale.isReduced ? "\(scale.rawValue) scale" : nil),
                fileStem: "\(tableID)-confusion-\(model.id)")))
            blocks.append(.table(ReportTable(
                caption: "\(model.name): the same confusion matrix as counts (rows: true class, columns: predicted).",
                header: ["true \\ predicted"] + names,
                rows: names.indices.map { i in [names[i]] + counts[i].map(String.init) },
                verdictColumn: nil, csvName: "\(tableID)-confusion-\(model.id)")))
        }
        return ReportSection(title: title, blocks: blocks)
    }

    /// For a near-diagonal confusion matrix (every class at least 97 % right), where a heatmap shows only a diagonal of
    /// 1.00: the errors per class with their n, and the class each is most often mistaken for. Nil otherwise.
    private func perClassErrorTable(model: ModelSpec, names: [String], counts: [[Int]], seeds: Int, tableID: String) -> ReportTable? {
        let totals = counts.map { $0.reduce(0, +) }
        guard names.indices.allSatisfy({ totals[$0] > 0 && Double(counts[$0][$0]) >= 0.97 * Double(totals[$0]) }) else { return nil }
        return ReportTable(
            caption: "\(model.name): test-set errors per true class after the last epoch, summed over \(seeds) seed\(seeds == 1 ? "" : "s") "
                + "(n = test images of that class × seeds); the confusion matrix is near-diagonal, so its errors are listed instead of drawn.",
            header: ["true class", "n", "errors", "error rate (%)", "most often predicted instead"],
            rows: names.indices.map { i in
                let errors = totals[i] - counts[i][i]
                let confused = names.indices.filter { $0 != i }.max { counts[i][$0] < counts[i][$1] }
                let instead = confused.flatMap { j in counts[i][j] > 0 ? "\(names[j]) (\(counts[i][j]))" : nil } ?? "-"
                return [names[i], Format.grouped(Double(totals[i])), Format.grouped(Double(errors)),
                        Format.fixed(100 * Double(errors) / Double(totals[i]), 2), instead]
            },
            verdictColumn: nil, csvName: "\(tableID)-errors-\(model.id)")
    }

    /// The published table several experiments mirror parts of (Table 1 across datasets): the first comparison
    /// table of `experiment` when another experiment of the report has the same first table; nil otherwise.
    func sharedTable(of experiment: Experiment) -> String? {
        guard let table = experiment.comparisons.first?.table else { return nil }
        let sharing = experiments.filter { $0.experiment.comparisons.first?.table == table }
        return sharing.count > 1 ? table : nil
    }

    /// Every table mirrored across experiments that `experiment` has rows in: its `sharedTable`, then any further
    /// published table ("table…", not a figure) that other experiments compare with too (AE-VQC: Table 3 for the
    /// ResNets, Table 4 for the MaxViTs of every dataset).
    func sharedTables(of experiment: Experiment) -> [String] {
        guard let first = sharedTable(of: experiment) else { return [] }
        var tables = [first]
        for table in experiment.comparisons.map(\.table) where table.hasPrefix("table") && !tables.contains(table) {
            if experiments.filter({ $0.experiment.comparisons.contains { $0.table == table } }).count > 1 { tables.append(table) }
        }
        return tables
    }

    /// Names the experiment's tables and figures: the published table it mirrors, suffixed with the
    /// experiment's id when several experiments mirror parts of the same table (Table 1 per dataset).
    func tableID(of experiment: Experiment) -> String {
        guard let table = experiment.comparisons.first?.table else { return experiment.id }
        return sharedTable(of: experiment) == nil ? table : "\(table)-\(experiment.id)"
    }

    /// "Table 1" for "table1", "Fig. 8" for "fig8".
    static func tableName(_ id: String) -> String {
        if id.hasPrefix("table") { return "Table " + id.dropFirst(5) }
        if id.hasPrefix("fig") { return "Fig. " + id.dropFirst(3) }
        return id
    }

    /// Decimals a metric is printed with: losses like the paper's 0.0204, accuracies like 99.21, counts whole.
    static func decimals(_ metric: Metric) -> Int {
        switch metric {
        case .trainLoss, .testLoss: return 4
        case .testAccuracy, .macroF1: return 2
        case .parameters, .kernelParameters, .headParameters: return 0
        }
    }

    private func curveChart(_ results: ExperimentResults, label: String, metric: Metric?, value: (EpochMetrics) -> Double) -> LineChart {
        let series: [LineSeries] = results.experiment.models.compactMap { model in
            guard let runs = results.records[model.id], let epochs = runs.map(\.epochs.count).min(), epochs > 0 else { return nil }
            let perEpoch = (0..<epochs).map { e in runs.map { value($0.epochs[e]) } }
            return LineSeries(name: model.name, x: (1...epochs).map(Double.init), y: perEpoch.map { SeedStatistics($0).mean },
                              low: perEpoch.map { $0.min() ?? .nan }, high: perEpoch.map { $0.max() ?? .nan },
                              published: metric.flatMap { publishedCurveValue(results.experiment, model: model.id, metric: $0) })
        }
        let epochs = series.map(\.x.count).max() ?? 0
        return LineChart(title: "\(results.experiment.dataset): \(label)", xLabel: "epoch", yLabel: label,
                         series: series, yRange: nil, xTickStep: epochs <= 20 ? 1 : nil,
                         note: scale.isReduced ? "\(scale.rawValue) scale" : nil)
    }

    /// The published final-epoch value of `metric` for `model`: the figure's own number where it has one (the curves
    /// mirror a figure), else the table's.
    private func publishedCurveValue(_ experiment: Experiment, model: String, metric: Metric) -> Double? {
        let candidates = experiment.comparisons.filter { $0.model == model && $0.metric == metric }
            .sorted { ($0.table.hasPrefix("fig") ? 0 : 1) < ($1.table.hasPrefix("fig") ? 0 : 1) }
        for c in candidates {
            if let v = published.first(where: { $0.table == c.table && $0.dataset == c.dataset && $0.model == c.model && $0.metric == c.metric.rawValue })?.number {
                return v
            }
        }
        return nil
    }

    private func perSeedTable(_ results: ExperimentResults, models: [ModelSpec], tableID: String) -> ReportTable {
        let seeds = results.scale.seeds
        return ReportTable(
            caption: "Final-epoch test accuracy (%) per seed.",
            header: ["model"] + seeds.map { "seed \($0)" },
            rows: models.map { model in
                [model.name] + seeds.map { seed in
                    results.records[model.id]?.first { $0.identity.seed == seed }
                        .flatMap { ExperimentResults.value(of: .testAccuracy, in: $0) }.map { Format.fixed($0, 2) } ?? "-"
                }
            },
            verdictColumn: nil, csvName: "\(tableID)-per-seed")
    }

    private func lossTable(_ results: ExperimentResults, models: [ModelSpec], tableID: String) -> ReportTable {
        ReportTable(
            caption: "Final-epoch losses and training accuracy, mean ± std over seeds.",
            header: ["model", "train loss", "test loss", "train accuracy (%)"],
            rows: models.map { model in
                let runs = results.records[model.id] ?? []
                let final = runs.compactMap(\.final)
                return [model.name, Format.ours(SeedStatistics(final.map(\.trainLoss)), 4), Format.ours(SeedStatistics(final.map(\.testLoss)), 4),
                        Format.ours(SeedStatistics(final.map { 100 * $0.trainAccuracy }), 2)]
            },
            verdictColumn: nil, csvName: "\(tableID)-losses")
    }

    private func parameterTable(_ results: ExperimentResults, models: [ModelSpec], tableID: String) -> ReportTable {
        ReportTable(
            caption: "Trainable parameters, split into classical weights and circuit angles.",
            header: ["model", "classical", "circuit", "total", "per tensor", "architecture"],
            rows: models.compactMap { model in
                guard let counts = results.records[model.id]?.first?.parameters else { return nil }
                return [model.name, "\(counts.classical)", "\(counts.quantum)", "\(counts.total)",
                        counts.byTensor.map { "\($0.name) \($0.count)" }.joined(separator: ", "), model.summary]
            },
            verdictColumn: nil, csvName: "\(tableID)-parameters")
    }

    /// The confusion counts of `model` summed over its seeds, with the class names and the number of seeds.
    private func summedConfusion(_ results: ExperimentResults, model: ModelSpec) -> (names: [String], counts: [[Int]], seeds: Int) {
        let runs = results.records[model.id] ?? []
        let names = runs.first?.confusion.classNames ?? []
        var total = ConfusionMatrix(classNames: names)
        for run in runs where run.confusion.classNames == names {
            for i in names.indices { for j in names.indices { total.counts[i][j] += run.confusion.counts[i][j] } }
        }
        // Bare indices ("0"…"4") give way to the Catalog's names for the classes, when it has as many.
        if let labels = results.experiment.classLabels, labels.count == names.count { return (labels, total.counts, runs.count) }
        return (names, total.counts, runs.count)
    }
}
