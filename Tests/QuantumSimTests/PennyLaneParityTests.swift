import Foundation
import QuantumSim
import Testing
import TestSupport

/// Values, states and gradients against PennyLane 0.45.1 `default.qubit` (complex128), at `Tolerance.pennyLane`.
@Suite struct PennyLaneParityTests {
    let goldens = PennyLaneGoldens.shared

    @Test func goldensComeFromThePinnedPennyLane() {
        #expect(goldens.versions["pennylane"] == "0.45.1")
    }

    @Test func gateMatricesMatchQmlMatrix() {
        #expect(goldens.gateMatrices.count == 16)
        for golden in goldens.gateMatrices {
            let m = golden.gate.matrix(angle: golden.angle)
            let expected = ComplexMatrix(dimension: m.dimension,
                                         entries: zip(golden.real, golden.imag).map { Complex($0, $1) })
            #expect(m.maxDistance(to: expected) <= Tolerance.pennyLane, "\(golden.gate) at \(golden.angle)")
        }
    }

    @Test func eachGateAloneOnEveryWire() {
        // 3 rotations × (1 + 2 + 3 wires) × 3 angles + CNOT in every ordered pair of 2 and 3 wires.
        #expect(goldens.gateCases.count == 3 * 6 * 3 + 2 + 6)
        for golden in goldens.gateCases { check(golden) }
    }

    @Test func angleEmbeddingTemplateMatchesQmlAngleEmbedding() throws {
        #expect(goldens.angleEmbedding.map { $0.embedding?.rotation } == [.x, .y, .z])
        for golden in goldens.angleEmbedding {
            let e = try #require(golden.embedding)
            let c = golden.circuit
            let circuit = try Circuit(
                wireCount: c.wireCount, inputCount: c.inputCount, weightCount: c.weightCount,
                operations: AngleEmbedding.operations(wires: e.wires, rotation: e.rotation, scale: e.scale,
                                                      firstInput: e.firstInput) + c.operations,
                observables: c.observables)
            check(golden, circuit: circuit)
        }
    }

    @Test func hqnnQuanvTemplateMatchesTheAnchorCircuit() {
        let golden = goldens.hqnnQuanv
        #expect(Circuit.hqnnQuanv() == golden.circuit)
        #expect(golden.batch == 8)
        check(golden, circuit: .hqnnQuanv())
    }

    @Test func randomCircuitsOfOneToSixQubits() {
        #expect(goldens.randomCircuits.count == 20)
        #expect(Set(goldens.randomCircuits.map(\.circuit.wireCount)) == Set(1...6))
        for golden in goldens.randomCircuits { check(golden) }
    }

    @Test func everyGateMatrixMatchesQmlMatrix() {
        let extended = PennyLaneExtendedGoldens.shared
        #expect(extended.versions["pennylane"] == "0.45.1")
        // 7 one-angle gates × 3 angles, Rot × 2 angle sets, 9 fixed gates.
        #expect(extended.gateMatrices.count == 7 * 3 + 2 + 9)
        #expect(Set(extended.gateMatrices.map(\.gate)) == Set(Gate.allCases))
        for golden in extended.gateMatrices {
            let m = golden.gate.matrix(angles: golden.angles)
            let expected = ComplexMatrix(dimension: m.dimension,
                                         entries: zip(golden.real, golden.imag).map { Complex($0, $1) })
            #expect(m.maxDistance(to: expected) <= Tolerance.pennyLane, "\(golden.gate) at \(golden.angles)")
        }
    }

    @Test func everyGateInEveryPlacementWithPauliStringObservables() {
        let cases = PennyLaneExtendedGoldens.shared.gateCases
        // 11 one-wire gates × 3 wires + 6 two-wire gates × 6 ordered pairs.
        #expect(cases.count == 11 * 3 + 6 * 6)
        #expect(Set(cases.flatMap { $0.circuit.operations.map(\.gate) }) == Set(Gate.allCases))
        for golden in cases { check(golden) }
    }

    @Test func randomCircuitsOfOneToTenQubitsOverEveryGate() throws {
        let cases = PennyLaneExtendedGoldens.shared.randomCircuits
        #expect(cases.count == 20)
        #expect(Set(cases.map(\.circuit.wireCount)) == Set(1...10))
        for golden in cases {
            check(golden)
            let circuit = golden.circuit
            let variances = try #require(golden.variances)
            let wires = try #require(golden.probabilityWires)
            let probabilities = try #require(golden.probabilities)
            let v = Simulator.variances(of: circuit, inputs: golden.inputs, batch: golden.batch, weights: golden.weights)
            #expect(Tolerance.maxAbsDifference(v, variances) <= Tolerance.pennyLane)
            let p = Simulator.probabilities(of: circuit, inputs: golden.inputs, batch: golden.batch,
                                            weights: golden.weights, wires: wires)
            #expect(Tolerance.maxAbsDifference(p, probabilities) <= Tolerance.pennyLane)
        }
    }

    @Test func entanglerTemplatesMatchPennyLane() throws {
        let cases = PennyLaneExtendedGoldens.shared.templates
        #expect(cases.count == 9)
        for golden in cases {
            let t = try #require(golden.template)
            let c = golden.circuit
            let body: [Operation] = t.name == "basicEntanglerLayers"
                ? try BasicEntanglerLayers.operations(layers: t.layers, wires: t.wires, rotation: try #require(t.rotation))
                : try StronglyEntanglingLayers.operations(layers: t.layers, wires: t.wires, ranges: t.ranges,
                                                          imprimitive: try #require(t.imprimitive))
            let weightCount = t.name == "basicEntanglerLayers"
                ? BasicEntanglerLayers.weightCount(layers: t.layers, wireCount: t.wires.count)
                : StronglyEntanglingLayers.weightCount(layers: t.layers, wireCount: t.wires.count)
            #expect(weightCount == c.weightCount)
            let circuit = try Circuit(wireCount: c.wireCount, inputCount: c.inputCount, weightCount: c.weightCount,
                                      operations: AngleEmbedding.operations(wires: Array(0..<c.wireCount)) + body,
                                      observables: c.observables)
            check(golden, circuit: circuit)
        }
    }

    /// Padding before normalising, and gradients w.r.t. the features through the normalisation.
    @Test func amplitudeEmbeddingMatchesPennyLaneWithFeatureGradients() {
        let cases = PennyLaneExtendedGoldens.shared.amplitudeEmbedding
        #expect(cases.count == 4)
        #expect(cases.allSatisfy { $0.circuit.amplitudeEmbedding != nil })
        for golden in cases { check(golden) }
    }

    private func check(_ golden: PennyLaneGoldens.Case, circuit: Circuit? = nil,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        checkAgainstGolden(golden, circuit: circuit, sourceLocation: sourceLocation)
    }
}
