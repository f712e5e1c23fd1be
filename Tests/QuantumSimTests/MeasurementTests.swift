import Foundation
import QuantumSim
import Testing
import TestSupport

/// Shot sampling: reproducible from the seed, and statistically consistent with the exact values.
@Suite struct MeasurementTests {
    /// `RY(θ)` on wire 0, CNOT: `⟨Z_0⟩ = cos θ` (hand-derived), probabilities `(cos²(θ/2), 0, 0, sin²(θ/2))`.
    static func bell(_ theta: Double) throws -> Circuit {
        try Circuit(wireCount: 2, inputCount: 1, weightCount: 0,
                    operations: [.ry(0, .input(index: 0, scale: 1)), .cnot(0, 1)],
                    observables: [.pauliZ(wire: 0), Observable([.init(.z, wire: 0), .init(.z, wire: 1)])])
    }

    @Test func sampledExpectationsAreReproducibleAndWithinFiveSigma() throws {
        let circuit = try Self.bell(0)
        let inputs = [0.4, 1.9, 3.0]
        let shots = 4000
        var a = SplitMix64(seed: 9), b = SplitMix64(seed: 9), c = SplitMix64(seed: 10)
        let first = Simulator.sampledExpectations(of: circuit, inputs: inputs, batch: 3, weights: [], shots: shots, using: &a)
        let again = Simulator.sampledExpectations(of: circuit, inputs: inputs, batch: 3, weights: [], shots: shots, using: &b)
        let other = Simulator.sampledExpectations(of: circuit, inputs: inputs, batch: 3, weights: [], shots: shots, using: &c)
        #expect(first == again)
        #expect(first != other)
        for (s, theta) in inputs.enumerated() {
            // Z0 has mean cos θ and per-shot variance sin² θ; Z0 Z1 is always +1 on this state.
            let sigma = (sin(theta) * sin(theta) / Double(shots)).squareRoot()
            #expect(abs(first[2 * s] - cos(theta)) <= 5 * sigma)
            #expect(first[2 * s + 1] == 1)
        }
    }

    @Test func sampledBasisStatesFollowTheProbabilities() throws {
        let circuit = try Self.bell(0)
        let theta = 1.2, shots = 5000
        var g = SplitMix64(seed: 3)
        let samples = Simulator.sampledBasisStates(of: circuit, inputs: [theta], batch: 1, weights: [], shots: shots, using: &g)
        #expect(samples.count == shots)
        #expect(samples.allSatisfy { $0 == 0 || $0 == 3 })
        let p3 = sin(theta / 2) * sin(theta / 2)
        let observed = Double(samples.filter { $0 == 3 }.count) / Double(shots)
        #expect(abs(observed - p3) <= 5 * (p3 * (1 - p3) / Double(shots)).squareRoot())
        let probabilities = Simulator.probabilities(of: circuit, inputs: [theta], batch: 1, weights: [], wires: [1, 0])
        #expect(Tolerance.maxAbsDifference(probabilities, [1 - p3, 0, 0, p3]) <= Tolerance.quantumRounding)
    }
}
