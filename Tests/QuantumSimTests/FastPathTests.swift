import Foundation
@testable import QuantumSim
import Testing
import TestSupport

/// The simulator's fast paths against the plain computation they replace: the batched sine/cosine against
/// Foundation's, a fused basis permutation against its gates one by one, and the product-state prefix against
/// applying every gate to `|0…0⟩`.
@Suite struct FastPathTests {
    @Test func sinCosMatchesFoundation() {
        var rng = SplitMix64(seed: 77)
        // Quadrant boundaries (multiples of π/4, just below and above), then random angles of several magnitudes,
        // then values that take the Foundation fallback.
        var angles: [Double] = []
        for k in -40...40 {
            let x = Double(k) * .pi / 4
            angles += [x, x.nextDown, x.nextUp]
        }
        angles += rng.uniformArray(300, -10, 10) + rng.uniformArray(100, -1e6, 1e6) + rng.uniformArray(20, -6e7, 6e7)
        angles += [0, -0.0, 0x1p26, -0x1p26, 1e30, .infinity, -.infinity, .nan]
        var sines = [Double](repeating: 0, count: angles.count), cosines = sines
        angles.withUnsafeBufferPointer { x in
            SinCos.evaluate(x.baseAddress!, count: x.count, sines: &sines, cosines: &cosines)
        }
        for (i, x) in angles.enumerated() {
            if x.isFinite {
                #expect(abs(sines[i] - sin(x)) <= Tolerance.quantumRounding, "sin(\(x))")
                #expect(abs(cosines[i] - cos(x)) <= Tolerance.quantumRounding, "cos(\(x))")
            } else {
                #expect(sines[i].isNaN && cosines[i].isNaN, "sin/cos(\(x))")
            }
        }
    }

    @Test func fusedPermutationEqualsItsGatesOneByOne() {
        var rng = SplitMix64(seed: 5)
        let gates: [Gate] = [.cnot, .swap, .pauliX]
        for n in 1...6 {
            for lanes in [1, 4] {
                let dimension = 1 << n, count = dimension * lanes
                var run: [(gate: Gate, strides: (Int, Int))] = []
                for _ in 0..<(1 + rng.index(8)) {
                    let gate = n == 1 ? .pauliX : gates[rng.index(3)]
                    let a = rng.index(n), b = (a + 1 + rng.index(max(n - 1, 1))) % n
                    run.append((gate, (1 << (n - 1 - a), gate == .pauliX ? 0 : 1 << (n - 1 - b))))
                }
                let re0 = rng.uniformArray(count, -1, 1), im0 = rng.uniformArray(count, -1, 1)
                var seqRe = re0, seqIm = im0, fusedRe = re0, fusedIm = im0
                for (gate, (s0, s1)) in run {
                    gate.kernel(angle: 0, strides: (s0 * lanes, s1 * lanes)).apply(re: &seqRe, im: &seqIm, count: count)
                }
                let storage = BasisPermutation.Storage()
                let p = BasisPermutation(run, dimension: dimension, storage: storage)
                p.apply(re: &fusedRe, im: &fusedIm, count: count)
                // Pure moves: bitwise equal.
                #expect(fusedRe == seqRe && fusedIm == seqIm, "n \(n), lanes \(lanes), \(run.map(\.gate))")
                p.inverted.apply(re: &fusedRe, im: &fusedIm, count: count)
                #expect(fusedRe == re0 && fusedIm == im0, "inverse, n \(n), lanes \(lanes)")
            }
        }
    }

    /// Embedding and first rotation layers (the product-state prefix), some with gates on a wire after CNOTs on
    /// others: the same expectations and states as with every gate applied to the state.
    @Test func productStatePrefixEqualsGateByGate() throws {
        var rng = SplitMix64(seed: 31)
        for n in 1...6 {
            let batch = 3
            let circuit = try randomCircuit(wireCount: n, inputCount: 3, weightCount: 4, operationCount: 12 + 2 * n,
                                            using: &rng)
            let inputs = rng.uniformArray(batch * 3, -2, 2), weights = rng.uniformArray(4, -3, 3)
            let lanes = BatchChunks(batch: batch, wireCount: n).lanes
            let plain = CompiledCircuit(circuit, weights: weights, lanes: lanes, productState: false)
            let product = CompiledCircuit(circuit, weights: weights, lanes: lanes)
            #expect(plain.prefixCount == 0)
            let a = Simulator.expectations(of: plain, inputs: inputs, batch: batch, concurrently: false)
            let b = Simulator.expectations(of: product, inputs: inputs, batch: batch, concurrently: false)
            #expect(Tolerance.maxAbsDifference(a, b) <= Tolerance.quantumRounding, "n \(n)")
        }
        // A circuit whose whole start is a product state, with a rotation on wire 2 after a CNOT on wires 0, 1.
        let circuit = try Circuit(wireCount: 3, inputCount: 3, weightCount: 2,
                                  operations: AngleEmbedding.operations(wires: [0, 1, 2]) + [
                                      .ry(0, .weight(index: 0)), .cnot(0, 1), .rz(2, .weight(index: 1)),
                                      .rot(2, .input(index: 0, scale: 0.5), .constant(0.3), .weight(index: 1)),
                                      .cnot(1, 2)],
                                  observables: [.pauliZ(wire: 0), .pauliY(wire: 2)])
        let product = CompiledCircuit(circuit, weights: [0.4, -1.2], lanes: 2)
        #expect(product.prefixCount == 3 + 1 + 1 + 3)
        // The two CNOTs are then adjacent and become one permutation.
        #expect(product.operations.count == 1)
        let inputs = [0.3, -0.7, 1.9, 2.2, 0.1, -1.4]
        let plain = CompiledCircuit(circuit, weights: [0.4, -1.2], lanes: 2, productState: false)
        #expect(Tolerance.maxAbsDifference(
            Simulator.expectations(of: plain, inputs: inputs, batch: 2, concurrently: false),
            Simulator.expectations(of: product, inputs: inputs, batch: 2, concurrently: false))
            <= Tolerance.quantumRounding)
    }
}
