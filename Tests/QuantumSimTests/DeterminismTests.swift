import Foundation
@testable import QuantumSim
import Testing
import TestSupport

/// Results do not depend on the thread count, on repetition, or (per sample) on how a batch is split.
@Suite struct DeterminismTests {
    /// A training step's worth of HQNN-Quanv patches: 32 images × 49 patches.
    static let batch = 32 * 49

    static func data() -> (inputs: [Double], weights: [Double], g: [Double]) {
        var rng = SplitMix64(seed: 2024)
        return (rng.uniformArray(batch * 4, 0, 1), rng.uniformArray(4, 0, 2 * .pi), rng.uniformArray(batch * 4, -1, 1))
    }

    @Test func parallelEqualsSerialBitwise() {
        let (inputs, weights, g) = Self.data()
        let circuit = Circuit.hqnnQuanv()
        let parallel = Simulator.adjointVectorJacobian(of: circuit, inputs: inputs, batch: Self.batch, weights: weights,
                                                       outputGradients: g, concurrently: true)
        let serial = Simulator.adjointVectorJacobian(of: circuit, inputs: inputs, batch: Self.batch, weights: weights,
                                                     outputGradients: g, concurrently: false)
        #expect(parallel == serial)
        #expect(Simulator.expectations(of: circuit, inputs: inputs, batch: Self.batch, weights: weights,
                                       concurrently: false) == parallel.expectations)
        let again = Simulator.adjointVectorJacobian(of: circuit, inputs: inputs, batch: Self.batch, weights: weights,
                                                    outputGradients: g)
        #expect(again == parallel)
    }

    /// Splitting the batch in two calls (at a point that is not a chunk boundary) gives the same
    /// per-sample values bitwise; the batch-summed weight gradients agree up to summation order.
    @Test func splitBatchGivesTheSameSamples() {
        let (inputs, weights, g) = Self.data()
        let circuit = Circuit.hqnnQuanv()
        let whole = Simulator.adjointVectorJacobian(of: circuit, inputs: inputs, batch: Self.batch, weights: weights,
                                                    outputGradients: g)
        let cut = 701
        let first = Simulator.adjointVectorJacobian(of: circuit, inputs: Array(inputs[..<(cut * 4)]), batch: cut,
                                                    weights: weights, outputGradients: Array(g[..<(cut * 4)]))
        let second = Simulator.adjointVectorJacobian(of: circuit, inputs: Array(inputs[(cut * 4)...]),
                                                     batch: Self.batch - cut, weights: weights,
                                                     outputGradients: Array(g[(cut * 4)...]))
        #expect(first.expectations + second.expectations == whole.expectations)
        #expect(first.inputGradients + second.inputGradients == whole.inputGradients)
        for j in 0..<4 {
            #expect(Tolerance.close(first.weightGradients[j] + second.weightGradients[j], whole.weightGradients[j],
                                    abs: Tolerance.quantumRounding, rel: Tolerance.quantumRounding))
        }
        #expect(Simulator.expectations(of: circuit, inputs: inputs, batch: Self.batch, weights: weights)
                == whole.expectations)
    }

    /// Per-sample sums run in an order fixed by the state size alone (`PauliKernel.pairSum`: one accumulator
    /// below 2^10 amplitudes, four partial sums from there), so a sample computed alone (one lane, samples
    /// innermost) equals the same sample in a batch of five (eight lanes, lanes innermost), bitwise.
    @Test func samplesAloneEqualSamplesInABatchBitwise() throws {
        var rng = SplitMix64(seed: 99)
        for n in [4, 10] {
            let circuit = try randomCircuit(wireCount: n, inputCount: 2, weightCount: 3, operationCount: 3 * n,
                                            using: &rng)
            let batch = 5, k = circuit.observables.count
            let inputs = rng.uniformArray(batch * 2, -2, 2), weights = rng.uniformArray(3, -3, 3)
            let g = rng.uniformArray(batch * k, -1, 1)
            let together = Simulator.adjointVectorJacobian(of: circuit, inputs: inputs, batch: batch, weights: weights,
                                                           outputGradients: g)
            for b in 0..<batch {
                let alone = Simulator.adjointVectorJacobian(of: circuit, inputs: Array(inputs[(2 * b)..<(2 * b + 2)]),
                                                            batch: 1, weights: weights,
                                                            outputGradients: Array(g[(k * b)..<(k * b + k)]))
                #expect(alone.expectations == Array(together.expectations[(k * b)..<(k * b + k)]), "n \(n), sample \(b)")
                #expect(alone.inputGradients == Array(together.inputGradients[(2 * b)..<(2 * b + 2)]),
                        "n \(n), sample \(b)")
            }
        }
    }

    /// Chunks have a fixed size that depends only on the state size: 64 samples up to 4 qubits, 32 from 5 to 11
    /// qubits (a batch of 64 is two chunks, one per core), then `2^16 / 2^n` (2 at 15 qubits), at least 1.
    @Test func chunkSizeDependsOnlyOnTheStateSize() {
        #expect(BatchChunks.samplesPerChunk(wireCount: 1) == 64)
        #expect(BatchChunks.samplesPerChunk(wireCount: 4) == 64)
        #expect(BatchChunks.samplesPerChunk(wireCount: 5) == 32)
        #expect(BatchChunks.samplesPerChunk(wireCount: 11) == 32)
        #expect(BatchChunks.samplesPerChunk(wireCount: 12) == 16)
        #expect(BatchChunks.samplesPerChunk(wireCount: 15) == 2)
        #expect(BatchChunks.samplesPerChunk(wireCount: 20) == 1)
        // 1568 = 24 · 64 + 32: 25 chunks, the last one 1536..<1568.
        let chunks = BatchChunks(batch: Self.batch, wireCount: 4)
        #expect(chunks.count == 25)
        #expect(chunks.samples(24) == 1536..<1568)
        #expect(BatchChunks(batch: 64, wireCount: 5).count == 2)
    }
}
