import Catalog
import Charts
import Foundation
import Results

/// Everything a paper's report says, computed from run records and published values only.
public struct PaperReport: Sendable {
    public let paper: Paper
    public let scale: Scale
    public let experiments: [ExperimentResults]
    public let published: [PublishedValue]
    public let reportCommit: String

    public init(paper: Paper, scale: Scale, experiments: [ExperimentResults], published: [PublishedValue], reportCommit: String) {
        self.paper = paper
        self.scale = scale
        self.experiments = experiments
        self.published = published
        self.reportCommit = reportCommit
    }

    /// Every published-vs-ours comparison, experiment by experiment.
    public var rows: [ComparisonRow] { experiments.flatMap { ComparisonRow.rows(for: $0, published: published) } }

    public var provenance: Provenance {
        Provenance(paper: paper, scale: scale, reportCommit: reportCommit, experiments: experiments)
    }

    public func diffMarkdown() -> String {
        DiffTable.markdown(paper: paper.id, scale: scale.rawValue, rows: rows, reducedScale: scale.isReduced)
    }

    /// The banner every page carries below paper scale.
    public var scaleBanner: String? {
        guard scale.isReduced else { return nil }
        let protocols = experiments.map {
            "\($0.experiment.id): \($0.scale.seeds.count) seeds × \($0.scale.epochs) epochs, \($0.scale.trainCount)/\($0.scale.testCount) images"
        }.joined(separator: "; ")
        return "Reduced scale (\(scale.rawValue)) — \(protocols). Not the paper's protocol: verdicts are indicative."
    }

    public func document() -> ReportDocument {
        var sections = [summarySection()]
        sections += experiments.map(experimentSection)
        sections.append(notReproducedSection())
        if !paper.inconsistencies.isEmpty { sections.append(inconsistencySection()) }
        sections.append(assumptionSection())
        sections.append(provenanceSection())
        return ReportDocument(paperID: paper.id, title: paper.title, citation: paper.citation, scaleBanner: scaleBanner,
                              generatedBy: "qreport \(provenance.qreportVersion) (commit \(reportCommit))", sections: sections)
    }

    // MARK: sections

    private func summarySection() -> ReportSection {
        let rows = self.rows
        let consistent = rows.filter { $0.verdict == .consistent }.count
        var blocks: [ReportBlock] = [
            .paragraph("qreport re-ran \(experiments.count) experiment(s) of this paper from a clean checkout, seeded and notebook-free, at \(scale.rawValue) scale. "
                + "\(consistent) of \(rows.count) published numbers are reproduced within the combined seed-to-seed uncertainty. "
                + "Every number below comes from the run records in runs/; the assumptions we had to make are listed in the appendix."),
        ]
        let checks = experiments.flatMap { results in results.experiment.claims.map { (results, $0) } }
        if !checks.isEmpty {
            let claimRows: [[String]] = checks.map { results, claim in
                guard let check = ClaimCheck.check(claim, in: results) else {
                    return [claim.text, "-", "not run: no finished runs"]
                }
                let verdict = check.holds ? "consistent: holds" : "differs: does not hold"
                return [claim.text,
                        "\(Format.signed(check.meanDifference)) ± \(Format.fixed(check.margin)) points (paired over \(check.seeds) seeds)",
                        scale.isReduced ? "indicative: \(verdict)" : verdict]
            }
            blocks.append(.table(ReportTable(
                caption: "Claims of the paper, checked on our seeds. Difference = mean over seeds of (model − baseline) ± twice its standard error; "
                    + "'better' holds when the difference exceeds that margin, 'comparable' when the interval contains zero.",
                header: ["claim", "ours", "verdict"], rows: claimRows, verdictColumn: 2, csvName: "claims")))
        }
        return ReportSection(title: "Summary", blocks: blocks)
    }

    private func experimentSection(_ results: ExperimentResults) -> ReportSection {
        let experiment = results.experiment
        let s = results.scale
        let t = experiment.training
        var blocks: [ReportBlock] = [
            .paragraph("Protocol: the first \(s.trainCount) training and first \(s.testCount) test images of \(experiment.dataset.uppercased()), "
                + "resized to \(t.imageSize)×\(t.imageSize); \(s.epochs) epochs, batch \(t.batchSize), \(t.optimizer) (learning rate \(t.learningRate)); "
                + "seeds \(s.seeds.map(String.init).joined(separator: ", ")). "
                + "A verdict is 'consistent' when |ours − published| ≤ 2·√(s_pub²/n_pub + s_ours²/n_ours) plus half a unit of the paper's last printed digit."),
        ]
        let rows = ComparisonRow.rows(for: results, published: published)
        let tableID = self.tableID(of: experiment)
        blocks.append(.table(ReportTable(
            caption: "\(experiment.source): published vs ours, after the last epoch.",
            header: ["model", "metric", "published", "ours (mean ± std, n)", "difference", "allowed ±", "verdict"],
            rows: rows.map { row in
                [row.model.name, row.metric.label, Format.published(row.published, spread: row.publishedSpread), Format.ours(row.ours),
                 Format.signed(row.difference), row.tolerance.map { Format.fixed($0) } ?? "-", row.verdict.text(reducedScale: scale.isReduced)]
            },
            verdictColumn: 6, csvName: tableID)))

        let trained = experiment.models.filter { !(results.records[$0.id] ?? []).isEmpty }
        guard !trained.isEmpty else {
            if let missing = results.missingData {
                blocks.append(.paragraph("not run: data missing. \(missing)"))
            } else {
                blocks.append(.paragraph("not run: no finished runs of this experiment in the run store at \(scale.rawValue) scale."))
            }
            return ReportSection(title: "\(experiment.source) — \(experiment.title)", blocks: blocks)
        }
        blocks.append(.figure(ReportFigure(
            caption: "Test accuracy per epoch, mean ± 1 standard deviation over seeds (the mirror of \(experiment.source)).",
            chart: accuracyChart(results), fileStem: "\(tableID)-test-accuracy")))
        blocks.append(.table(perSeedTable(results, models: trained, tableID: tableID)))
        blocks.append(.table(lossTable(results, models: trained, tableID: tableID)))
        blocks.append(.table(parameterTable(results, models: trained, tableID: tableID)))
        for model in trained {
            blocks.append(.table(confusionTable(results, model: model, tableID: tableID)))
        }
        return ReportSection(title: "\(experiment.source) — \(experiment.title)", blocks: blocks)
    }

    /// Names the experiment's tables and figures: the published table it mirrors, suffixed with the
    /// experiment's id when several experiments mirror parts of the same table (Table 1 per dataset).
    private func tableID(of experiment: Experiment) -> String {
        guard let table = experiment.comparisons.first?.table else { return experiment.id }
        let sharing = experiments.filter { $0.experiment.comparisons.first?.table == table }
        return sharing.count > 1 ? "\(table)-\(experiment.id)" : table
    }

    private func accuracyChart(_ results: ExperimentResults) -> LineChart {
        let series: [LineSeries] = results.experiment.models.compactMap { model in
            guard let runs = results.records[model.id], let epochs = runs.first?.epochs.count, epochs > 0 else { return nil }
            let perEpoch = (0..<epochs).map { e in SeedStatistics(runs.compactMap { e < $0.epochs.count ? 100 * $0.epochs[e].testAccuracy : nil }) }
            return LineSeries(name: model.name, x: (1...epochs).map(Double.init), y: perEpoch.map(\.mean),
                              band: perEpoch.map(\.standardDeviation))
        }
        return LineChart(title: "\(results.experiment.source): test accuracy", xLabel: "epoch", yLabel: "test accuracy (%)",
                         series: series, yRange: nil, xTickStep: nil,
                         note: scale.isReduced ? "\(scale.rawValue) scale" : nil)
    }

    private func perSeedTable(_ results: ExperimentResults, models: [ModelSpec], tableID: String) -> ReportTable {
        let seeds = results.scale.seeds
        return ReportTable(
            caption: "Final-epoch test accuracy (%) per seed.",
            header: ["model"] + seeds.map { "seed \($0)" },
            rows: models.map { model in
                [model.name] + seeds.map { seed in
                    results.records[model.id]?.first { $0.identity.seed == seed }
                        .flatMap { ExperimentResults.value(of: .testAccuracy, in: $0) }.map { Format.fixed($0, 1) } ?? "-"
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
                return [model.name, Format.ours(SeedStatistics(final.map(\.trainLoss)), 3), Format.ours(SeedStatistics(final.map(\.testLoss)), 3),
                        Format.ours(SeedStatistics(final.map { 100 * $0.trainAccuracy }), 1)]
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

    private func confusionTable(_ results: ExperimentResults, model: ModelSpec, tableID: String) -> ReportTable {
        let runs = results.records[model.id] ?? []
        let names = runs.first?.confusion.classNames ?? []
        var total = ConfusionMatrix(classNames: names)
        for run in runs {
            for i in names.indices { for j in names.indices { total.counts[i][j] += run.confusion.counts[i][j] } }
        }
        return ReportTable(
            caption: "\(model.name): test-set confusion matrix after the last epoch, summed over \(runs.count) seeds (rows: true class, columns: predicted).",
            header: ["true \\ predicted"] + names,
            rows: names.indices.map { i in [names[i]] + total.counts[i].map(String.init) },
            verdictColumn: nil, csvName: "\(tableID)-confusion-\(model.id)")
    }

    private func notReproducedSection() -> ReportSection {
        let covered = Set(experiments.flatMap { $0.experiment.comparisons.map(\.table) })
        let uncovered = published.filter { !covered.contains($0.table) }
        var blocks: [ReportBlock] = [.bulletList(paper.notReproduced)]
        if !uncovered.isEmpty {
            blocks.append(.table(ReportTable(
                caption: "Published numbers with no run of ours behind them yet.",
                header: ["table", "dataset", "model", "metric", "published", "verdict"],
                rows: uncovered.map { [$0.table, $0.dataset, $0.model, $0.metric, $0.value, "not run: experiment not implemented yet"] },
                verdictColumn: 5, csvName: "not-run")))
        }
        return ReportSection(title: "Not reproduced in this report", blocks: blocks)
    }

    private func inconsistencySection() -> ReportSection {
        ReportSection(title: "Inconsistencies in the paper", blocks: [
            .table(ReportTable(caption: "Places where the paper contradicts itself, and what qreport compares against.",
                               header: ["where", "what", "qreport"],
                               rows: paper.inconsistencies.map { [$0.location, $0.description, $0.resolution] },
                               verdictColumn: nil, csvName: "inconsistencies")),
        ])
    }

    private func assumptionSection() -> ReportSection {
        ReportSection(title: "Appendix A — Assumptions", blocks: [
            .paragraph("Choices the paper leaves open, made by qreport, each with its reason."),
            .table(ReportTable(caption: "Assumptions.", header: ["topic", "qreport's choice", "reason"],
                               rows: paper.assumptions.map { [$0.topic, $0.choice, $0.reason] }, verdictColumn: nil, csvName: "assumptions")),
        ])
    }

    private func provenanceSection() -> ReportSection {
        let p = provenance
        var facts: [ReportDefinition] = [
            ReportDefinition(term: "report commit", detail: p.reportCommit),
            ReportDefinition(term: "qreport", detail: p.qreportVersion),
            ReportDefinition(term: "toolchain", detail: p.toolchain),
            ReportDefinition(term: "machine", detail: "\(p.machine), \(p.threads) threads"),
            ReportDefinition(term: "BLAS", detail: p.blas),
            ReportDefinition(term: "scale", detail: p.scale),
            ReportDefinition(term: "total wall time of the runs", detail: Format.seconds(p.totalWallSeconds)),
        ]
        facts += p.datasetFiles.map { ReportDefinition(term: "\($0.dataset) \($0.file)", detail: "md5 \($0.md5)") }
        return ReportSection(title: "Appendix B — Provenance", blocks: [
            .definitionList(facts),
            .table(ReportTable(caption: "Runs: store key (first 12 hex digits), wall time, start and the commit each was trained at.",
                               header: ["experiment", "model", "seed", "key", "wall time", "started", "commit"],
                               rows: p.runs.map { [$0.experiment, $0.model, "\($0.seed)", String($0.key.prefix(12)), Format.seconds($0.wallSeconds),
                                                  $0.startedAt ?? "-", $0.gitCommit ?? "-"] },
                               verdictColumn: nil, csvName: "runs")),
        ])
    }
}
