import Foundation
import QuantumSim
import Testing
import TestSupport

/// The adjoint method against central finite differences and hand-derived derivatives.
@Suite struct AdjointTests {
    /// Random circuits of 1-6 qubits (every gate, parameter kind and observable kind, some with no inputs
    /// or no weights), batch 5: full Jacobians by the adjoint method vs parameter shifts vs central
    /// differences (step 1e-6).
    @Test func adjointParameterShiftAndFiniteDifferencesAgreeOnRandomCircuits() throws {
        var g = SplitMix64(seed: 42)
        for trial in 0..<18 {
            let n = 1 + trial % 6
            let inputCount = trial % 7 == 3 ? 0 : 1 + g.index(4)
            let weightCount = trial % 5 == 2 ? 0 : 1 + g.index(5)
            let circuit = try randomCircuit(wireCount: n, inputCount: inputCount, weightCount: weightCount,
                                            operationCount: 4 + g.index(20), using: &g)
            let batch = 5
            let inputs = g.uniformArray(batch * inputCount, -1, 2)
            let weights = g.uniformArray(weightCount, 0, 2 * .pi)
            let adjoint = adjointJacobians(of: circuit, inputs: inputs, batch: batch, weights: weights)
            let fd = Simulator.finiteDifferenceJacobian(of: circuit, inputs: inputs, batch: batch, weights: weights)
            #expect(fd.inputJacobian.count == adjoint.input.count && fd.weightJacobian.count == adjoint.weight.count)
            let shifts = Simulator.parameterShiftJacobian(of: circuit, inputs: inputs, batch: batch, weights: weights)
            #expect(Tolerance.maxAbsDifference(shifts.inputJacobian, fd.inputJacobian) <= Tolerance.quantumFiniteDifference,
                    "trial \(trial)")
            #expect(Tolerance.maxAbsDifference(shifts.weightJacobian, fd.weightJacobian) <= Tolerance.quantumFiniteDifference,
                    "trial \(trial)")
            #expect(Tolerance.maxAbsDifference(shifts.inputJacobian, adjoint.input) <= Tolerance.quantumRounding * 100,
                    "trial \(trial)")
            #expect(Tolerance.maxAbsDifference(adjoint.input, fd.inputJacobian) <= Tolerance.quantumFiniteDifference,
                    "trial \(trial)")
            // Weight gradients are summed over the batch; the per-sample Jacobian rows sum the same way.
            let k = circuit.observables.count
            for b in 0..<batch {
                for j in 0..<k {
                    for w in 0..<weightCount {
                        let index = (b * k + j) * weightCount + w
                        #expect(abs(adjoint.weight[index] - fd.weightJacobian[index]) <= Tolerance.quantumFiniteDifference,
                                "trial \(trial) sample \(b) observable \(j) weight \(w)")
                    }
                }
            }
        }
    }

    /// A batch of 150 (three chunks): `Jᵀg` for a random `g` against `Jᵀg` from finite-difference Jacobians.
    @Test func vectorJacobianProductOverSeveralChunks() throws {
        var g = SplitMix64(seed: 7)
        let circuit = try randomCircuit(wireCount: 5, inputCount: 3, weightCount: 4, operationCount: 24, using: &g)
        let batch = 150
        let inputs = g.uniformArray(batch * 3, 0, 1)
        let weights = g.uniformArray(4, 0, 2 * .pi)
        let outputGradients = g.uniformArray(batch * circuit.observables.count, -1, 1)
        let result = Simulator.adjointVectorJacobian(of: circuit, inputs: inputs, batch: batch, weights: weights,
                                                     outputGradients: outputGradients)
        let fd = Simulator.finiteDifferenceJacobian(of: circuit, inputs: inputs, batch: batch, weights: weights)
        let expected = transposedProduct(inputJacobian: fd.inputJacobian, weightJacobian: fd.weightJacobian,
                                         g: outputGradients, batch: batch, observables: circuit.observables.count,
                                         inputCount: 3, weightCount: 4)
        #expect(result.expectations == Simulator.expectations(of: circuit, inputs: inputs, batch: batch, weights: weights))
        #expect(Tolerance.maxAbsDifference(result.inputGradients, expected.input) <= Tolerance.quantumFiniteDifference)
        // The weight gradient sums 150 samples' finite-difference errors.
        #expect(Tolerance.maxAbsDifference(result.weightGradients, expected.weight) <= 150 * Tolerance.quantumFiniteDifference)
    }

    /// `RY(s·x)` then `RX(w)` on |0⟩: `⟨Z⟩ = cos(s·x)·cos(w)` (RY gives amplitudes (cos(sx/2), sin(sx/2)),
    /// real, so `⟨Z⟩ = cos(sx)`, and RX then scales the Bloch z component by cos w). Hence
    /// `∂/∂x = -s·sin(s·x)·cos(w)`, `∂/∂w = -cos(s·x)·sin(w)`.
    @Test func handDerivedOneQubitGradients() throws {
        let s = 2.5, w = 0.8
        let circuit = try Circuit(wireCount: 1, inputCount: 1, weightCount: 1,
                                  operations: [.ry(0, .input(index: 0, scale: s)), .rx(0, .weight(index: 0))],
                                  observables: [.pauliZ(wire: 0)])
        let xs = [0.0, 0.3, -1.2]
        let g = [1.0, -2.0, 0.5]
        let r = Simulator.adjointVectorJacobian(of: circuit, inputs: xs, batch: 3, weights: [w], outputGradients: g)
        for (b, x) in xs.enumerated() {
            #expect(abs(r.expectations[b] - cos(s * x) * cos(w)) <= Tolerance.quantumRounding)
            #expect(abs(r.inputGradients[b] - g[b] * -s * sin(s * x) * cos(w)) <= Tolerance.quantumRounding)
        }
        let weightGradient = zip(xs, g).map { x, gb in gb * -cos(s * x) * sin(w) }.reduce(0, +)
        #expect(abs(r.weightGradients[0] - weightGradient) <= Tolerance.quantumRounding)
    }

    /// Bell pair from `RY(θ)` + CNOT, then `RZ(c)` (no effect on Z): `⟨Z_0⟩ = ⟨Z_1⟩ = cos θ`;
    /// a constant angle and CNOT contribute no gradient.
    @Test func constantsAndEntanglersCarryNoGradient() throws {
        let circuit = try Circuit(wireCount: 2, inputCount: 0, weightCount: 1,
                                  operations: [.ry(0, .weight(index: 0)), .cnot(0, 1), .rz(1, .constant(0.7))],
                                  observables: [.pauliZ(wire: 0), .pauliZ(wire: 1)])
        let theta = 1.1
        let r = Simulator.adjointVectorJacobian(of: circuit, inputs: [], batch: 1, weights: [theta],
                                                outputGradients: [1, 1])
        #expect(Tolerance.maxAbsDifference(r.expectations, [cos(theta), cos(theta)]) <= Tolerance.quantumRounding)
        #expect(abs(r.weightGradients[0] - -2 * sin(theta)) <= Tolerance.quantumRounding)
        #expect(r.inputGradients.isEmpty)

        let fixed = try Circuit(wireCount: 2, inputCount: 1, weightCount: 1,
                                operations: [.rx(0, .constant(0.4)), .cnot(0, 1)],
                                observables: [.pauliZ(wire: 1)])
        let none = Simulator.adjointVectorJacobian(of: fixed, inputs: [0.5, 0.6], batch: 2, weights: [0.3],
                                                   outputGradients: [1, 1])
        #expect(none.inputGradients == [0, 0] && none.weightGradients == [0])
        #expect(Tolerance.maxAbsDifference(none.expectations, [cos(0.4), cos(0.4)]) <= Tolerance.quantumRounding)
    }

    /// The finite-difference Jacobian itself against PennyLane's autograd Jacobian (HQNN-Quanv goldens).
    @Test func finiteDifferencesMatchPennyLane() {
        let golden = PennyLaneGoldens.shared.hqnnQuanv
        let fd = Simulator.finiteDifferenceJacobian(of: golden.circuit, inputs: golden.inputs, batch: golden.batch,
                                                    weights: golden.weights)
        #expect(Tolerance.maxAbsDifference(fd.inputJacobian, golden.inputJacobian) <= Tolerance.quantumFiniteDifference)
        #expect(Tolerance.maxAbsDifference(fd.weightJacobian, golden.weightJacobian) <= Tolerance.quantumFiniteDifference)
    }

    @Test func emptyBatch() {
        let r = Simulator.adjointVectorJacobian(of: .hqnnQuanv(), inputs: [], batch: 0, weights: [1, 2, 3, 4],
                                                outputGradients: [])
        #expect(r.expectations.isEmpty && r.inputGradients.isEmpty && r.weightGradients == [0, 0, 0, 0])
        #expect(Simulator.expectations(of: .hqnnQuanv(), inputs: [], batch: 0, weights: [1, 2, 3, 4]).isEmpty)
    }

    /// Amplitude-embedded features (padded, normalised) in a batch of 70 (two chunks): the adjoint method's
    /// feature gradients against central differences, which perturb the unnormalised features.
    @Test func amplitudeEmbeddingFeatureGradientsMatchFiniteDifferences() throws {
        var g = SplitMix64(seed: 77)
        let body = try randomCircuit(wireCount: 4, inputCount: 12, weightCount: 3, operationCount: 20, using: &g)
        let circuit = try Circuit(wireCount: 4, inputCount: 12, weightCount: 3, operations: body.operations,
                                  observables: body.observables,
                                  amplitudeEmbedding: AmplitudeEmbedding(firstInput: 2, featureCount: 10, padding: 0.3))
        let batch = 70
        let inputs = g.uniformArray(batch * 12, -1, 1), weights = g.uniformArray(3, 0, 2 * .pi)
        let adjoint = adjointJacobians(of: circuit, inputs: Array(inputs[..<(2 * 12)]), batch: 2, weights: weights)
        let fd = Simulator.finiteDifferenceJacobian(of: circuit, inputs: Array(inputs[..<(2 * 12)]), batch: 2, weights: weights)
        #expect(Tolerance.maxAbsDifference(adjoint.input, fd.inputJacobian) <= Tolerance.quantumFiniteDifference)
        #expect(Tolerance.maxAbsDifference(adjoint.weight, fd.weightJacobian) <= Tolerance.quantumFiniteDifference)
        #expect(adjoint.input.contains { abs($0) > 1e-2 })
        let outputGradients = g.uniformArray(batch * circuit.observables.count, -1, 1)
        let vjp = Simulator.adjointVectorJacobian(of: circuit, inputs: inputs, batch: batch, weights: weights,
                                                  outputGradients: outputGradients)
        let full = Simulator.finiteDifferenceJacobian(of: circuit, inputs: inputs, batch: batch, weights: weights)
        let expected = transposedProduct(inputJacobian: full.inputJacobian, weightJacobian: full.weightJacobian,
                                         g: outputGradients, batch: batch, observables: circuit.observables.count,
                                         inputCount: 12, weightCount: 3)
        #expect(Tolerance.maxAbsDifference(vjp.inputGradients, expected.input) <= Tolerance.quantumFiniteDifference)
    }
}
