import Catalog
import Charts
import Foundation
import Results

/// The paper's main configuration beside a variant's (Vision-QRWKV: the authors' code vs the configuration the
/// paper's text describes), for the datasets where both ran: each model's final accuracy in both, the model −
/// baseline difference in both with its paired test, the difference chart, and what each configuration costs.
/// Everything comes from the two run stores' records.
extension PaperReport {
    /// One dataset run in both configurations: the count claim's comparison in each.
    struct VariantPair {
        var dataset: String
        var main: ExperimentResults
        var variant: ExperimentResults
        var mainComparison: PairedComparison
        var variantComparison: PairedComparison
    }

    /// A section per variant with runs and per count claim of the paper (the table both configurations mirror).
    func variantSections() -> [ReportSection] {
        variants.filter(\.hasRuns).flatMap { variant in paper.countClaims.compactMap { variantSection(variant, claim: $0) } }
    }

    /// The datasets of `claim`'s table run in both configurations (at least one finished pair of runs in each), in the
    /// paper's order, and the datasets only one of them ran.
    func variantPairs(_ variant: VariantResults, claim: CountClaim)
        -> (pairs: [VariantPair], mainOnly: [String], variantOnly: [String]) {
        func inTable(_ results: ExperimentResults) -> Bool { results.experiment.comparisons.contains { $0.table == claim.table } }
        let mains = experiments.filter(inTable), others = variant.experiments.filter(inTable)
        var pairs: [VariantPair] = [], mainOnly: [String] = [], variantOnly: [String] = []
        for main in mains {
            let mainComparison = PairedComparison(results: main, claim: claim, published: published)
            let other = others.first { $0.experiment.dataset == main.experiment.dataset }
            let otherComparison = other.map { PairedComparison(results: $0, claim: claim, published: published) }
            switch (mainComparison.isRun, other, otherComparison?.isRun == true) {
            case let (true, other?, true):
                pairs.append(VariantPair(dataset: main.experiment.dataset, main: main, variant: other,
                                         mainComparison: mainComparison, variantComparison: otherComparison!))
            case (true, _, false): mainOnly.append(main.experiment.dataset)
            case (false, _, true): variantOnly.append(main.experiment.dataset)
            default: break
            }
        }
        return (pairs, mainOnly, variantOnly)
    }

    private func variantSection(_ variant: VariantResults, claim: CountClaim) -> ReportSection? {
        let (pairs, mainOnly, variantOnly) = variantPairs(variant, claim: claim)
        guard !pairs.isEmpty || !variantOnly.isEmpty else { return nil }
        let label = Self.variantLabel(variant.name)
        let d = Self.decimals(claim.metric)
        let first = (pairs.first?.main ?? experiments.first)?.experiment
        let modelName = first?.model(claim.model)?.name ?? claim.model
        let baselineName = first?.model(claim.baseline)?.name ?? claim.baseline
        let (model, baseline) = (Self.shortName(modelName), Self.shortName(baselineName))

        var text = "The same datasets in two configurations: the authors' code (this report's runs, which the published numbers "
            + "came from) and \(label) (\(variant.title); its runs are read from \(variant.storeLocation), the store of "
            + "`qreport build --paper \(paper.id) --variant \(variant.name)`). Both at \(scale.rawValue) scale; "
        text += pairs.isEmpty
            ? "no dataset has finished runs of both models in both configurations yet. "
            : "\(pairs.count) dataset\(pairs.count == 1 ? "" : "s") ran in both: \(pairs.map(\.dataset).joined(separator: ", ")). "
        if !variantOnly.isEmpty { text += "Run in \(label) only: \(variantOnly.joined(separator: ", ")). " }
        if !mainOnly.isEmpty { text += "Run in the authors' code only: \(mainOnly.joined(separator: ", ")). " }
        text += "Values are \(claim.metric.label) after the last epoch, mean ± sample standard deviation over seeds; the "
            + "\(model) − \(baseline) difference pairs the two runs of each seed (same data order), with the paired t-test of Table 1's "
            + "section (two-sided, α = \(Format.fixed(PairedTTest.alpha, 2))). The two configurations' runs are different models and are "
            + "not paired with each other; their difference is shown as the difference of the means."
        var blocks: [ReportBlock] = [.paragraph(text)]
        guard !pairs.isEmpty else { return ReportSection(title: Self.variantSectionTitle(variant), blocks: blocks) }

        func stats(_ comparison: PairedComparison, _ values: KeyPath<PairedComparison, [Double]>) -> SeedStatistics {
            SeedStatistics(comparison[keyPath: values])
        }
        func change(_ a: SeedStatistics, _ b: SeedStatistics) -> String { Format.signed(b.mean - a.mean, d) }
        blocks.append(.table(ReportTable(
            caption: "\(claim.metric.label.prefix(1).uppercased() + claim.metric.label.dropFirst()) after the last epoch, authors' code vs "
                + "\(label), per dataset run in both (mean ± std over seeds, n seeds); 'change' = \(label) mean − code mean.",
            header: ["dataset", "\(baseline): code", "\(label)", "change", "\(model): code", "\(label)", "change"],
            rows: pairs.map { pair in
                let (cb, vb) = (stats(pair.mainComparison, \.baselineValues), stats(pair.variantComparison, \.baselineValues))
                let (cm, vm) = (stats(pair.mainComparison, \.modelValues), stats(pair.variantComparison, \.modelValues))
                return [pair.dataset, Format.ours(cb, d), Format.ours(vb, d), change(cb, vb), Format.ours(cm, d), Format.ours(vm, d), change(cm, vm)]
            },
            verdictColumn: nil, csvName: "\(claim.table)-\(variant.name)-vs-code")))

        blocks.append(.table(ReportTable(
            caption: "\(modelName) − \(baselineName) (\(claim.metric.label), points) in each configuration: the per-seed differences "
                + "(mean ± std, n) and their paired t-test; 'same answer' says whether the two tests reach the same outcome.",
            header: ["dataset", "code: Δ", "code: paired t-test", "\(label): Δ", "\(label): paired t-test", "same answer"],
            rows: pairs.map { pair in
                let (a, b) = (pair.mainComparison.test, pair.variantComparison.test)
                let same: String
                if let a, let b, a.outcome != .notTestable, b.outcome != .notTestable {
                    same = a.outcome == b.outcome ? "yes" : "no"
                } else {
                    same = "n/a (1 seed)"
                }
                return [pair.dataset, Format.ours(pair.mainComparison.differences, d, signed: true), testText(a),
                        Format.ours(pair.variantComparison.differences, d, signed: true), testText(b), same]
            },
            verdictColumn: nil, csvName: "\(claim.table)-\(variant.name)-vs-code-difference")))

        blocks.append(.figure(ReportFigure(
            caption: "\(modelName) − \(baselineName) \(claim.metric.label) per dataset in both configurations: mean of the per-seed "
                + "differences, error bars ±1 standard deviation of those differences (none with one seed).",
            chart: BarChart(title: "\(modelName) − \(baselineName): authors' code vs \(label)", yLabel: "difference (points)",
                            categories: pairs.map(\.dataset),
                            series: [BarSeries(name: "authors' code", values: pairs.map(\.mainComparison.differences.mean),
                                               errors: pairs.map(\.mainComparison.differences.standardDeviation)),
                                     BarSeries(name: label, values: pairs.map(\.variantComparison.differences.mean),
                                               errors: pairs.map(\.variantComparison.differences.standardDeviation))],
                            note: scale.isReduced ? "\(scale.rawValue) scale" : nil),
            fileStem: "\(claim.table)-\(variant.name)-vs-code-difference")))

        blocks.append(.table(variantCostTable(pairs, claim: claim, variant: variant)))
        return ReportSection(title: Self.variantSectionTitle(variant), blocks: blocks)
    }

    /// Parameters and training wall time per run of each model in each configuration, per dataset run in both.
    private func variantCostTable(_ pairs: [VariantPair], claim: CountClaim, variant: VariantResults) -> ReportTable {
        let label = Self.variantLabel(variant.name)
        func runs(_ results: ExperimentResults, _ id: String) -> (parameters: String, optimizer: String, wall: String) {
            let records = results.records[id] ?? []
            let walls = records.compactMap { results.timings[$0.key]?.wallSeconds }
            let counts = Set(records.map(\.parameters.total)).sorted()
            return (counts.map { Format.grouped(Double($0)) }.joined(separator: " / "), results.experiment.training.optimizer,
                    walls.isEmpty ? "-" : "\(Format.seconds(walls.reduce(0, +) / Double(walls.count))) (\(walls.count) runs)")
        }
        var body: [[String]] = []
        for pair in pairs {
            for id in [claim.baseline, claim.model] {
                for (configuration, results) in [("authors' code", pair.main), (label, pair.variant)] {
                    let r = runs(results, id)
                    body.append([pair.dataset, results.experiment.model(id)?.name ?? id, configuration, r.parameters, r.optimizer, r.wall])
                }
            }
        }
        return ReportTable(
            caption: "What each configuration is and costs: trainable parameters (from the run records), optimiser, and the mean "
                + "wall time of a whole run (training and the evaluation after every epoch) on the machine that ran it.",
            header: ["dataset", "model", "configuration", "parameters", "optimiser", "wall time per run"],
            rows: body, verdictColumn: nil, csvName: "\(claim.table)-\(variant.name)-vs-code-cost")
    }

    /// A paired t-test as the table prints it: "better (t = 31.00, p = 0.001)", "n/a (1 seed)".
    func testText(_ test: PairedTTest?) -> String {
        guard let test else { return "-" }
        guard let p = test.p, let t = test.t else { return "n/a (1 seed)" }
        let tText = t.isFinite ? Format.fixed(t, 2) : (t > 0 ? "∞" : "−∞")
        let pText = p < 0.001 ? "p < 0.001" : "p = \(Format.fixed(p, 3))"
        let outcome: String
        switch test.outcome {
        case .better: outcome = "better"
        case .worse: outcome = "worse"
        case .noSignificantDifference: outcome = "no sig. difference"
        case .notTestable: outcome = "n/a"
        }
        return "\(outcome) (t = \(tText), \(pText))"
    }

    /// "Paper text vs authors' code" for `paper-text`.
    static func variantSectionTitle(_ variant: VariantResults) -> String {
        let label = variantLabel(variant.name)
        return label.prefix(1).uppercased() + label.dropFirst() + " vs authors' code"
    }

    /// "paper text" for `paper-text`.
    static func variantLabel(_ name: String) -> String { name.replacingOccurrences(of: "-", with: " ") }
}
