import Catalog
import Foundation
import Models
import QuantumSim
import Results
@testable import Training
import Testing
import TestSupport

/// The Fig. 9 run: the HQNN-Parallel circuit's stacked Jacobians have full column rank, the control's (one fused RZ weight,
/// one fused RX input) are rank-deficient by exactly one each.
@Suite struct JacobianRankRunTests {
    let experiment = HQNNPaper.fig9Rank

    func record(settings: Int) throws -> RunRecord {
        let scale = experiment.protocolFor(.smoke)
        let model = experiment.models[0]
        let identity = RunPlanner.identity(paper: HQNNPaper.paper, experiment: experiment, model: model, scale: scale, seed: 0)
        return try JacobianRankRun.record(model: model, identity: identity, analysis: experiment.jacobianRank!, settings: settings, threads: 1)
    }

    @Test func hqnnCircuitIsFullRankAndTheControlDeficientByOne() throws {
        let spectra = try #require(try record(settings: 2).jacobianRank)
        #expect(spectra.circuits.count == 2)
        let hqnn = spectra.circuits[0], control = spectra.circuits[1]
        #expect((hqnn.weightCount, hqnn.inputCount) == (45, 5) && (control.weightCount, control.inputCount) == (46, 6))
        for s in hqnn.weightSpectra { #expect((s.rows, s.columns, s.rank) == (160, 45, 45)) }
        for s in hqnn.inputSpectra { #expect((s.rows, s.columns, s.rank) == (160, 5, 5)) }
        for s in control.weightSpectra { #expect((s.columns, s.rank) == (46, 45)) }
        for s in control.inputSpectra { #expect((s.columns, s.rank) == (6, 5)) }
        for circuit in spectra.circuits {
            for s in circuit.weightSpectra + circuit.inputSpectra {
                #expect(s.singularValues.count == s.columns && zip(s.singularValues, s.singularValues.dropFirst()).allSatisfy { $0 >= $1 })
                // Adjoint and parameter shift agree to rounding, far below the rank tolerance.
                #expect(s.jacobianDiscrepancy < Tolerance.quantumRounding)
            }
        }
        // The decision has a wide margin: the HQNN circuit's smallest singular value is far above the tolerance, and the
        // control's dropped one is at rounding level.
        for s in hqnn.weightSpectra + hqnn.inputSpectra { #expect(s.singularValues.last! > 1e6 * s.tolerance) }
        for s in control.weightSpectra + control.inputSpectra { #expect(s.singularValues.last! < s.tolerance) }
    }

    /// The control's redundant directions are the ones built in: the fused weight's Jacobian column equals the Rot's ω
    /// column (weight 2, the first layer's ω on wire 0), and the extra input's equals x0's.
    @Test func controlColumnsRepeatTheFusedOnes() {
        let control = Circuit.hqnnParallelRedundantControl()
        let weights = (0..<46).map { Double($0) * 0.37 }
        let inputs = [0.3, 1.1, 2.0, 0.7, 2.9, 0.5]
        let rows = JacobianRankRun.adjointRows(of: control, inputs: inputs, weights: weights)
        for k in 0..<5 {
            #expect(abs(rows.weights[k * 46 + 45] - rows.weights[k * 46 + 2]) < Tolerance.quantumRounding)
            #expect(abs(rows.inputs[k * 6 + 5] - rows.inputs[k * 6]) < Tolerance.quantumRounding)
        }
        // And the column is not trivially zero.
        #expect((0..<5).contains { abs(rows.weights[$0 * 46 + 45]) > 1e-3 })
    }

    @Test func sameSeedSameBytes() throws {
        #expect(CanonicalJSON.encode(try record(settings: 1)) == CanonicalJSON.encode(try record(settings: 1)))
    }
}
