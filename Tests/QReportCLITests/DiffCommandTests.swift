import ArgumentParser
import Catalog
import Foundation
@testable import QReportCLI
import Reports
import Results
import Testing
import TestSupport

/// `qreport diff`: the formats, the gate flags and what fails the gate.
struct DiffCommandTests {
    @Test func formatsAndFlagsParse() throws {
        #expect(try DiffCommand.parse(["--paper", "hqnn"]).format == .md)
        #expect(try DiffCommand.parse(["--paper", "hqnn", "--format", "json"]).format == .json)
        #expect(try DiffCommand.parse(["--paper", "hqnn", "--format", "csv", "--fail-on-mismatch", "--fail-on-inconclusive"]).failOnInconclusive)
        #expect(throws: (any Error).self) { try DiffCommand.parse(["--paper", "hqnn", "--format", "xml"]) }
        // --fail-on-inconclusive only sharpens --fail-on-mismatch.
        #expect(throws: (any Error).self) { try DiffCommand.parse(["--paper", "hqnn", "--fail-on-inconclusive"]) }
    }

    static func record(_ experiment: Experiment, model: String, seed: UInt64, accuracy: Double) -> RunRecord {
        RunRecord(identity: RunIdentity(paper: "hqnn", experiment: experiment.id, model: model, dataset: experiment.dataset,
                                        scale: "paper", seed: seed, numericsVersion: 1, settings: []),
                  environment: RunEnvironment(qreportVersion: "0", toolchain: "t", cpu: "c", threads: 1, blas: "b"),
                  datasetFiles: [],
                  // Kernel weights as published (HQNN-Quanv 4, CNN4 16, CNN1 4), so only the accuracies are in question.
                  parameters: ParameterCounts(classical: 10, quantum: 0, byTensor: [NamedCount(name: "quanv.weights", count: 4),
                                                                                    NamedCount(name: "conv.weight", count: model == "cnn4" ? 16 : 4)]),
                  epochs: [EpochMetrics(epoch: 1, trainLoss: 0.1, trainAccuracy: 0.9, testLoss: 0.2, testAccuracy: accuracy)],
                  confusion: ConfusionMatrix(classNames: ["a", "b"], counts: [[50, 0], [0, 50]]))
    }

    /// Quanv's CNN1 published at 53 ± 2 % over 10 seeds: ours at 53 % on every seed is consistent; at 90 % it differs
    /// (Welch's interval with 100 test images on each side is about ±13 points). With one seed it is inconclusive, which
    /// fails the gate only with --fail-on-inconclusive. Not-run rows never fail it.
    @Test func gateFailsOnDiffersAndOptionallyInconclusive() throws {
        let published = try PublishedTables.load(paper: "hqnn", from: Fixtures.url("published"))
        func report(_ accuracies: [Double]) -> PaperReport {
            let e = HQNNPaper.quanv
            var records: [String: [RunRecord]] = [:]
            for model in ["hqnn-quanv", "cnn4"] {
                records[model] = (0..<10).map { Self.record(e, model: model, seed: UInt64($0), accuracy: 0.67) }
            }
            records["cnn1"] = accuracies.enumerated().map { Self.record(e, model: "cnn1", seed: UInt64($0.offset), accuracy: $0.element) }
            return PaperReport(paper: HQNNPaper.paper, scale: .paper,
                               experiments: [ExperimentResults(experiment: e, scale: e.protocolFor(.paper), records: records, timings: [:])],
                               published: published, reportCommit: "abc")
        }
        let cnn1 = { (r: PaperReport) in r.rows.first { $0.model.id == "cnn1" && $0.metric == .testAccuracy }!.verdict }
        let agreeing = report([0.52, 0.54, 0.53, 0.53])
        #expect(cnn1(agreeing) == .consistent || cnn1(agreeing) == .inconclusive(""))
        let far = report([0.90, 0.91, 0.89, 0.90])
        #expect(cnn1(far) == .differs)
        #expect(DiffCommand.gateFails(far, includingInconclusive: false))
        let single = report([0.53])
        #expect(cnn1(single) == .inconclusive("1 seed"))
        #expect(!DiffCommand.gateFails(single, includingInconclusive: false))
        #expect(DiffCommand.gateFails(single, includingInconclusive: true))
        let json = DiffExport(report: single).json()
        #expect(json.contains("\"verdict\" : \"inconclusive\""))
    }
}
