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
    /// Whether the report shows what differs between two builds of the same records: the runs' wall and start
    /// times (in its timing appendix only) and the commit it was rendered at. False for `--reproducible` builds,
    /// whose bytes then depend only on the run records.
    public var includesBuildDetails = true
    /// Other configurations of the same experiments from their own run stores, shown beside these runs where both ran
    /// (`PaperReport+Variants`); empty for none.
    public var variants: [VariantResults] = []

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

    /// `qreport diff`'s Markdown: every published number next to ours, the headline, each count claim's per-dataset
    /// answers and its count, then every claim.
    public func diffMarkdown() -> String {
        var text = DiffTable.markdown(paper: paper.id, scale: scale.rawValue, rows: rows, reducedScale: scale.isReduced)
        let h = headline
        text += "\nHeadline (measured numbers, each counted once): \(h.consistent) consistent, \(h.differs) differ, \(h.inconclusive) inconclusive; "
            + (h.countsMatch + h.countsDiffer > 0 ? "parameter counts: \(h.countsMatch) match, \(h.countsDiffer) differ; " : "")
            + "not run: \(h.notRun).\n"
        for claim in paper.countClaims {
            let section = pairedTableSection(claim)
            guard let answers = section.blocks.lazy.compactMap({ block -> ReportTable? in
                if case let .table(t) = block, t.csvName == "\(claim.table)-\(claim.model)-better" { return t } else { return nil }
            }).first else { continue }
            let modelName = experiments.lazy.compactMap { $0.experiment.model(claim.model)?.name }.first ?? claim.model
            let baselineName = experiments.lazy.compactMap { $0.experiment.model(claim.baseline)?.name }.first ?? claim.baseline
            text += "\n## \(modelName) − \(baselineName) per dataset (\(Self.tableName(claim.table)))\n\n\(answers.caption)\n\n"
                + DiffTable.markdown(header: answers.header, rows: answers.rows)
            let summary = countClaimSummaryRow(claim)
            text += "\n## Claim: \"\(claim.text)\" (\(claim.source))\n\nours: \(summary[1]) — \(summary[2])\n\n"
                + countClaimCheck(claim).conclusion(reducedScale: scale.isReduced) + "\n"
        }
        let claims = claimRows().filter { row in !paper.countClaims.contains { $0.text == row.claim } }
        if !claims.isEmpty {
            text += "\n## Claims\n\n" + DiffTable.markdown(header: ["claim", "ours", "verdict"], rows: claims.map { [$0.claim, $0.measured, $0.text] })
        }
        return text
    }

    /// The banner every page carries below paper scale.
    public var scaleBanner: String? {
        guard scale.isReduced else { return nil }
        // Experiments with the same protocol share one entry, so a 15-dataset paper's banner still fits a footer line or two.
        var order: [String] = [], members: [String: [String]] = [:]
        for results in experiments {
            let text: String
            if let spectrum = results.experiment.fourierSpectrum {
                text = "\(spectrum.draws(at: scale)) weight draws"
            } else if let analysis = results.experiment.jacobianRank {
                text = "\(analysis.settings(at: scale)) settings × \(analysis.stackedDraws) stacked draws"
            } else {
                text = "\(results.scale.seeds.count) seed\(results.scale.seeds.count == 1 ? "" : "s") × \(results.scale.epochs) epoch\(results.scale.epochs == 1 ? "" : "s"), "
                    + "at most \(results.scale.trainCount)/\(results.scale.testCount) images"
            }
            if members[text] == nil { order.append(text) }
            members[text, default: []].append(results.experiment.id)
        }
        let protocols = order.map { text in
            let ids = members[text] ?? []
            return ids.count > 3 ? "\(ids.count) experiments: \(text)" : "\(ids.joined(separator: ", ")): \(text)"
        }.joined(separator: "; ")
        return "Reduced scale (\(scale.rawValue)) — \(protocols). Not the paper's protocol: verdicts are indicative."
    }

    public func document() -> ReportDocument {
        var sections = [summarySection(), verdictRulesSection()]
        if let architecture = headParameterSection() { sections.append(architecture) }
        var mirrored = Set<String>()
        for results in experiments {
            for table in sharedTables(of: results.experiment) where mirrored.insert(table).inserted {
                if let claim = countClaim(on: table) {
                    sections.append(pairedTableSection(claim))
                    sections.append(countClaimSection(claim))
                } else {
                    sections.append(mirroredTableSection(table))
                }
            }
            sections.append(results.experiment.jacobianRank != nil ? rankSection(results)
                : results.experiment.fourierSpectrum == nil ? experimentSection(results) : fourierSection(results))
            if let pair = multiLabelPair(results) { sections.append(multiLabelSection(authors: pair.authors, correct: pair.correct)) }
        }
        sections += variantSections()
        if !PaperCircuits.of(paper: paper.id).isEmpty { sections.append(circuitSection()) }
        sections.append(notReproducedSection())
        if !paper.inconsistencies.isEmpty { sections.append(inconsistencySection()) }
        sections.append(assumptionSection())
        sections.append(provenanceSection())
        let missing = missingDataSection()
        if let missing { sections.append(missing) }
        sections.append(timingSection(appendix: missing == nil ? "C" : "D"))
        return ReportDocument(paperID: paper.id, title: paper.title, citation: paper.citation, scaleBanner: scaleBanner,
                              generatedBy: "qreport \(QReportVersion.current)" + (includesBuildDetails ? " (commit \(reportCommit))" : ""),
                              sections: sections)
    }

    // MARK: sections

    private func notReproducedSection() -> ReportSection {
        let covered = Set(experiments.flatMap { $0.experiment.comparisons.map(\.table) }).union(architectureTables)
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
            ReportDefinition(term: "report commit", detail: includesBuildDetails ? p.reportCommit : Provenance.leftOut),
            ReportDefinition(term: "qreport", detail: p.qreportVersion),
            ReportDefinition(term: "toolchain", detail: p.toolchain),
            ReportDefinition(term: "machine", detail: "\(p.machine), \(p.threads) threads"),
            ReportDefinition(term: "BLAS", detail: p.blas),
            ReportDefinition(term: "scale", detail: p.scale),
        ]
        // MedMNIST's files are named after their dataset: "breastmnist", not "breastmnist breastmnist".
        facts += p.datasetFiles.map { ReportDefinition(term: $0.file.hasPrefix($0.dataset) ? $0.file : "\($0.dataset) \($0.file)", detail: "md5 \($0.md5)") }
        return ReportSection(title: "Appendix B — Provenance", blocks: [
            .definitionList(facts),
            .table(ReportTable(caption: "Runs: store key (first 12 hex digits) and the commit each was trained at.",
                               header: ["experiment", "model", "seed", "key", "commit"],
                               rows: p.runs.map { [$0.experiment, $0.model, "\($0.seed)", String($0.key.prefix(12)), $0.gitCommit ?? "-"] },
                               verdictColumn: nil, csvName: "runs")),
        ])
    }

    /// The only place wall and start times appear: they differ between two trainings of the same run, so a
    /// `--reproducible` build leaves them out (they stay in each run's `.timing.json`).
    private func timingSection(appendix: String) -> ReportSection {
        let title = "Appendix \(appendix) — Build timing (differs between builds)"
        guard includesBuildDetails else {
            return ReportSection(title: title, blocks: [
                .paragraph("Left out: this report was built with --reproducible, so its bytes depend only on the run records. "
                           + "Each run's wall time and start are in runs/<key>.timing.json."),
            ])
        }
        let p = provenance
        return ReportSection(title: title, blocks: [
            .paragraph("Wall and start times of the runs; they differ between two trainings of the same run and are left out with --reproducible."),
            .definitionList([ReportDefinition(term: "total wall time of the runs", detail: Format.seconds(p.totalWallSeconds))]),
            .table(ReportTable(caption: "Run timing: wall time and start of each run.",
                               header: ["experiment", "model", "seed", "key", "wall time", "started"],
                               rows: p.runs.map { [$0.experiment, $0.model, "\($0.seed)", String($0.key.prefix(12)), Format.seconds($0.wallSeconds),
                                                  $0.startedAt ?? "-"] },
                               verdictColumn: nil, csvName: "timing")),
        ])
    }
}
