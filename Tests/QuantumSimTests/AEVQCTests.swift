import Foundation
import QuantumSim
import Testing
import TestSupport

/// The AE-VQC ansatzes (Chen 2024, Fig. 5) against PennyLane and against the paper's parameter counts.
@Suite struct AEVQCTests {
    let goldens = PaperGoldens.shared

    @Test func goldensComeFromThePinnedPennyLane() {
        #expect(goldens.versions["pennylane"] == "0.45.1")
    }

    /// Amplitude embedding, both ansatzes, chain and ring, 1-5 qubits: values, states and Jacobians
    /// (features and weights) at `Tolerance.pennyLane`.
    @Test func smallRegistersMatchPennyLane() throws {
        #expect(goldens.aeVQC.count == 8)
        #expect(Set(goldens.aeVQCArguments.map(\.aeVQC.ansatz)) == Set(AEVQCAnsatz.allCases))
        for (golden, arguments) in zip(goldens.aeVQC, goldens.aeVQCArguments) {
            let a = arguments.aeVQC
            let circuit = try Circuit.aeVQC(ansatz: a.ansatz, layers: a.layers, wireCount: a.wireCount,
                                            featureCount: a.featureCount, entangler: a.entangler)
            #expect(circuit.weightCount == golden.circuit.weightCount)
            #expect(circuit.amplitudeEmbedding == golden.circuit.amplitudeEmbedding)
            checkAgainstGolden(golden, circuit: circuit)
        }
    }

    /// The paper's 15-qubit head on 25088 features (ResNet-18's 512×7×7): outputs, weight gradients and
    /// feature gradients of `Σ outputs` against PennyLane.
    @Test func fifteenQubitHeadOnResNetFeaturesMatchesPennyLane() throws {
        #expect(goldens.aeVQCFull.count == 2)
        for golden in goldens.aeVQCFull {
            let a = golden.aeVQC
            #expect(a.wireCount == 15 && a.featureCount == 25088)
            let circuit = try Circuit.aeVQC(ansatz: a.ansatz, layers: a.layers, entangler: a.entangler)
            let features = (0..<golden.batch).flatMap { b in
                (0..<a.featureCount).map { j in sin(0.37 * Double(j) + 1.1 * Double(b)) + 0.5 }
            }
            let r = Simulator.adjointVectorJacobian(of: circuit, inputs: features, batch: golden.batch,
                                                    weights: golden.weights,
                                                    outputGradients: Array(repeating: 1, count: golden.batch * 15))
            #expect(Tolerance.maxAbsDifference(r.expectations, golden.expectations) <= Tolerance.pennyLane)
            #expect(Tolerance.maxAbsDifference(r.weightGradients, golden.weightGradients) <= Tolerance.pennyLane)
            let picked = (0..<golden.batch).flatMap { b in golden.featureIndices.map { r.inputGradients[b * a.featureCount + $0] } }
            #expect(Tolerance.maxAbsDifference(picked, golden.featureGradients) <= Tolerance.pennyLane)
        }
    }

    /// Parameter counts after the backbone in the paper's Table 3 (ResNet-18_q, D = 1): the quantum weights
    /// plus a Linear(15, classes) with bias — Croatian Fish (Ansatz 2, 12 classes) 222, Aircraft (Ansatz 1,
    /// 8 classes) 143, BUSI (Ansatz 1, 3 classes) 63.
    @Test func weightCountsMatchThePapersParameterCounts() {
        func total(_ ansatz: AEVQCAnsatz, classes: Int) -> Int {
            ansatz.weightCount(layers: 1, wireCount: 15) + 15 * classes + classes
        }
        #expect(total(.ansatz2, classes: 12) == 222)
        #expect(total(.ansatz1, classes: 8) == 143)
        #expect(total(.ansatz1, classes: 3) == 63)
        #expect(AEVQCAnsatz.ansatz1.weightCount(layers: 3, wireCount: 15) == 45) // "15D" with D = 3
    }

    /// The gate sequence written out by hand for 3 wires, 2 layers (Ansatz 2, ring).
    @Test func ansatzTwoGateSequence() throws {
        let ops = try AEVQCAnsatz.ansatz2.operations(layers: 2, wires: [0, 1, 2], entangler: .ring, firstWeight: 5)
        var expected: [Operation] = [0, 1, 2].map { Operation(gate: .hadamard, wires: [$0]) }
        for l in 0..<2 {
            for i in 0..<3 {
                expected.append(.ry(i, .weight(index: 5 + (l * 3 + i) * 2)))
                expected.append(.rz(i, .weight(index: 5 + (l * 3 + i) * 2 + 1)))
            }
            expected += [.cnot(0, 1), .cnot(1, 2), .cnot(2, 0)]
        }
        #expect(ops == expected)
        let chain = try AEVQCAnsatz.ansatz2.operations(layers: 1, wires: [0, 1, 2])
        #expect(chain.filter { $0.gate == .cnot } == [.cnot(0, 1), .cnot(1, 2)])
        #expect(try AEVQCAnsatz.ansatz1.operations(layers: 1, wires: [2, 0]) == [.ry(2, .weight(index: 0)), .ry(0, .weight(index: 1))])
    }

    @Test func invalidArgumentsThrowOneLine() {
        #expect(throws: TemplateError.self) { try AEVQCAnsatz.ansatz1.operations(layers: -1, wires: [0]) }
        #expect(throws: TemplateError.self) { try AEVQCAnsatz.ansatz2.operations(layers: 1, wires: []) }
        #expect(throws: CircuitError.self) { try Circuit.aeVQC(ansatz: .ansatz1, layers: 1, wireCount: 2, featureCount: 5) }
    }
}
