import Foundation
import QuantumSim
import Testing
import TestSupport

/// Parameter broadcasting against one shared-weight call per sample (an independent path: compiled
/// fixed kernels instead of per-sample ones).
@Suite struct BroadcastingTests {
    @Test func eachSampleMatchesItsOwnSharedWeightRun() throws {
        var g = SplitMix64(seed: 5)
        let circuit = try randomCircuit(wireCount: 4, inputCount: 3, weightCount: 5, operationCount: 25, using: &g)
        let batch = 6, k = circuit.observables.count
        let inputs = g.uniformArray(batch * 3, -1, 2), weightSets = g.uniformArray(batch * 5, 0, 2 * .pi)
        let outputGradients = g.uniformArray(batch * k, -1, 1)
        let values = Simulator.expectations(of: circuit, inputs: inputs, batch: batch, weightSets: weightSets)
        let r = Simulator.adjointVectorJacobian(of: circuit, inputs: inputs, batch: batch, weightSets: weightSets,
                                                outputGradients: outputGradients)
        #expect(r.expectations == values)
        for b in 0..<batch {
            let one = Simulator.adjointVectorJacobian(
                of: circuit, inputs: Array(inputs[(3 * b)..<(3 * b + 3)]), batch: 1,
                weights: Array(weightSets[(5 * b)..<(5 * b + 5)]), outputGradients: Array(outputGradients[(k * b)..<(k * b + k)]))
            #expect(Tolerance.maxAbsDifference(Array(values[(k * b)..<(k * b + k)]), one.expectations) <= Tolerance.quantumRounding)
            #expect(Tolerance.maxAbsDifference(Array(r.inputGradients[(3 * b)..<(3 * b + 3)]), one.inputGradients)
                    <= Tolerance.quantumRounding)
            #expect(Tolerance.maxAbsDifference(Array(r.weightGradients[(5 * b)..<(5 * b + 5)]), one.weightGradients)
                    <= Tolerance.quantumRounding)
        }
    }
}
