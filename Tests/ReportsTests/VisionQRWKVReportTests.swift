import Catalog
import Charts
import Foundation
@testable import Reports
import Results
import Testing
import TestSupport

/// The Vision-QRWKV report: the paired t-test, Table 1 mirrored with "quantum better?" by the paper's rule and by the
/// test, the "8 of 14" claim counted four ways, parameter counts against the authors' code, and ChestMNIST's two
/// protocols side by side.
@Suite struct VisionQRWKVReportTests {
    // MARK: the test

    /// Closed forms of Student's t two-sided p: ν = 1 (Cauchy) p = 1 − (2/π)·atan|t|; ν = 2, p = 1 − |t|/√(2 + t²).
    /// ν = 4 and 9 from scipy 1.17.1: 2·scipy.stats.t.sf(2.5, 4), 2·scipy.stats.t.sf(0.3, 9).
    @Test func studentTTailMatchesClosedFormsAndScipy() {
        #expect(abs(PairedTTest.twoSidedP(t: 1, degreesOfFreedom: 1) - 0.5) < 1e-12)
        #expect(abs(PairedTTest.twoSidedP(t: -3, degreesOfFreedom: 1) - (1 - 2 / Double.pi * atan(3))) < 1e-12)
        #expect(abs(PairedTTest.twoSidedP(t: 2, degreesOfFreedom: 2) - (1 - 2 / 6.0.squareRoot())) < 1e-12)
        #expect(abs(PairedTTest.twoSidedP(t: 40, degreesOfFreedom: 2) - (1 - 40 / 1602.0.squareRoot())) < 1e-12)
        #expect(abs(PairedTTest.twoSidedP(t: 2.5, degreesOfFreedom: 4) - 0.06676654481198814) < 1e-12)
        #expect(abs(PairedTTest.twoSidedP(t: 0.3, degreesOfFreedom: 9) - 0.7709907037415248) < 1e-12)
    }

    /// scipy.stats.ttest_rel([97.1, 96.8, 97.3], [96.9, 96.2, 96.8]): t = 3.6055512754638706, p = 0.06905066374874133.
    /// Differences 2.0, 2.1, 1.9: mean 2, s = 0.1, t = 2/(0.1/√3) = 34.64, p = 1 − t/√(2 + t²) = 0.000832 (ν = 2).
    @Test func pairedTestOverSeeds() throws {
        let scipy = try #require(PairedTTest(differences: zip([97.1, 96.8, 97.3], [96.9, 96.2, 96.8]).map { $0 - $1 }))
        #expect(abs(try #require(scipy.t) - 3.6055512754638706) < 1e-9)
        #expect(abs(try #require(scipy.p) - 0.06905066374874133) < 1e-9)
        #expect(scipy.outcome == .noSignificantDifference && scipy.degreesOfFreedom == 2)
        let clear = try #require(PairedTTest(differences: [2.0, 2.1, 1.9]))
        let t = 2 / (0.1 / 3.0.squareRoot())
        #expect(abs(try #require(clear.p) - (1 - t / (2 + t * t).squareRoot())) < 1e-9 && clear.outcome == .better)
        #expect(PairedTTest(differences: [-1, -1, -1])?.outcome == .worse)
        #expect(PairedTTest(differences: [0, 0])?.p == 1)
        #expect(PairedTTest(differences: [0.5])?.outcome == .notTestable)
        #expect(PairedTTest(differences: []) == nil)
    }

    // MARK: the report

    static func record(_ experiment: Experiment, model: String, seed: UInt64, accuracies: [Double], parameters: ParameterCounts,
                       classNames: [String] = ["a", "b"], multiLabel: MultiLabelMetrics? = nil) -> RunRecord {
        RunRecord(identity: RunIdentity(paper: "vision-qrwkv", experiment: experiment.id, model: model, dataset: experiment.dataset,
                                        scale: "paper", seed: seed, numericsVersion: 2, settings: []),
                  environment: RunEnvironment(qreportVersion: "0", toolchain: "t", cpu: "c", threads: 1, blas: "b"),
                  datasetFiles: [], parameters: parameters,
                  epochs: accuracies.enumerated().map { i, a in
                      EpochMetrics(epoch: i + 1, trainLoss: 0.1, trainAccuracy: 0.9, testLoss: 0.2, testAccuracy: a, multiLabel: multiLabel)
                  },
                  confusion: ConfusionMatrix(classNames: classNames, counts: classNames.map { _ in classNames.map { _ in 1 } }))
    }

    /// 108,800 classical weights; 119,040 + 16 circuit weights (the authors' code on MNIST, research notes 1.7).
    static let classicalCounts = ParameterCounts(classical: 108_800, quantum: 0, byTensor: [
        NamedCount(name: "input_proj.weight", count: 64), NamedCount(name: "blocks.0.att.key.weight", count: 4096),
        NamedCount(name: "blocks.1.att.key.weight", count: 4096)])
    static let quantumCounts = ParameterCounts(classical: 119_040, quantum: 16, byTensor: [
        NamedCount(name: "blocks.0.ffn.vqc.weights", count: 8), NamedCount(name: "blocks.1.ffn.vqc.weights", count: 8)])

    /// MNIST: 3 seeds, classical final 97.0, 96.5, 96.0 % (best 97.5 % at epoch 1 for seed 0), quantum final 97.1, 96.8,
    /// 97.3 % ... paired differences 0.1, 0.3, 1.3. RetinaMNIST: 1 seed. BloodMNIST: data missing. ChestMNIST: both protocols.
    static func document() throws -> (PaperReport, ReportDocument) {
        let paper = VisionQRWKVPaper.paper
        var results: [ExperimentResults] = []
        for experiment in paper.experiments {
            var records: [String: [RunRecord]] = [:]
            var missing: String?
            switch experiment.id {
            case "mnist":
                records["classical-rwkv"] = zip([0.970, 0.965, 0.960], [UInt64(0), 1, 2]).map { a, seed in
                    record(experiment, model: "classical-rwkv", seed: seed, accuracies: [seed == 0 ? 0.975 : 0.5, a], parameters: classicalCounts)
                }
                records["quantum-rwkv"] = zip([0.971, 0.968, 0.973], [UInt64(0), 1, 2]).map { a, seed in
                    record(experiment, model: "quantum-rwkv", seed: seed, accuracies: [0.5, a], parameters: quantumCounts)
                }
            case "retinamnist":
                let names = ["0", "1", "2", "3", "4"]
                records["classical-rwkv"] = [record(experiment, model: "classical-rwkv", seed: 0, accuracies: [0.50], parameters: classicalCounts, classNames: names)]
                records["quantum-rwkv"] = [record(experiment, model: "quantum-rwkv", seed: 0, accuracies: [0.52], parameters: quantumCounts, classNames: names)]
            case "chestmnist", "chestmnist-multilabel":
                let metrics = MultiLabelMetrics(elementwiseAccuracy: 0.947, labelAccuracy: [0.9, 0.8], labelAUC: [0.7, nil], meanAUC: 0.7,
                                                labelPrevalence: [0.1, 0.02], argmaxAccuracy: 0.5)
                for model in ["classical-rwkv", "quantum-rwkv"] {
                    records[model] = [record(experiment, model: model, seed: 0, accuracies: [0.947], parameters: classicalCounts,
                                             classNames: ["atelectasis", "cardiomegaly"], multiLabel: metrics)]
                }
            case "bloodmnist":
                missing = "bloodmnist.npz not found; download it from https://zenodo.org/records/10519652"
            default:
                break
            }
            results.append(ExperimentResults(experiment: experiment, scale: experiment.protocolFor(.paper), records: records, timings: [:],
                                             missingData: missing))
        }
        let published = try PublishedTables.load(paper: "vision-qrwkv", from: Fixtures.url("published"))
        let report = PaperReport(paper: paper, scale: .paper, experiments: results, published: published, reportCommit: "abc")
        return (report, report.document())
    }

    func table(_ document: ReportDocument, csv: String) throws -> ReportTable {
        try #require(document.numberedTables.map(\.table).first { $0.csvName == csv }, "no table \(csv)")
    }

    /// Table 1's 14 rows in the paper's order, published next to ours; missing data says so with the fetch instruction.
    @Test func table1IsMirroredInThePapersOrder() throws {
        let (_, doc) = try Self.document()
        let t1 = try table(doc, csv: "table1")
        #expect(t1.rows.map { $0[0] } == ["mnist", "bloodmnist", "fashion-mnist", "pneumoniamnist", "breastmnist", "chestmnist", "organamnist",
                                          "organcmnist", "dermamnist", "pathmnist", "organsmnist", "octmnist", "tissuemnist", "retinamnist"])
        // Classical 97.0, 96.5, 96.0 -> 96.50 ± 0.50; quantum 97.1, 96.8, 97.3 -> 97.07 ± 0.25 (s = √(0.0633…) = 0.2517).
        // Prediction intervals: classical 4.3027·0.5·√(4/3) + 0.005 = 2.489 around 96.50 holds 96.49; quantum 4.3027·0.2517·√(4/3)
        // + 0.005 = 1.256 around 97.07 holds 96.12: both wider than the 1-point margin, so inconclusive. Majority class: the
        // records' 2 × 2 confusion matrices of ones, 2 of 4 = 50.0 %.
        #expect(t1.rows[0] == ["mnist", "50.0 %", "96.49", "96.50 ± 0.50 (n = 3)", "inconclusive", "96.12", "97.07 ± 0.25 (n = 3)", "inconclusive"])
        #expect(t1.rows[1][4] == "not run: data missing" && t1.rows[1][7] == "not run: data missing" && t1.rows[1][3] == "-")
        let bullets = doc.sections.flatMap(\.blocks).compactMap { block -> [String]? in
            if case let .bulletList(items) = block { return items } else { return nil }
        }.flatMap { $0 }
        #expect(bullets.contains { $0.hasPrefix("bloodmnist: ") && $0.contains("https://zenodo.org/records/10519652") })
    }

    /// Quantum − classical: MNIST differences 0.1, 0.3, 1.3 -> mean 0.5667, s = 0.6429; 95 % CI 0.5667 ± 4.3027·0.6429/√3
    /// = [-1.03, +2.16]; smallest detectable (4.3027 + 1.0607)·0.6429/√3 = 1.99. The paper says No (quantum not better)
    /// and the CI holds 0: agreement. RetinaMNIST: one seed, +2.00: inconclusive.
    @Test func quantumBetterJudgedOnThePairedInterval() throws {
        let (_, doc) = try Self.document()
        let better = try table(doc, csv: "table1-quantum-rwkv-better")
        let mnist = try #require(better.rows.first { $0[0] == "mnist" })
        #expect(mnist == ["mnist", "-0.37", "No", "+0.57 [-1.03, +2.16] (n = 3)", "±1.99", "Yes", "consistent: no advantage"])
        let retina = try #require(better.rows.first { $0[0] == "retinamnist" })
        #expect(retina[3] == "+2.00 (1 seed)" && retina[4] == "-" && retina[5] == "Yes" && retina[6] == "inconclusive: 1 seed")
        #expect(better.rows.first { $0[0] == "breastmnist" }?[2] == "Equal")

        let seeds = try table(doc, csv: "table1-per-seed")
        let classical = try #require(seeds.rows.first { $0[0] == "mnist" && $0[1] == "Classical RWKV" })
        // Best epochs: seed 0 peaks at epoch 1 (97.5), seeds 1 and 2 at their last (96.5, 96.0) -> 96.67 ± 0.76.
        #expect(classical == ["mnist", "Classical RWKV", "97.00", "96.50", "96.00", "96.50 ± 0.50 (n = 3)", "96.67 ± 0.76 (n = 3)", "1, 2, 2"])
        let figure = try #require(doc.numberedFigures.map(\.figure).first { $0.fileStem == "table1-difference" })
        let chart = try #require(figure.chart as? BarChart)
        #expect(chart.categories == ["mnist", "chestmnist", "retinamnist"])
    }

    /// "8 of 14": the text's 8; the published column's Yes 7, Equal 2, No 5; the published numbers' 7 (quantum higher
    /// on BloodMNIST, FashionMNIST, PneumoniaMNIST, ChestMNIST, OCTMNIST, TissueMNIST, RetinaMNIST); ours on the 3 run.
    @Test func countClaimIsCheckedFourWays() throws {
        let (report, doc) = try Self.document()
        let count = try table(doc, csv: "table1-claim-count")
        #expect(count.rows[0][1] == "8 of 14")
        #expect(count.rows[1][1] == "Yes 7, Equal 2, No 5 of 14")
        #expect(count.rows[2][1] == "7 of 14")
        // Paper's rule: MNIST Yes, ChestMNIST Equal (same values), RetinaMNIST Yes.
        #expect(count.rows[3][1] == "2 of the 3 datasets run")
        #expect(count.rows[4][1] == "CI above 0 on 0, below 0 on 0, holding 0 on 1 (of the 3 datasets run)")
        let claims = try table(doc, csv: "claims")
        #expect(claims.rows.count == 1)
        // 0 better of 3 run, 11 not run: 0 + 11 ≥ 8, so undecided.
        #expect(claims.rows[0][2] == "inconclusive: 11 of 14 datasets not run")
        let check = report.countClaimCheck(VisionQRWKVPaper.quantumBetterCount)
        #expect(check.conclusion(reducedScale: false).contains("No quantum–classical difference can be resolved on any dataset run"))
        #expect(report.diffMarkdown().contains("| mnist | -0.37 | No | +0.57 [-1.03, +2.16] (n = 3) | ±1.99 | Yes | consistent: no advantage |"))
    }

    /// Ours vs the authors' code per dataset: 108,800 and 119,040 + 16 on MNIST; RetinaMNIST's expected counts follow from
    /// Linear(3, 64) with bias (256) and Linear(64, 5) (320): 108,032 + 576 and 118,272 + 576 + 16.
    @Test func parameterCountsAreSplitAndChecked() throws {
        let (_, doc) = try Self.document()
        let parameters = try table(doc, csv: "table1-parameters")
        #expect(parameters.rows.first { $0[0] == "mnist" && $0[1] == "Classical RWKV" } == ["mnist", "Classical RWKV", "108,800", "0", "108,800", "108,800", "matches"])
        #expect(parameters.rows.first { $0[0] == "mnist" && $0[1] == "Quantum RWKV" } == ["mnist", "Quantum RWKV", "119,040", "16", "119,056", "119,056", "matches"])
        #expect(parameters.rows.first { $0[0] == "retinamnist" && $0[1] == "Quantum RWKV" }?[5] == "118,864")
        #expect(parameters.rows.first { $0[0] == "bloodmnist" }?[6] == "not run: data missing")
        let tensors = try table(doc, csv: "table1-tensors")
        #expect(tensors.rows.first { $0[0] == "blocks.*.att.key.weight" }?[1] == "8,192")
        #expect(tensors.rows.first { $0[0] == "blocks.*.ffn.vqc.weights" } == ["blocks.*.ffn.vqc.weights", "-", "16"])
    }

    /// RetinaMNIST's bare "0"…"4" give way to the Catalog's grade names; ChestMNIST's protocols side by side.
    @Test func confusionNamesAndChestProtocols() throws {
        let (_, doc) = try Self.document()
        let heatmap = try #require(doc.numberedFigures.map(\.figure).first { $0.fileStem == "table1-retinamnist-confusion-quantum-rwkv" })
        #expect((heatmap.chart as? Heatmap)?.rowLabels.first == "0: no DR")
        let protocols = try table(doc, csv: "chestmnist-protocols")
        #expect(protocols.rows.count == 4)
        // All-absent floor: mean of (1 − prevalence) = (0.9 + 0.98)/2 = 94.00 %; mean label accuracy (0.9 + 0.8)/2 = 85.00 %.
        #expect(protocols.rows[0] == ["authors'", "Classical RWKV", "74.44", "94.70 (n = 1)", "94.00 (n = 1)",
                                      "0.700 (n = 1)", "85.00 (n = 1)", "50.00 (n = 1)"])
        #expect(protocols.rows[2][0] == "correct" && protocols.rows[2][2] == "-")
        let findings = try table(doc, csv: "chestmnist-findings")
        #expect(findings.rows.map { $0[0] } == ["atelectasis", "cardiomegaly"] && findings.rows[1][2] == "-")
        let titles = doc.sections.map(\.title)
        #expect(titles.contains("chestmnist: the authors' protocol vs a correct multi-label protocol"))
        #expect(titles.contains { $0.hasPrefix("Claim check") } && titles.contains("Circuit diagrams"))
    }

    /// PennyLane's BasicEntanglerLayers: RX per wire, then the CNOT ring (i, i + 1 mod n), closing from the last wire to 0.
    @Test func basicEntanglerLayerIsARing() throws {
        let code = try #require(PaperCircuits.all.first { $0.id == "vision-qrwkv-vqc" })
        let layer = try #require(PaperCircuitDiagram.basicEntanglerLayer(code, layer: 0))
        try layer.validate()
        let pairs = layer.elements.compactMap { e -> [Int]? in
            if case let .controlled(controls, target, .not) = e { return controls + [target] } else { return nil }
        }
        #expect(pairs == [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 6], [6, 7], [7, 0]])
        #expect(layer.elements.first == .gate(label: "RX(w[0,0])", wires: [0]))
        #expect(PaperCircuitDiagram.basicEntanglerLayer(code, layer: 1) == nil)
    }
}
