import Foundation
import QuantumSim
import TestSupport

/// `fixtures/quantum/pennylane_goldens.json`, written by `fixtures/generators/quantum_goldens.py`.
struct PennyLaneGoldens: Decodable {
    struct GateMatrix: Decodable {
        let gate: Gate
        let angle: Double
        let real: [Double]
        let imag: [Double]
    }

    /// One circuit on a batch, with PennyLane's results (layouts as in the generator's docstring).
    struct Case: Decodable {
        let circuit: Circuit
        let inputs: [Double]
        let batch: Int
        let weights: [Double]
        let expectations: [Double]
        let inputJacobian: [Double]
        let weightJacobian: [Double]
        let stateReal: [Double]
        let stateImag: [Double]
        let embedding: Embedding?
        /// `qml.var` of each observable, `[batch, observables]` (extended random circuits only).
        let variances: [Double]?
        /// The wires of `probabilities` (extended random circuits only).
        let probabilityWires: [Int]?
        /// `qml.probs(wires: probabilityWires)`, `[batch, 2^probabilityWires.count]`.
        let probabilities: [Double]?
        /// The template a template case applies after `AngleEmbedding(x)` on every wire.
        let template: Template?
    }

    /// A template's PennyLane arguments.
    struct Template: Decodable {
        let name: String
        let layers: Int
        let wires: [Int]
        let rotation: Gate?
        let ranges: [Int]?
        let imprimitive: Gate?
    }

    /// How an angle-embedding case's circuit starts (the rest is `circuit.operations`).
    struct Embedding: Decodable {
        let rotation: AngleEmbedding.Rotation
        let scale: Double
        let wires: [Int]
        let firstInput: Int
    }

    let versions: [String: String]
    let gateMatrices: [GateMatrix]
    let gateCases: [Case]
    let angleEmbedding: [Case]
    let hqnnQuanv: Case
    let randomCircuits: [Case]

    static let shared: PennyLaneGoldens = {
        do { return try Fixtures.json(PennyLaneGoldens.self, "quantum/pennylane_goldens.json") } catch {
            fatalError("cannot read fixtures/quantum/pennylane_goldens.json: \(error)")
        }
    }()
}

/// `fixtures/quantum/pennylane_extended.json` (same generator): every gate, Pauli-string observables,
/// variances and probabilities, random circuits of 1-10 qubits.
struct PennyLaneExtendedGoldens: Decodable {
    struct GateMatrix: Decodable {
        let gate: Gate
        let angles: [Double]
        let real: [Double]
        let imag: [Double]
    }

    let versions: [String: String]
    let gateMatrices: [GateMatrix]
    let gateCases: [PennyLaneGoldens.Case]
    let randomCircuits: [PennyLaneGoldens.Case]
    let templates: [PennyLaneGoldens.Case]
    let amplitudeEmbedding: [PennyLaneGoldens.Case]

    static let shared: PennyLaneExtendedGoldens = {
        do { return try Fixtures.json(PennyLaneExtendedGoldens.self, "quantum/pennylane_extended.json") } catch {
            fatalError("cannot read fixtures/quantum/pennylane_extended.json: \(error)")
        }
    }()
}
