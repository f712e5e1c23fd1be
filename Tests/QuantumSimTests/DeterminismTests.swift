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

    /// Chunks have a fixed size that depends only on the state size: 64 samples up to 10 qubits.
    @Test func chunkSizeDependsOnlyOnTheStateSize() {
        #expect(BatchChunks.samplesPerChunk(wireCount: 4) == 64)
        #expect(BatchChunks.samplesPerChunk(wireCount: 10) == 64)
        #expect(BatchChunks.samplesPerChunk(wireCount: 15) == 2)
        #expect(BatchChunks.samplesPerChunk(wireCount: 20) == 1)
        let chunks = BatchChunks(batch: Self.batch, wireCount: 4)
        #expect(chunks.count == 25)
        #expect(chunks.samples(24) == 1536..<1568)
    }
}
