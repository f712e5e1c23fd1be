import Catalog
import Charts
import Foundation
@testable import Reports
import Results
import Testing
import TestSupport

/// The authors' code configuration beside the paper-text variant's runs (`PaperReport+Variants`): per dataset run in
/// both, each model's final accuracy in both, the quantum − classical difference with its paired test in both, the
/// chart, and the cost table; datasets run in one configuration only are named, and no variant runs means no section.
@Suite struct VariantReportTests {
    typealias R = VisionQRWKVReportTests

    /// `accuracies[model]` = final accuracy per seed (fractions); `wall` = seconds per run, stored as its timing.
    static func results(_ experiment: Experiment, _ accuracies: [String: [Double]], wall: Double) -> ExperimentResults {
        var records: [String: [RunRecord]] = [:], timings: [String: RunTiming] = [:]
        for (model, values) in accuracies {
            records[model] = values.enumerated().map { seed, a in
                R.record(experiment, model: model, seed: UInt64(seed), accuracies: [0.5, a],
                         parameters: model == "quantum-rwkv" ? R.quantumCounts : R.classicalCounts)
            }
            for record in records[model]! { timings[record.key] = RunTiming(wallSeconds: wall, startedAt: "s", gitCommit: "c") }
        }
        return ExperimentResults(experiment: experiment, scale: experiment.protocolFor(.paper), records: records, timings: timings)
    }

    /// Code: MNIST (3 seeds, as in VisionQRWKVReportTests) and BreastMNIST (1 seed); paper text: MNIST (3 seeds) and
    /// RetinaMNIST (1 seed).
    static func report(variantRuns: Bool = true) throws -> (PaperReport, ReportDocument) {
        let paper = VisionQRWKVPaper.paper
        let main = paper.experiments.map { experiment -> ExperimentResults in
            switch experiment.id {
            case "mnist": return results(experiment, ["classical-rwkv": [0.970, 0.965, 0.960], "quantum-rwkv": [0.971, 0.968, 0.973]], wall: 300)
            case "breastmnist": return results(experiment, ["classical-rwkv": [0.80], "quantum-rwkv": [0.81]], wall: 20)
            default: return results(experiment, [:], wall: 0)
            }
        }
        let variantPaper = try #require(VisionQRWKVPaper.variants["paper-text"])
        let variant = variantPaper.experiments.map { experiment -> ExperimentResults in
            guard variantRuns else { return results(experiment, [:], wall: 0) }
            switch experiment.dataset {
            case "mnist": return results(experiment, ["classical-rwkv": [0.950, 0.955, 0.960], "quantum-rwkv": [0.960, 0.966, 0.970]], wall: 3600)
            case "retinamnist": return results(experiment, ["classical-rwkv": [0.50], "quantum-rwkv": [0.52]], wall: 60)
            default: return results(experiment, [:], wall: 0)
            }
        }
        let published = try PublishedTables.load(paper: "vision-qrwkv", from: Fixtures.url("published"))
        var report = PaperReport(paper: paper, scale: .paper, experiments: main, published: published, reportCommit: "abc")
        report.variants = [VariantResults(name: "paper-text", title: "paper-text configuration: n_embd 768",
                                          storeLocation: "reports/vision-qrwkv-paper-text/runs", experiments: variant)]
        return (report, report.document())
    }

    func table(_ document: ReportDocument, csv: String) throws -> ReportTable {
        try #require(document.numberedTables.map(\.table).first { $0.csvName == csv }, "no table \(csv)")
    }

    /// Classical: code 97.0, 96.5, 96.0 -> 96.50 ± 0.50, paper text 95.0, 95.5, 96.0 -> 95.50 ± 0.50, change −1.00.
    /// Quantum: code 97.1, 96.8, 97.3 -> 97.07 ± 0.25; paper text 96.0, 96.6, 97.0 -> 96.53 ± 0.50
    /// (s² = (0.5333² + 0.0667² + 0.4667²)/2 = 0.2533), change 96.533 − 97.067 = −0.53.
    @Test func accuraciesSideBySide() throws {
        let (_, doc) = try Self.report()
        let side = try table(doc, csv: "table1-paper-text-vs-code")
        #expect(side.header == ["dataset", "Classical: code", "paper text", "change", "Quantum: code", "paper text", "change"])
        #expect(side.rows == [["mnist", "96.50 ± 0.50 (n = 3)", "95.50 ± 0.50 (n = 3)", "-1.00",
                               "97.07 ± 0.25 (n = 3)", "96.53 ± 0.50 (n = 3)", "-0.53"]])
        let section = try #require(doc.sections.first { $0.title == "Paper text vs authors' code" })
        guard case let .paragraph(text) = try #require(section.blocks.first) else { Issue.record("no paragraph first"); return }
        #expect(text.contains("Run in paper text only: retinamnist.") && text.contains("Run in the authors' code only: breastmnist."))
        #expect(text.contains("reports/vision-qrwkv-paper-text/runs"))
        // After the experiments, before the circuit diagrams.
        let titles = doc.sections.map(\.title)
        let index = try #require(titles.firstIndex(of: "Paper text vs authors' code"))
        #expect(index > (titles.lastIndex { $0.contains("MNIST") || $0.contains("mnist") } ?? 0))
        #expect(index < (titles.firstIndex(of: "Circuit diagrams") ?? titles.count))
    }

    /// Differences: code 0.1, 0.3, 1.3 (no significant difference, as in VisionQRWKVReportTests); paper text 1.0, 1.1, 1.0:
    /// mean 1.0333, s = √(0.006667/2) = 0.05774, t = 1.0333/(0.05774/√3) = 31.0, p = 1 − t/√(2 + t²) = 0.00104 (ν = 2):
    /// better. The two tests disagree.
    @Test func differencesAndTheirTestsInBoth() throws {
        let (_, doc) = try Self.report()
        let differences = try table(doc, csv: "table1-paper-text-vs-code-difference")
        let tCode = 0.5666666666666667 / (0.6429100507328637 / 3.0.squareRoot())
        let tText = (1.0333333333333333) / ((0.006666666666666667 / 2).squareRoot() / 3.0.squareRoot())
        #expect(differences.rows == [[
            "mnist", "+0.57 ± 0.64 (n = 3)", "no sig. difference (t = \(Format.fixed(tCode, 2)), p = \(Format.fixed(1 - tCode / (2 + tCode * tCode).squareRoot(), 3)))",
            "+1.03 ± 0.06 (n = 3)", "better (t = \(Format.fixed(tText, 2)), p = \(Format.fixed(1 - tText / (2 + tText * tText).squareRoot(), 3)))", "no",
        ]])
        let figure = try #require(doc.numberedFigures.map(\.figure).first { $0.fileStem == "table1-paper-text-vs-code-difference" })
        let chart = try #require(figure.chart as? BarChart)
        #expect(chart.categories == ["mnist"] && chart.series.map(\.name) == ["authors' code", "paper text"])
        #expect(abs(chart.series[1].values[0] - 1.0333333333333333) < 1e-9)

        let cost = try table(doc, csv: "table1-paper-text-vs-code-cost")
        #expect(cost.rows.first == ["mnist", "Classical RWKV", "authors' code", "108,800", "adamw", "5.0 min (3 runs)"])
        #expect(cost.rows.contains(["mnist", "Quantum RWKV", "paper text", "119,056", "adam", "60.0 min (3 runs)"]))
    }

    /// A variant store without runs adds nothing: the report is the one without variants.
    @Test func noVariantRunsNoSection() throws {
        let (_, doc) = try Self.report(variantRuns: false)
        #expect(!doc.sections.contains { $0.title == "Paper text vs authors' code" })
        #expect(!doc.numberedTables.contains { $0.table.csvName == "table1-paper-text-vs-code" })
    }
}
