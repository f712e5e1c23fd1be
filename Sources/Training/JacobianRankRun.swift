import Catalog
import Models
import QuantumSim
import Results

/// Runs a Jacobian-rank experiment (HQNN Fig. 9): the singular values of the stacked Jacobians of the model's circuit and
/// of a control circuit with a known redundancy, stored in the run record (reports never simulate).
public enum JacobianRankRun {
    /// The record of one run. From the run's initialisation stream (seed of `identity`), for each circuit in turn: per
    /// weight setting, the weights and then `stackedDraws` inputs; per input setting, the inputs and then `stackedDraws`
    /// weight settings; every angle uniform on [0, 2π). Jacobians by the adjoint method in Double (one vector-Jacobian
    /// product per output and sample), checked entry by entry against parameter shifts.
    public static func record(model spec: ModelSpec, identity: RunIdentity, analysis: JacobianRank, settings: Int,
                              threads: Int) throws -> RunRecord {
        let circuit = try FourierRun.circuit(of: spec)
        guard case let .hqnnParallel(_, _, _, qubits, layers, _) = spec.architecture else {
            throw FourierRun.Failure(description: "model \(spec.id): a Jacobian-rank analysis needs an HQNN-Parallel circuit")
        }
        let control = Circuit.hqnnParallelRedundantControl(qubits: qubits, layers: layers)
        var generator = SeededGenerator(seed: identity.seed, purpose: .initialisation)
        let model = spectra(of: circuit, name: spec.id,
                            description: "\(spec.name): \(circuit.weightCount) weights, \(circuit.inputCount) inputs, "
                                + "\(circuit.observables.count) outputs",
                            expectedWeightRank: circuit.weightCount, expectedInputRank: circuit.inputCount,
                            analysis: analysis, settings: settings, generator: &generator)
        let controlSpectra = spectra(
            of: control, name: "control-double-rotation",
            description: "Control: the same circuit plus an RZ weight right after the first layer's Rot on wire 0 (RZ(ω)RZ(w) = RZ(ω + w)) "
                + "and an RX input right after RX(x0) (RX(x0)RX(x\(qubits)) = RX(x0 + x\(qubits))): "
                + "\(control.weightCount) weights, \(control.inputCount) inputs, one redundant direction in each",
            expectedWeightRank: control.weightCount - 1, expectedInputRank: control.inputCount - 1,
            analysis: analysis, settings: settings, generator: &generator)
        return RunRecord(identity: identity, environment: RunEnvironmentProbe.current(threads: threads), datasetFiles: [],
                         parameters: ParameterCounts(classical: 0, quantum: circuit.weightCount,
                                                     byTensor: [NamedCount(name: "weights", count: circuit.weightCount)]),
                         epochs: [], confusion: ConfusionMatrix(classNames: []),
                         jacobianRank: JacobianSpectra(circuits: [model, controlSpectra]))
    }

    static func spectra(of circuit: Circuit, name: String, description: String, expectedWeightRank: Int, expectedInputRank: Int,
                        analysis: JacobianRank, settings: Int, generator: inout SeededGenerator) -> CircuitSpectra {
        func angles(_ count: Int) -> [Double] { (0..<count).map { _ in 2 * Double.pi * generator.nextUnit() } }
        let draws = analysis.stackedDraws
        var weightSpectra: [SingularSpectrum] = []
        for _ in 0..<settings {
            let weights = angles(circuit.weightCount)
            let inputs = (0..<draws).map { _ in angles(circuit.inputCount) }
            let adjoint = inputs.flatMap { adjointRows(of: circuit, inputs: $0, weights: weights).weights }
            let shifted = Simulator.parameterShiftJacobian(of: circuit, inputs: inputs.flatMap { $0 }, batch: draws, weights: weights)
            weightSpectra.append(spectrum(adjoint, columns: circuit.weightCount, reference: shifted.weightJacobian, analysis: analysis))
        }
        var inputSpectra: [SingularSpectrum] = []
        for _ in 0..<settings {
            let inputs = angles(circuit.inputCount)
            let weightSets = (0..<draws).map { _ in angles(circuit.weightCount) }
            let adjoint = weightSets.flatMap { adjointRows(of: circuit, inputs: inputs, weights: $0).inputs }
            let shifted = weightSets.flatMap {
                Simulator.parameterShiftJacobian(of: circuit, inputs: inputs, batch: 1, weights: $0).inputJacobian
            }
            inputSpectra.append(spectrum(adjoint, columns: circuit.inputCount, reference: shifted, analysis: analysis))
        }
        return CircuitSpectra(name: name, description: description, weightCount: circuit.weightCount, inputCount: circuit.inputCount,
                              expectedWeightRank: expectedWeightRank, expectedInputRank: expectedInputRank,
                              weightSpectra: weightSpectra, inputSpectra: inputSpectra)
    }

    /// The Jacobian rows of one sample, one per output `k`: `∂⟨O_k⟩/∂weights` and `∂⟨O_k⟩/∂inputs`, each row the adjoint
    /// vector-Jacobian product with the unit vector `e_k`.
    static func adjointRows(of circuit: Circuit, inputs: [Double], weights: [Double]) -> (weights: [Double], inputs: [Double]) {
        var weightRows: [Double] = [], inputRows: [Double] = []
        let outputs = circuit.observables.count
        for k in 0..<outputs {
            var unit = [Double](repeating: 0, count: outputs)
            unit[k] = 1
            let result = Simulator.adjointVectorJacobian(of: circuit, inputs: inputs, batch: 1, weights: weights, outputGradients: unit)
            weightRows += result.weightGradients
            inputRows += result.inputGradients
        }
        return (weightRows, inputRows)
    }

    static func spectrum(_ jacobian: [Double], columns: Int, reference: [Double], analysis: JacobianRank) -> SingularSpectrum {
        precondition(jacobian.count == reference.count, "JacobianRankRun: adjoint and parameter-shift Jacobians differ in size")
        let rows = jacobian.count / columns
        let values = SingularValues.of(jacobian, rows: rows, columns: columns)
        let tolerance = SingularValues.tolerance(values, rows: rows, columns: columns, factor: analysis.toleranceFactor)
        let discrepancy = zip(jacobian, reference).reduce(0) { max($0, abs($1.0 - $1.1)) }
        return SingularSpectrum(rows: rows, columns: columns, singularValues: values, tolerance: tolerance,
                                rank: SingularValues.rank(values, tolerance: tolerance), jacobianDiscrepancy: discrepancy)
    }
}
