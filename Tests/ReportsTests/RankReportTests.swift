import Catalog
import Charts
import Foundation
@testable import Reports
import Results
import Testing

/// The Fig. 9 section: the claim's verdict follows the stored ranks, and counts only when the control's known redundancy
/// was found exactly.
@Suite struct RankReportTests {
    /// A spectrum whose first `rank` singular values are 1, 0.5, … and the rest 1e-17 (below the tolerance).
    static func spectrum(columns: Int, rank: Int) -> SingularSpectrum {
        let values = (0..<columns).map { $0 < rank ? 1 / Double($0 + 1) : 1e-17 }
        return SingularSpectrum(rows: 160, columns: columns, singularValues: values, tolerance: 160 * Double.ulpOfOne,
                                rank: rank, jacobianDiscrepancy: 1e-15)
    }

    static func circuit(_ name: String, weights: Int, inputs: Int, weightRank: Int, inputRank: Int, expectedDeficiency: Int) -> CircuitSpectra {
        CircuitSpectra(name: name, description: name, weightCount: weights, inputCount: inputs,
                       expectedWeightRank: weights - expectedDeficiency, expectedInputRank: inputs - expectedDeficiency,
                       weightSpectra: (0..<2).map { _ in spectrum(columns: weights, rank: weightRank) },
                       inputSpectra: (0..<2).map { _ in spectrum(columns: inputs, rank: inputRank) })
    }

    func section(model: CircuitSpectra?, control: CircuitSpectra?) -> ReportSection {
        let experiment = HQNNPaper.fig9Rank
        var records: [String: [RunRecord]] = [:]
        if let model, let control {
            records["hqnn-parallel-pqc"] = [RunRecord(
                identity: RunIdentity(paper: "hqnn", experiment: experiment.id, model: "hqnn-parallel-pqc", dataset: "none", scale: "paper",
                                      seed: 0, numericsVersion: 1, settings: []),
                environment: RunEnvironment(qreportVersion: "0", toolchain: "t", cpu: "c", threads: 1, blas: "b"),
                datasetFiles: [], parameters: ParameterCounts(classical: 0, quantum: 45, byTensor: []), epochs: [],
                confusion: ConfusionMatrix(classNames: []), jacobianRank: JacobianSpectra(circuits: [model, control]))]
        }
        let results = ExperimentResults(experiment: experiment, scale: experiment.protocolFor(.paper), records: records, timings: [:])
        return PaperReport(paper: HQNNPaper.paper, scale: .paper, experiments: [results], published: [], reportCommit: "abc").rankSection(results)
    }

    func verdict(_ section: ReportSection) -> String? {
        for block in section.blocks {
            if case let .table(t) = block, t.csvName == "fig9-claim" { return t.rows.first?[2] }
        }
        return nil
    }

    @Test func fullRankWithTheControlFoundHolds() throws {
        let s = section(model: Self.circuit("hqnn", weights: 45, inputs: 5, weightRank: 45, inputRank: 5, expectedDeficiency: 0),
                        control: Self.circuit("control", weights: 46, inputs: 6, weightRank: 45, inputRank: 5, expectedDeficiency: 1))
        #expect(verdict(s) == "consistent: holds (no redundant weight or input)")
        let figures = s.blocks.compactMap { block -> LineChart? in
            if case let .figure(f) = block { return f.chart as? LineChart } else { return nil }
        }
        #expect(figures.count == 2)
        // Control, model, tolerance; two settings of 46 values joined by one break point.
        #expect(figures[0].series.map(\.name) == ["control (46 weights)", "hqnn (45 weights)", "rank tolerance"])
        #expect(figures[0].series[0].x.count == 46 * 2 + 1 && figures[0].series[0].y[45] == -17)
        let ranks = try #require(s.blocks.lazy.compactMap { block -> ReportTable? in
            if case let .table(t) = block, t.csvName == "fig9-ranks" { return t } else { return nil }
        }.first)
        #expect(ranks.rows.map { $0[9] } == Array(repeating: "consistent: yes", count: 4))
        #expect(ranks.rows[2][4] == "45, 45" && ranks.rows[2][6] == "1.00e-17")
    }

    @Test func aRedundantDirectionDoesNotHold() {
        let s = section(model: Self.circuit("hqnn", weights: 45, inputs: 5, weightRank: 44, inputRank: 5, expectedDeficiency: 0),
                        control: Self.circuit("control", weights: 46, inputs: 6, weightRank: 45, inputRank: 5, expectedDeficiency: 1))
        #expect(verdict(s) == "differs: does not hold (a redundant direction)")
    }

    @Test func anUndetectedControlIsInconclusive() {
        let s = section(model: Self.circuit("hqnn", weights: 45, inputs: 5, weightRank: 45, inputRank: 5, expectedDeficiency: 0),
                        control: Self.circuit("control", weights: 46, inputs: 6, weightRank: 46, inputRank: 5, expectedDeficiency: 1))
        #expect(verdict(s)?.hasPrefix("inconclusive:") == true)
    }

    @Test func noRunSaysNotRun() {
        let s = section(model: nil, control: nil)
        #expect(verdict(s) == nil)
        #expect(s.blocks.contains { if case let .paragraph(p) = $0 { return p.hasPrefix("not run:") } else { return false } })
    }
}
