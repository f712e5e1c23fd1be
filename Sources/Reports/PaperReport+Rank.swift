import Catalog
import Charts
import Foundation
import Results

/// The section of a Jacobian-rank experiment (HQNN Fig. 9, appendix A.1): the claim that no weight or input of the circuit
/// is redundant, judged by the numerical rank of its stacked Jacobians, with a control circuit whose one redundant weight
/// and one redundant input the method must find.
extension PaperReport {
    /// The claim as the paper words it.
    static let rankClaim = "All the weights and input data in the circuit actually make an impact on the final result (ZX-calculus reduction)"

    /// Singular values below this fraction of the largest are drawn at it (a log axis has no zero).
    static let rankPlotFloor = 1e-18

    func rankSection(_ results: ExperimentResults) -> ReportSection {
        let experiment = results.experiment
        let title = "\(experiment.source) — \(experiment.title)"
        guard let analysis = experiment.jacobianRank else { return ReportSection(title: title, blocks: []) }
        let settings = analysis.settings(at: scale)
        var blocks: [ReportBlock] = [
            .paragraph("The paper reduces the circuit with ZX-calculus rewrite rules and finds every weight and input still on its own node (Fig. 9(b)). "
                + "Those diagrams are not drawn here and the rewriting is not re-done; the claim is checked numerically instead. "
                + "A weight (or input) direction that no rewrite can remove changes some output to first order somewhere: so the claim holds exactly when, "
                + "at random weights, the Jacobian of the outputs with respect to all weights, stacked over many random inputs, has full column rank, "
                + "and likewise for the inputs over random weights. Protocol: \(settings) random weight settings and \(settings) random input settings, "
                + "each Jacobian stacked over \(analysis.stackedDraws) draws of the other argument, every angle uniform on [0, 2π); "
                + "Jacobians by the adjoint method in double precision (each entry also computed by parameter shifts: the largest difference is the "
                + "Jacobian's own rounding error); singular values by one-sided Jacobi on the Jacobian itself (not on JᵀJ, whose squared condition "
                + "number would hide values below about 1e-8 σ_max). A singular value counts towards the rank when it exceeds "
                + "\(analysis.toleranceFactor == 1 ? "" : "\(Format.fixed(analysis.toleranceFactor, 1)) · ")max(rows, columns) · ε · σ_max "
                + "(ε = 2⁻⁵², numpy's matrix_rank rule): an SVD in double precision cannot tell smaller values from zero. "
                + "The control circuit adds one weight and one input that fuse with existing rotations (RZ after RZ, RX after RX), "
                + "so its Jacobians must come out rank-deficient by exactly one each."),
        ]
        guard let spectra = experiment.models.lazy.compactMap({ results.records[$0.id]?.first?.jacobianRank }).first,
              let model = spectra.circuits.first else {
            blocks.append(.paragraph("not run: no finished runs of this experiment in the run store at \(scale.rawValue) scale."))
            return ReportSection(title: title, blocks: blocks)
        }
        let controls = spectra.circuits.dropFirst()
        blocks.append(.table(ReportTable(
            caption: "The claim, judged by rank. It holds when the circuit's Jacobians have full column rank at every setting; "
                + "the verdict counts only if the control is found rank-deficient by exactly its one redundant weight and one redundant input.",
            header: ["claim", "ours", "verdict"],
            rows: [[Self.rankClaim, Self.rankSummary(model), rankVerdict(model: model, controls: Array(controls))]],
            verdictColumn: 2, csvName: "fig9-claim")))
        blocks.append(.table(ReportTable(
            caption: "Numerical rank of each stacked Jacobian over the settings. σ values relative to the largest singular value of the same Jacobian; "
                + "'gap' is the smallest counted over the largest dropped singular value (the margin the rank decision has).",
            header: ["circuit", "Jacobian", "rows x columns", "expected rank", "ranks found", "smallest counted σ/σ_max",
                     "largest dropped σ/σ_max", "tolerance/σ_max", "Jacobian rounding error", "as expected"],
            rows: spectra.circuits.flatMap { circuit in
                [("weights", circuit.weightSpectra, circuit.expectedWeightRank), ("inputs", circuit.inputSpectra, circuit.expectedInputRank)]
                    .map { label, list, expected in Self.rankRow(circuit: circuit, label: label, spectra: list, expected: expected) }
            },
            verdictColumn: 9, csvName: "fig9-ranks")))
        for (label, pick) in [("weights", \CircuitSpectra.weightSpectra), ("inputs", \CircuitSpectra.inputSpectra)] {
            blocks.append(.figure(ReportFigure(
                caption: "Singular values of the Jacobian with respect to the \(label), log10 of σ_k/σ_max, for every setting (one line each) "
                    + "of the HQNN-Parallel circuit (drawn over the control, whose leading values nearly coincide with its own) and of the control; "
                    + "the flat line is the rank tolerance. "
                    + "Values below \(Self.scientific(Self.rankPlotFloor)) σ_max are drawn at that floor.",
                chart: rankChart(spectra, label: label, pick: pick),
                fileStem: "fig9-singular-values-\(label)")))
        }
        return ReportSection(title: title, blocks: blocks)
    }

    private func rankVerdict(model: CircuitSpectra, controls: [CircuitSpectra]) -> String {
        let controlFound = controls.allSatisfy { control in
            control.weightSpectra.allSatisfy { $0.rank == control.expectedWeightRank }
                && control.inputSpectra.allSatisfy { $0.rank == control.expectedInputRank }
        }
        guard controlFound, !controls.isEmpty else {
            return "inconclusive: the control's known redundancy was not found exactly, so the method is not trusted"
        }
        let full = model.weightSpectra.allSatisfy { $0.rank == model.weightCount } && model.inputSpectra.allSatisfy { $0.rank == model.inputCount }
        let verdict = full ? "consistent: holds (no redundant weight or input)" : "differs: does not hold (a redundant direction)"
        return scale.isReduced ? "indicative: \(verdict)" : verdict
    }

    private static func rankSummary(_ circuit: CircuitSpectra) -> String {
        func part(_ list: [SingularSpectrum], _ columns: Int, _ what: String) -> String {
            let full = list.filter { $0.rank == columns }.count
            return "\(what): full rank \(columns) at \(full) of \(list.count) settings"
        }
        return part(circuit.weightSpectra, circuit.weightCount, "\(circuit.weightCount) weights") + "; "
            + part(circuit.inputSpectra, circuit.inputCount, "\(circuit.inputCount) inputs")
    }

    private static func rankRow(circuit: CircuitSpectra, label: String, spectra: [SingularSpectrum], expected: Int) -> [String] {
        func relative(_ value: Double?, _ s: SingularSpectrum) -> Double? {
            guard let value, let top = s.singularValues.first, top > 0 else { return nil }
            return value / top
        }
        let counted = spectra.compactMap { relative($0.gap.smallestCounted, $0) }.min()
        let dropped = spectra.compactMap { relative($0.gap.largestDropped, $0) }.max()
        let tolerance = spectra.compactMap { relative($0.tolerance, $0) }.max()
        let shapes = Set(spectra.map { "\($0.rows) x \($0.columns)" }).sorted().joined(separator: ", ")
        let ranks = spectra.map { "\($0.rank)" }.joined(separator: ", ")
        let asExpected = spectra.allSatisfy { $0.rank == expected }
        return [circuit.name, label, shapes, "\(expected)", ranks,
                counted.map { Self.scientific($0) } ?? "-", dropped.map { Self.scientific($0) } ?? "- (none)",
                tolerance.map { Self.scientific($0) } ?? "-",
                spectra.map(\.jacobianDiscrepancy).max().map { Self.scientific($0) } ?? "-",
                asExpected ? "consistent: yes" : "differs: no"]
    }

    private func rankChart(_ spectra: JacobianSpectra, label: String, pick: KeyPath<CircuitSpectra, [SingularSpectrum]>) -> LineChart {
        var series: [LineSeries] = []
        var tolerance = 0.0
        // The control first, so the model's curves, which nearly coincide with its leading values, are drawn on top.
        for circuit in spectra.circuits.reversed() {
            // Every setting of one circuit in one series, a non-finite point between settings splitting the line.
            var x: [Double] = [], y: [Double] = []
            for spectrum in circuit[keyPath: pick] {
                let top = spectrum.singularValues.first ?? 1
                if !x.isEmpty { x.append(.nan); y.append(.nan) }
                for (k, value) in spectrum.singularValues.enumerated() {
                    x.append(Double(k + 1))
                    y.append(log10(max(value / top, Self.rankPlotFloor)))
                }
                tolerance = max(tolerance, spectrum.tolerance / top)
            }
            let columns = label == "weights" ? circuit.weightCount : circuit.inputCount
            series.append(LineSeries(name: "\(circuit.name) (\(columns) \(label))", x: x, y: y))
        }
        let count = series.flatMap(\.x).filter(\.isFinite).max() ?? 1
        series.append(LineSeries(name: "rank tolerance", x: [1, count], y: [log10(tolerance), log10(tolerance)]))
        return LineChart(title: "Singular values of ∂outputs/∂\(label)", xLabel: "index k (largest first)", yLabel: "log10(σ_k / σ_max)",
                         series: series, xTickStep: count > 10 ? 5 : 1, note: scale.isReduced ? "\(scale.rawValue) scale" : nil)
    }

    /// `1.23e-15`.
    static func scientific(_ value: Double) -> String {
        value.isFinite ? String(format: "%.2e", value) : "-"
    }
}
