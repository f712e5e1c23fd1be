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
