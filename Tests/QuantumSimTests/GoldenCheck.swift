import Foundation
import QuantumSim
import Testing
import TestSupport

/// Expectations, final states, full Jacobians by the adjoint method (unit output gradients) and
/// `Jᵀg` for a random `g` against the golden `Jᵀg`.
func checkAgainstGolden(_ golden: PennyLaneGoldens.Case, circuit: Circuit? = nil,
                        sourceLocation: SourceLocation = #_sourceLocation) {
    let circuit = circuit ?? golden.circuit
    let label = "\(circuit.wireCount) wires, \(circuit.operations.map(\.gate.rawValue))"
    let values = Simulator.expectations(of: circuit, inputs: golden.inputs, batch: golden.batch, weights: golden.weights)
    #expect(Tolerance.maxAbsDifference(values, golden.expectations) <= Tolerance.pennyLane, "\(label)",
            sourceLocation: sourceLocation)

    let states = Simulator.states(of: circuit, inputs: golden.inputs, batch: golden.batch, weights: golden.weights)
    #expect(Tolerance.maxAbsDifference(states.real, golden.stateReal) <= Tolerance.pennyLane, "\(label)",
            sourceLocation: sourceLocation)
    #expect(Tolerance.maxAbsDifference(states.imag, golden.stateImag) <= Tolerance.pennyLane, "\(label)",
            sourceLocation: sourceLocation)

    let jacobians = adjointJacobians(of: circuit, inputs: golden.inputs, batch: golden.batch, weights: golden.weights)
    #expect(Tolerance.maxAbsDifference(jacobians.input, golden.inputJacobian) <= Tolerance.pennyLane, "\(label)",
            sourceLocation: sourceLocation)
    #expect(Tolerance.maxAbsDifference(jacobians.weight, golden.weightJacobian) <= Tolerance.pennyLane, "\(label)",
            sourceLocation: sourceLocation)

    var rng = SplitMix64(seed: UInt64(golden.expectations.count))
    let g = rng.uniformArray(golden.expectations.count, -1, 1)
    let vjp = Simulator.adjointVectorJacobian(of: circuit, inputs: golden.inputs, batch: golden.batch,
                                              weights: golden.weights, outputGradients: g)
    let expected = transposedProduct(inputJacobian: golden.inputJacobian, weightJacobian: golden.weightJacobian,
                                     g: g, batch: golden.batch, observables: circuit.observables.count,
                                     inputCount: circuit.inputCount, weightCount: circuit.weightCount)
    #expect(vjp.expectations == values, sourceLocation: sourceLocation)
    #expect(Tolerance.maxAbsDifference(vjp.inputGradients, expected.input) <= Tolerance.pennyLane, "\(label)",
            sourceLocation: sourceLocation)
    #expect(Tolerance.maxAbsDifference(vjp.weightGradients, expected.weight) <= Tolerance.pennyLane, "\(label)",
            sourceLocation: sourceLocation)
}
