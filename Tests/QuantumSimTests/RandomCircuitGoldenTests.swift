import Foundation
import QuantumSim
import Testing
import TestSupport

/// Random circuits of 1-15 qubits over every gate against PennyLane (`fixtures/quantum/pennylane_random.json`,
/// written by `fixtures/generators/quantum_random_goldens.py`).
@Suite struct RandomCircuitGoldenTests {
    struct Case: Decodable {
        let circuit: Circuit
        let inputs: [Double]
        let batch: Int
        let weights: [Double]
        let expectations: [Double]
        let inputJacobian: [Double]
        let weightJacobian: [Double]
    }

    struct File: Decodable {
        let versions: [String: String]
        let randomCircuits: [Case]
    }

    static let goldens: File = {
        do { return try Fixtures.json(File.self, "quantum/pennylane_random.json") } catch {
            fatalError("cannot read fixtures/quantum/pennylane_random.json: \(error)")
        }
    }()

    /// Expectations and full Jacobians by the adjoint method and by parameter shifts, each at `Tolerance.pennyLane`.
    @Test func adjointAndParameterShiftMatchPennyLaneUpToFifteenQubits() {
        let cases = Self.goldens.randomCircuits
        #expect(Self.goldens.versions["pennylane"] == "0.45.1")
        #expect(cases.count == 30)
        #expect(Set(cases.map(\.circuit.wireCount)) == Set(1...15))
        #expect(Set(cases.flatMap { $0.circuit.operations.map(\.gate) }) == Set(Gate.allCases))
        for golden in cases {
            let c = golden.circuit
            let label = "\(c.wireCount) wires, \(c.operations.count) operations"
            let values = Simulator.expectations(of: c, inputs: golden.inputs, batch: golden.batch, weights: golden.weights)
            #expect(Tolerance.maxAbsDifference(values, golden.expectations) <= Tolerance.pennyLane, "\(label)")
            let adjoint = adjointJacobians(of: c, inputs: golden.inputs, batch: golden.batch, weights: golden.weights)
            #expect(Tolerance.maxAbsDifference(adjoint.input, golden.inputJacobian) <= Tolerance.pennyLane, "\(label)")
            #expect(Tolerance.maxAbsDifference(adjoint.weight, golden.weightJacobian) <= Tolerance.pennyLane, "\(label)")
            let shifts = Simulator.parameterShiftJacobian(of: c, inputs: golden.inputs, batch: golden.batch,
                                                          weights: golden.weights)
            #expect(Tolerance.maxAbsDifference(shifts.inputJacobian, golden.inputJacobian) <= Tolerance.pennyLane, "\(label)")
            #expect(Tolerance.maxAbsDifference(shifts.weightJacobian, golden.weightJacobian) <= Tolerance.pennyLane, "\(label)")
        }
    }

    /// Every gate is unitary, so the final states keep norm 1 (rounding of a few dozen gates on ≤ 2^15 amplitudes).
    @Test func finalStatesKeepUnitNorm() {
        for golden in Self.goldens.randomCircuits {
            let s = Simulator.states(of: golden.circuit, inputs: golden.inputs, batch: golden.batch, weights: golden.weights)
            for b in 0..<golden.batch {
                var norm = 0.0
                for k in 0..<s.dimension { norm += s.amplitude(sample: b, index: k).magnitude * s.amplitude(sample: b, index: k).magnitude }
                #expect(abs(norm - 1) <= Tolerance.quantumRounding * 100, "\(golden.circuit.wireCount) wires")
            }
        }
    }
}
