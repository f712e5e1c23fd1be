import Catalog
import Charts
import Results

/// A published table comparing two models dataset by dataset, with a per-row "better?" verdict and a claim counting
/// those verdicts (Vision-QRWKV Table 1 and "better on 8 of 14"): the table mirrored, the model − baseline
/// differences judged by the paper's rule and by a paired test over seeds, per-seed and best-epoch values, the
/// difference charts, parameter counts, and the count claim checked four ways.
extension PaperReport {
    /// The count claim made about `table`, if any.
    func countClaim(on table: String) -> CountClaim? { paper.countClaims.first { $0.table == table } }

    /// Every experiment comparing the claim's two models in its table, in the paper's order.
    public func countClaimCheck(_ claim: CountClaim) -> CountClaimCheck {
        let rows = experiments.filter { $0.experiment.comparisons.contains { $0.table == claim.table } }
            .map { PairedComparison(results: $0, claim: claim, published: published) }
        return CountClaimCheck(claim: claim, rows: rows)
    }

    func pairedTableSection(_ claim: CountClaim) -> ReportSection {
        let check = countClaimCheck(claim)
        let name = Self.tableName(claim.table)
        let group = experiments.filter { $0.experiment.comparisons.contains { $0.table == claim.table } }
        let (modelName, baselineName) = names(claim, in: group)
        let d = Self.decimals(claim.metric)
        let protocols = Dictionary(grouping: group.filter { r in check.rows.contains { $0.experiment.id == r.experiment.id && $0.isRun } }) {
            "\($0.scale.epochs) epochs, seeds \($0.scale.seeds.map(String.init).joined(separator: ", "))"
        }.map { "\($0.key) (\($0.value.map(\.experiment.dataset).joined(separator: ", ")))" }.sorted()
        var blocks: [ReportBlock] = [
            .paragraph("\(name) of the paper mirrored: \(baselineName) vs \(modelName) on each of its \(check.rows.count) datasets, in the paper's order. "
                + "The published numbers are single unseeded runs, each the \(claim.metric.label) after the last epoch; ours are the mean ± sample standard "
                + "deviation over seeds after the last epoch (the paper's number), with the best epoch beside it. "
                + (protocols.isEmpty ? "No dataset has been run yet. " : "Protocol of the datasets run: \(protocols.joined(separator: "; ")). ")
                + Self.verdictRuleSentence),
        ]

        // The mirror: published next to ours, per model.
        let comparisons = group.flatMap { ComparisonRow.rows(for: $0, published: published) }.filter { $0.table == claim.table && $0.metric == claim.metric }
        func cells(_ row: PairedComparison, _ model: String) -> [String] {
            guard let c = comparisons.first(where: { $0.experiment == row.experiment.id && $0.model.id == model }) else { return ["-", "-", "-"] }
            return [c.published ?? "-", Format.ours(c.ours, d), c.verdict.text(reducedScale: scale.isReduced)]
        }
        blocks.append(.table(ReportTable(
            caption: "\(name) mirrored: \(claim.metric.label) after the last epoch, published (one run) vs ours (mean ± std over seeds, n seeds). "
                + "Majority class: the accuracy of always answering the most frequent test class (from our confusion matrices), the floor to beat.",
            header: ["dataset", "majority class", "\(Self.shortName(baselineName)): published", "ours", "verdict", "\(Self.shortName(modelName)): published", "ours", "verdict"],
            rows: check.rows.map { row in
                let majority = group.first { $0.experiment.id == row.experiment.id }?.majorityClassAccuracy
                return [row.experiment.dataset, majority.map { Format.fixed($0, 1) + " %" } ?? "-"]
                    + cells(row, claim.baseline) + cells(row, claim.model)
            },
            verdictColumns: [4, 7], csvName: claim.table)))
        let missing = Self.unique(check.rows.filter { $0.missingData != nil && !$0.isRun }.map(\.experiment.dataset))
        if !missing.isEmpty {
            blocks.append(.paragraph("Not run for want of data: \(missing.count) of the \(check.rows.count) datasets (\(missing.joined(separator: ", "))); "
                + "a user with the files gets the full table. \(Self.missingDataAppendix) lists each file and how to get it."))
        }

        // Model − baseline: the paired CI against the published answer.
        let margin = VerdictRules.equivalenceMargin(claim.metric)
        blocks.append(.table(ReportTable(
            caption: "\(modelName) − \(baselineName) (\(claim.metric.label), points), runs paired by seed (same batch order). Ours: the mean of the per-seed "
                + "differences with its 95 % confidence interval, mean ± t(0.975, n − 1)·s/√n, and the smallest difference this n could detect "
                + "(80 % power). Verdict: the published answer judged on that interval: Yes holds when the interval lies above 0 (fails below 0, or below the "
                + "published gap); No holds unless the interval lies above 0; Equal holds when the interval lies within ±\(Format.fixed(margin, 0)) point "
                + "(the equivalence margin). 'Paper's rule' applies the paper's own rule (higher mean as printed to \(d) decimals) to our means.",
            header: ["dataset", "published Δ", "published: better?", "ours Δ [95 % CI]", "detectable at this n", "paper's rule on ours", "verdict"],
            rows: check.rows.map { row in
                [Self.datasetName(row.experiment), Format.signed(row.publishedDifference, d), row.publishedVerdict ?? "-",
                 row.paired.map { $0.count > 1 ? $0.text(d) + " (n = \($0.count))" : $0.text(d) } ?? "-",
                 row.paired?.minimalDetectable.map { "±" + Format.fixed($0, d) } ?? "-", row.paperRule() ?? "-", answerVerdict(row, metric: claim.metric)]
            },
            verdictColumn: 6, csvName: "\(claim.table)-\(claim.model)-better")))

        let run = check.run
        if !run.isEmpty {
            blocks.append(.figure(ReportFigure(
                caption: "\(modelName) − \(baselineName) \(claim.metric.label) per dataset run: mean of the per-seed differences, error bars its 95 % "
                    + "confidence interval (none with one seed); a bar whose interval crosses 0 shows no resolvable difference.",
                chart: BarChart(title: "\(modelName) − \(baselineName), final epoch", yLabel: "difference (points)",
                                categories: run.map { Self.datasetName($0.experiment) },
                                series: [BarSeries(name: "ours (mean, 95 % CI)", values: run.map(\.differences.mean),
                                                   errors: run.map { $0.paired?.halfWidth ?? 0 })],
                                coloring: .bySign(positive: "\(modelName) better", negative: "\(baselineName) better"),
                                note: scale.isReduced ? "\(scale.rawValue) scale" : nil),
                fileStem: "\(claim.table)-difference")))
            blocks.append(.figure(ReportFigure(
                caption: "The same differences next to the published ones (single runs, no interval), datasets run only.",
                chart: BarChart(title: "\(modelName) − \(baselineName): published vs ours", yLabel: "difference (points)",
                                categories: run.map { Self.datasetName($0.experiment) },
                                series: [BarSeries(name: "published (1 run)", values: run.map { $0.publishedDifference ?? .nan }),
                                         BarSeries(name: "ours (mean, 95 % CI)", values: run.map(\.differences.mean),
                                                   errors: run.map { $0.paired?.halfWidth ?? 0 })],
                                note: scale.isReduced ? "\(scale.rawValue) scale" : nil),
                fileStem: "\(claim.table)-difference-vs-published")))
            blocks.append(.table(perSeedBestTable(claim, rows: run, group: group)))
        }
        blocks.append(.table(pairedParameterTable(claim, rows: check.rows, group: group)))
        if let first = group.first(where: { !($0.records[claim.model] ?? []).isEmpty && !($0.records[claim.baseline] ?? []).isEmpty }) {
            blocks.append(.table(tensorTable(claim, first)))
        }
        return ReportSection(title: "\(name) — \(baselineName) vs \(modelName) on \(check.rows.count) datasets", blocks: blocks)
    }

    /// The count claim checked: as stated, in the published verdicts, in the published numbers, and on ours.
    func countClaimSection(_ claim: CountClaim) -> ReportSection {
        let check = countClaimCheck(claim)
        let n = check.rows.count, m = check.run.count
        let test: String
        if m == 0 { test = "not run: data missing" }
        else if !check.testable { test = "n/a: one seed per dataset" }
        else {
            test = "CI above 0 on \(check.oursByTest(.better)), below 0 on \(check.oursByTest(.worse)), holding 0 on \(check.oursByTest(.noSignificantDifference)) (of the \(m) datasets run)"
        }
        let rows: [[String]] = [
            ["paper text (\(claim.source))", "\(claim.claimed) of \(claim.outOf)", "as stated: \"\(claim.text)\""],
            ["paper's verdict column (\(Self.tableName(claim.table)))", "Yes \(check.publishedVerdicts("Yes")), Equal \(check.publishedVerdicts("Equal")), No \(check.publishedVerdicts("No")) of \(n)",
             "the column as printed"],
            ["paper's numbers (\(Self.tableName(claim.table)))", "\(check.publishedNumbers("Yes")) of \(n)", "higher published accuracy, one unseeded run each"],
            ["ours, paper's rule", m == 0 ? "not run: data missing" : "\(check.oursByPaperRule("Yes")) of the \(m) datasets run", "higher final-epoch mean over seeds"],
            ["ours, paired 95 % CI", test, "mean paired difference ± t(0.975, n − 1)·s/√n"],
        ]
        return ReportSection(title: "Claim check — \"better on \(claim.claimed) of \(claim.outOf)\" (\(claim.source))", blocks: [
            .table(ReportTable(caption: "\"\(claim.text)\" (\(claim.source)), counted four ways.", header: ["count", "result", "how"], rows: rows,
                               verdictColumn: nil, csvName: "\(claim.table)-claim-count")),
            .paragraph("What the evidence supports: " + check.conclusion(reducedScale: scale.isReduced)),
        ])
    }

    /// The summary's row for a count claim: what we measured and whether it holds.
    func countClaimSummaryRow(_ claim: CountClaim) -> [String] {
        let check = countClaimCheck(claim)
        let n = check.rows.count, m = check.run.count
        guard m > 0 else { return [claim.text, "-", "not run: data missing", "\(claim.source); see the claim check"] }
        let count = check.testable ? check.oursByTest(.better) : check.oursByPaperRule("Yes")
        let measured = check.testable
            ? "better (95 % CI above 0) on \(count) of the \(m) datasets run; higher mean on \(check.oursByPaperRule("Yes"))"
            : "higher final accuracy on \(count) of the \(m) datasets run (one seed: no test)"
        var verdict: String
        if count >= claim.claimed { verdict = "holds" }
        else if count + (n - m) < claim.claimed { verdict = "fails" }
        else { verdict = "inconclusive: \(n - m) of \(n) datasets not run" }
        if (scale.isReduced || !check.testable), !verdict.hasPrefix("not run") { verdict = "indicative: " + verdict }
        return [claim.text, measured, verdict, "\(claim.source); see the claim check"]
    }

    // MARK: pieces

    /// "Classical" for "Classical RWKV": keeps the mirrored table's headers short enough for one HTML row.
    static func shortName(_ name: String) -> String { name.split(separator: " ").first.map(String.init) ?? name }

    private func names(_ claim: CountClaim, in group: [ExperimentResults]) -> (model: String, baseline: String) {
        let first = group.first?.experiment
        return (first?.model(claim.model)?.name ?? claim.model, first?.model(claim.baseline)?.name ?? claim.baseline)
    }

    /// The published Yes / No / Equal judged on our paired 95 % CI (`PairedComparison.answerVerdict`), in words.
    private func answerVerdict(_ row: PairedComparison, metric: Metric) -> String {
        guard row.isRun else { return "not run: \(row.missingData == nil ? "no finished runs" : "data missing")" }
        guard let published = row.publishedVerdict, let verdict = row.answerVerdict(metric: metric) else { return "not run: no published value" }
        let text: String
        switch (published, verdict) {
        case ("Yes", .consistent): text = "consistent: better"
        case ("Yes", .differs): text = (row.paired?.interval?.upperBound ?? 0) < 0 ? "differs: reversed" : "differs: published gap outside CI"
        case ("No", .consistent): text = "consistent: no advantage"
        case ("No", .differs): text = "differs: ours better"
        case ("Equal", .consistent): text = "consistent: equal within ±\(Format.fixed(VerdictRules.equivalenceMargin(metric), 0))"
        case ("Equal", .differs): text = "differs: not equal"
        default: return verdict.text(reducedScale: scale.isReduced)
        }
        return scale.isReduced ? "indicative: \(text)" : text
    }

    private func perSeedBestTable(_ claim: CountClaim, rows: [PairedComparison], group: [ExperimentResults]) -> ReportTable {
        let seeds = Array(Set(rows.flatMap(\.seeds))).sorted()
        var body: [[String]] = []
        for row in rows {
            guard let results = group.first(where: { $0.experiment.id == row.experiment.id }) else { continue }
            for id in [claim.baseline, claim.model] {
                let runs = (results.records[id] ?? []).sorted { $0.identity.seed < $1.identity.seed }
                let spec = results.experiment.model(id)
                let finals = runs.compactMap { ExperimentResults.value(of: claim.metric, in: $0, model: spec) }
                let best = runs.compactMap { run -> (value: Double, epoch: Int)? in
                    let values = run.epochs.map { $0.testAccuracy * claim.metric.publishedScale }
                    guard let top = values.max(), let index = values.firstIndex(of: top) else { return nil }
                    return (top, run.epochs[index].epoch)
                }
                body.append([row.experiment.dataset, spec?.name ?? id]
                    + seeds.map { seed in
                        runs.first { $0.identity.seed == seed }.flatMap { ExperimentResults.value(of: claim.metric, in: $0, model: spec) }
                            .map { Format.fixed($0, 2) } ?? "-"
                    }
                    + [Format.ours(SeedStatistics(finals), 2), Format.ours(SeedStatistics(best.map(\.value)), 2),
                       best.map { String($0.epoch) }.joined(separator: ", ")])
            }
        }
        return ReportTable(
            caption: "\(claim.metric.label.prefix(1).uppercased() + claim.metric.label.dropFirst()) per seed after the last epoch, their mean ± std, "
                + "and the best epoch's (the maximum over epochs of each run, chosen on the test set itself, so optimistic; the paper reports the last epoch) with the epoch it was reached at, per seed.",
            header: ["dataset", "model"] + seeds.map { "seed \($0)" } + ["final (mean ± std, n)", "best epoch, chosen on the test set (mean ± std, n)", "best at epoch"],
            rows: body, verdictColumn: nil, csvName: "\(claim.table)-per-seed")
    }

    /// The parameter tensors of both models on one dataset, the blocks' tensors summed over blocks (`blocks.*.`).
    private func tensorTable(_ claim: CountClaim, _ results: ExperimentResults) -> ReportTable {
        var order: [String] = []
        var counts: [String: [String: Int]] = [:]
        var blockCount: [String: Set<String>] = [:]
        for id in [claim.baseline, claim.model] {
            for tensor in results.records[id]?.first?.parameters.byTensor ?? [] {
                var name = tensor.name
                let parts = name.split(separator: ".", omittingEmptySubsequences: false)
                if parts.count > 2, parts[0] == "blocks", Int(parts[1]) != nil {
                    blockCount[id, default: []].insert(String(parts[1]))
                    name = (["blocks", "*"] + parts.dropFirst(2)).joined(separator: ".")
                }
                if counts[name] == nil { order.append(name) }
                counts[name, default: [:]][id, default: 0] += tensor.count
            }
        }
        let names = [claim.baseline, claim.model].map { results.experiment.model($0)?.name ?? $0 }
        let blocks = blockCount.values.map(\.count).max() ?? 0
        return ReportTable(
            caption: "Parameter tensors on \(results.experiment.dataset)"
                + (blocks > 1 ? ", each blocks.*. row summed over the \(blocks) blocks" : "") + ". "
                + names.enumerated().map { i, name in "\(name): \(results.experiment.model([claim.baseline, claim.model][i])?.summary ?? "")" }.joined(separator: "; ") + ".",
            header: ["tensor"] + names,
            rows: order.map { name in [name] + [claim.baseline, claim.model].map { id in counts[name]?[id].map { Format.grouped(Double($0)) } ?? "-" } },
            verdictColumn: nil, csvName: "\(claim.table)-tensors")
    }

    private func pairedParameterTable(_ claim: CountClaim, rows: [PairedComparison], group: [ExperimentResults]) -> ReportTable {
        var body: [[String]] = []
        for row in rows {
            guard let results = group.first(where: { $0.experiment.id == row.experiment.id }) else { continue }
            for id in [claim.baseline, claim.model] {
                let counts = results.records[id]?.first?.parameters
                let reference = results.experiment.referenceParameters?[id]
                let check: String
                switch (counts, reference) {
                case (nil, _): check = "not run: \(results.missingData == nil ? "no finished runs" : "data missing")"
                case (_, nil): check = "-"
                case let (c?, r?): check = c.total == r ? "matches" : "differs by \(Format.signedGrouped(Double(c.total - r)))"
                }
                body.append([row.experiment.dataset, results.experiment.model(id)?.name ?? id,
                              counts.map { Format.grouped(Double($0.classical)) } ?? "-", counts.map { Format.grouped(Double($0.quantum)) } ?? "-",
                              counts.map { Format.grouped(Double($0.total)) } ?? "-", reference.map { Format.grouped(Double($0)) } ?? "-", check])
            }
        }
        return ReportTable(
            caption: "Trainable parameters, counted on our models: classical weights and circuit weights, next to the count of the authors' code "
                + "(derived from its modules; the paper prints none). Only the input projection and the head depend on the dataset.",
            header: ["dataset", "model", "classical", "circuit", "total", "authors' code", "check"],
            rows: body, verdictColumn: nil, csvName: "\(claim.table)-parameters")
    }
}
