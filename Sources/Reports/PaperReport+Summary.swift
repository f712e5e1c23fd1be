import Catalog
import Charts
import Foundation
import Results

/// The first page: what ran (experiments and datasets of those published, configuration, seeds, epochs and which
/// of them are our assumption), the commits the runs came from, the findings in plain sentences, and headline counts
/// over measured outcomes only.
extension PaperReport {
    /// Headline counts over the published numbers: measured outcomes (duplicates folded, counts fixed by the
    /// architecture apart) and the rest.
    public struct Headline: Equatable, Sendable {
        public var consistent = 0, differs = 0, inconclusive = 0
        /// Published numbers repeated by a figure (same model, metric and value): counted once.
        public var duplicates = 0
        /// Parameter counts: matching and not.
        public var countsMatch = 0, countsDiffer = 0
        /// Published numbers with no run behind them.
        public var notRun = 0
        public var measured: Int { consistent + differs + inconclusive }
    }

    /// The headline over `rows` (duplicates folded, by-construction rows apart, not-run rows apart).
    public var headline: Headline {
        var h = Headline()
        for row in rows where row.published != nil {
            if row.duplicateOf != nil { h.duplicates += 1; continue }
            switch row.verdict {
            case .notRun: h.notRun += 1
            case .consistent: if row.isByConstruction { h.countsMatch += 1 } else { h.consistent += 1 }
            case .differs: if row.isByConstruction { h.countsDiffer += 1 } else { h.differs += 1 }
            case .inconclusive: h.inconclusive += 1
            }
        }
        return h
    }

    func summarySection() -> ReportSection {
        var blocks: [ReportBlock] = [.paragraph(whatRanParagraph())]
        blocks.append(.table(whatRanTable()))
        let commits = commitsParagraph()
        if !commits.isEmpty { blocks.append(.paragraph(commits)) }
        let h = headline
        var headlineText = "Of the \(h.measured) published numbers measured here (each counted once: \(h.duplicates) that repeat another table's "
            + "number or misprint it folded in), \(h.consistent) \(h.consistent == 1 ? "is" : "are") consistent with ours, \(h.differs) differ\(h.differs == 1 ? "s" : ""), "
            + "and \(h.inconclusive) \(h.inconclusive == 1 ? "is" : "are") inconclusive at our number of seeds."
        if h.countsMatch + h.countsDiffer > 0 {
            headlineText += " Apart from these, \(h.countsMatch + h.countsDiffer) parameter counts, which the architecture fixes rather than any run measures: "
                + "\(h.countsMatch) match, \(h.countsDiffer) differ."
        }
        if h.notRun > 0 { headlineText += " \(h.notRun) published numbers are not run (listed below)." }
        if scale.isReduced { headlineText += " Reduced scale: every verdict is indicative." }
        blocks.append(.paragraph(headlineText))
        if let figure = oursVersusPublishedFigure() { blocks.append(.figure(figure)) }
        let findings = self.findings()
        if !findings.isEmpty {
            blocks.append(.paragraph("Findings:"))
            blocks.append(.bulletList(findings))
        }

        // Claims about experiments a count claim covers are judged in its table, not here.
        let counted = Set(paper.countClaims.map(\.table))
        let checks = experiments.filter { !counted.contains($0.experiment.comparisons.first?.table ?? "") }
            .flatMap { results in results.experiment.claims.map { (results, $0) } }
        if !checks.isEmpty || !paper.countClaims.isEmpty {
            let claimRows: [[String]] = paper.countClaims.map(countClaimSummaryRow) + checks.map { results, claim in
                guard let check = ClaimCheck.check(claim, in: results, published: published) else {
                    let reason = results.missingData == nil ? "no finished runs" : "data missing"
                    return [claim.text, "-", "not run: \(reason)", claim.note ?? ""]
                }
                return [claim.text, check.measured, check.verdictText(reducedScale: scale.isReduced), claim.note ?? ""]
            }
            blocks.append(.table(ReportTable(
                caption: "Claims of the paper, checked on our seeds. Δ = model − baseline, the mean over seeds paired by seed with its 95 % confidence "
                    + "interval. 'better' holds when the interval lies above 0 and fails when it lies below 0 or below the published gap; 'reaches' "
                    + "(equality) holds when the interval lies within ±\(Format.fixed(VerdictRules.equivalenceMargin(.testAccuracy), 0)) point; anything "
                    + "else is inconclusive at this number of seeds. 'n times fewer' compares the two parameter counts"
                    + (paper.countClaims.isEmpty ? "." : "; a count over datasets ('better on k of n') counts the datasets whose interval lies above 0."),
                header: ["claim", "ours", "verdict", "note"], rows: claimRows, verdictColumn: 2, csvName: "claims")))
        }
        return ReportSection(title: "Summary", blocks: blocks)
    }

    /// The experiments with at least one stored run.
    private var ranExperiments: [ExperimentResults] {
        experiments.filter { results in results.records.values.contains { !$0.isEmpty } }
    }

    private func whatRanParagraph() -> String {
        let ran = ranExperiments
        let training = experiments.filter { $0.experiment.isCircuitAnalysis == false }
        let datasets = Self.unique(training.map(\.experiment.dataset))
        let ranDatasets = Self.unique(ran.filter { $0.experiment.isCircuitAnalysis == false }.map(\.experiment.dataset))
        let missing = Self.unique(experiments.filter { $0.missingData != nil && !ran.map(\.experiment.id).contains($0.experiment.id) }.map(\.experiment.dataset))
        var text = "qreport re-ran \(ran.count) of the paper's \(experiments.count) experiments, on \(ranDatasets.count) of its \(datasets.count) datasets "
            + "(\(ranDatasets.joined(separator: ", "))), from a clean checkout, seeded and without notebooks, at \(scale.rawValue) scale"
        text += missing.isEmpty ? "." : "; not run for want of data: \(missing.joined(separator: ", "))."
        text += " Configuration: " + configurationSentence()
        let assumed = paper.assumptions.filter { a in ["seed", "epoch"].contains { a.topic.lowercased().contains($0) } }.map { "'\($0.topic)'" }
        if !assumed.isEmpty {
            text += " Where the paper leaves seeds or epochs open, the values below are ours (assumption\(assumed.count == 1 ? "" : "s") "
                + "\(assumed.joined(separator: ", ")) in Appendix A)."
        }
        text += " Every number comes from the run records stored beside this report (runs/)."
        return text
    }

    /// Which configuration ran: the authors' code or the paper's text.
    private func configurationSentence() -> String {
        let paperText = experiments.contains { $0.experiment.id.hasSuffix("-paper-text") }
        if paperText { return "the paper's text (not the authors' code; see 'Not reproduced in this report')." }
        if !paper.citation.lowercased().contains("code:") { return "as the paper's text describes it (the authors published no code)." }
        return "the authors' code (its settings where the paper's text differs; the text's configuration is listed under 'Not reproduced in this report')."
    }

    /// One row per experiment: dataset, models, seeds, epochs, images, the majority-class accuracy, status.
    private func whatRanTable() -> ReportTable {
        ReportTable(
            caption: "What ran, per experiment of the paper. Majority class: the test accuracy of always answering the most frequent class, from our "
                + "stored confusion matrices (the floor any classifier should beat).",
            header: ["experiment", "dataset", "seeds × epochs", "train / test images", "majority class", "status"],
            rows: experiments.map { r in
                let runs = r.records.values.reduce(0) { $0 + $1.count }
                let status: String
                if r.experiment.isCircuitAnalysis { status = runs > 0 ? "ran: \(runs) circuit sample\(runs == 1 ? "" : "s")" : "not run" }
                else if runs > 0 { status = "ran: \(runs) runs of \(r.experiment.models.count) models" }
                else { status = r.missingData != nil ? "not run: data missing" : "not run: no finished runs" }
                let protocolText = r.experiment.isCircuitAnalysis ? "-" : "\(r.scale.seeds.count) × \(r.scale.epochs)"
                let images = r.experiment.isCircuitAnalysis ? "-" : "\(Format.grouped(Double(r.scale.trainCount))) / \(Format.grouped(Double(r.testImages ?? r.scale.testCount)))"
                return [r.experiment.id, r.experiment.isCircuitAnalysis == false ? r.experiment.dataset : "-", protocolText, images,
                        r.majorityClassAccuracy.map { Format.fixed($0, 1) + " %" } ?? "-", status]
            },
            verdictColumn: 5, csvName: "what-ran")
    }

    /// The commits the runs were trained at, with "-dirty" ones named as such.
    private func commitsParagraph() -> String {
        var counts: [String: Int] = [:], order: [String] = []
        for run in provenance.runs {
            let commit = run.gitCommit ?? "unknown"
            if counts[commit] == nil { order.append(commit) }
            counts[commit, default: 0] += 1
        }
        guard !order.isEmpty else { return "" }
        let list = order.map { c in "\(c) (\(counts[c] ?? 0) run\(counts[c] == 1 ? "" : "s"))" }.joined(separator: ", ")
        var text = "The runs were trained at commit\(order.count == 1 ? "" : "s") \(list); this report was rendered at \(reportCommit)."
        let dirty = order.filter { $0.hasSuffix("-dirty") }
        if !dirty.isEmpty {
            text += " A commit ending in -dirty was built from a working tree with uncommitted changes: its exact source is not in the repository."
        }
        return text
    }

    /// Plain sentences: each claim's outcome, every control against the paper's model, counts that differ from the
    /// published ones, and measured numbers that differ.
    func findings() -> [String] {
        var out: [String] = []
        for claim in paper.countClaims {
            let check = countClaimCheck(claim)
            guard !check.run.isEmpty else { continue }
            let resolved = check.oursByTest(.better) + check.oursByTest(.worse)
            let seeds = Set(check.run.map(\.seeds.count)).sorted().map(String.init).joined(separator: " or ")
            if resolved == 0 {
                let mdd = check.run.compactMap { $0.paired?.minimalDetectable }
                out.append("No quantum–classical difference can be resolved at n = \(seeds) on any of the \(check.run.count) datasets run"
                    + (mdd.isEmpty ? "." : " (the smallest detectable difference is \(Format.fixed(mdd.min()!, 2))–\(Format.fixed(mdd.max()!, 2)) points)."))
            } else {
                out.append("\(check.oursByTest(.better)) of the \(check.run.count) datasets run show the quantum model better and \(check.oursByTest(.worse)) worse "
                    + "(95 % CI of the paired difference clear of 0), at n = \(seeds).")
            }
            // The paper's own per-dataset answers (Yes / No / Equal) judged on our intervals.
            var agree: [String] = [], disagree: [String] = [], open = 0
            for row in check.run {
                guard let answer = row.publishedVerdict, let verdict = row.answerVerdict(metric: claim.metric) else { continue }
                switch verdict {
                case .consistent: agree.append("\(row.experiment.dataset): \(answer)")
                case .differs: disagree.append("\(row.experiment.dataset): \(answer)")
                default: open += 1
                }
            }
            out.append("The paper's per-dataset answer is borne out on \(agree.count) of the \(check.run.count) datasets run"
                + (agree.isEmpty ? "" : " (\(agree.joined(separator: ", ")))") + ", contradicted on \(disagree.count)"
                + (disagree.isEmpty ? "" : " (\(disagree.joined(separator: ", ")))") + ", and cannot be decided on \(open) at this number of seeds.")
        }
        let counted = Set(paper.countClaims.map(\.table))
        for results in experiments where !results.records.isEmpty && results.experiment.isCircuitAnalysis == false {
            let e = results.experiment
            // Claims about a count claim's table are judged row by row above.
            for claim in e.claims where !counted.contains(e.comparisons.first?.table ?? "") {
                guard let check = ClaimCheck.check(claim, in: results, published: published) else { continue }
                let verdict: String
                switch check.verdict {
                case .consistent: verdict = "holds"
                case .differs: verdict = "does not hold"
                case let .inconclusive(reason) where reason.hasPrefix("the published"): verdict = "cannot be tested (\(reason))"
                default: verdict = "cannot be decided at this number of seeds"
                }
                out.append("'\(claim.text)' \(verdict): \(check.measured).")
            }
            // Controls (models with no published number) against the experiment's first model.
            let compared = Set(e.comparisons.map(\.model))
            guard let reference = e.models.first, !(results.records[reference.id] ?? []).isEmpty else { continue }
            for control in e.models where !compared.contains(control.id) {
                guard let pair = paired(results, model: control.id, baseline: reference.id) else { continue }
                let resolved = pair.interval.map { $0.lowerBound > 0 || $0.upperBound < 0 } ?? false
                out.append("\(control.name) − \(reference.name) on \(e.dataset): Δ = \(pair.text(2)) points (95 % CI, \(pair.count) seeds): "
                    + (resolved ? "a measurable difference." : "no measurable difference"
                        + (pair.minimalDetectable.map { " (detectable at this n: ±\(Format.fixed($0, 2)))." } ?? ".")))
            }
        }
        for row in rows where row.duplicateOf == nil && row.isByConstruction && row.verdict == .differs {
            guard let ours = row.ours, let published = row.published.flatMap(Double.init) else { continue }
            out.append("\(row.model.name) as built from the paper's description has \(Format.grouped(ours.mean)) \(row.metric.label) on \(row.dataset); "
                + "the paper prints \(Format.grouped(published)).")
        }
        for row in rows where row.duplicateOf == nil && !row.isByConstruction && row.verdict == .differs && row.metric == .testAccuracy {
            guard let ours = row.ours, let published = row.published, let interval = row.judgement?.interval else { continue }
            out.append("\(row.model.name) on \(row.dataset) (\(Self.tableName(row.table))): \(Format.fixed(ours.mean, 2)) % over \(ours.count) seeds "
                + "where the paper prints \(published) %, outside our 95 % interval [\(Format.fixed(interval.lowerBound, 2)), \(Format.fixed(interval.upperBound, 2))].")
        }
        return out
    }

    /// Every measured test accuracy (duplicates folded) as ours − published with the interval it was judged with.
    func oursVersusPublishedFigure() -> ReportFigure? {
        let rows = self.rows.filter { $0.duplicateOf == nil && $0.metric == .testAccuracy && $0.verdict.isMeasured && $0.judgement != nil }
        guard !rows.isEmpty else { return nil }
        let chartRows: [IntervalChart.Row] = rows.compactMap { row in
            guard let j = row.judgement else { return nil }
            let kind: Int
            switch row.verdict {
            case .consistent: kind = 0
            case .differs: kind = 1
            default: kind = 2
            }
            return IntervalChart.Row(label: "\(row.model.name) · \(row.dataset) (\(Self.tableName(row.table)))", value: j.difference,
                                     low: j.halfWidth.map { j.difference - $0 }, high: j.halfWidth.map { j.difference + $0 }, kind: kind)
        }
        return ReportFigure(
            caption: "Ours vs published, every measured test accuracy: the dot is our mean minus the published value (0 is the paper), the line the "
                + "95 % interval it was judged with (prediction interval for a single published run, Welch's for a published mean), the grey band "
                + "± the practical margin of \(Format.fixed(VerdictRules.practicalMargin(.testAccuracy, published: 0), 0)) point. A row whose line crosses 0 "
                + "inside the band is consistent; a line crossing 0 but wider than the band is inconclusive; a dot beyond both differs. Rows far "
                + "off the scale end in an arrow with their value.",
            chart: IntervalChart(title: "Ours − published, test accuracy", xLabel: "ours − published (points)", rows: chartRows,
                                 margin: VerdictRules.practicalMargin(.testAccuracy, published: 0),
                                 note: scale.isReduced ? "\(scale.rawValue) scale" : nil),
            fileStem: "ours-vs-published")
    }

    /// `model` − `baseline` on `metric` accuracy over runs paired by seed.
    func paired(_ results: ExperimentResults, model: String, baseline: String) -> PairedDifference? {
        let a = results.records[model] ?? [], b = results.records[baseline] ?? []
        let differences = a.compactMap { run -> Double? in
            guard let twin = b.first(where: { $0.identity.seed == run.identity.seed }),
                  let x = ExperimentResults.value(of: .testAccuracy, in: run), let y = ExperimentResults.value(of: .testAccuracy, in: twin) else { return nil }
            return x - y
        }
        return PairedDifference(differences: differences)
    }

    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
