import Foundation
import QuantumSim
import Testing
import TestSupport

/// Circuit validation, error messages, JSON shape and the templates' structure.
@Suite struct CircuitTests {
    private func error(wireCount: Int = 2, inputCount: Int = 1, weightCount: Int = 1, _ operations: [Operation],
                       observables: [Observable] = [.pauliZ(wire: 0)], embedding: AmplitudeEmbedding? = nil) -> CircuitError? {
        do {
            _ = try Circuit(wireCount: wireCount, inputCount: inputCount, weightCount: weightCount,
                            operations: operations, observables: observables, amplitudeEmbedding: embedding)
            return nil
        } catch let e as CircuitError {
            return e
        } catch {
            return nil
        }
    }

    @Test func invalidCircuitsThrowClearMessages() {
        let cases: [(CircuitError?, String)] = [
            (error(wireCount: 0, [], observables: []), "circuit: wireCount is 0; expected 1...30"),
            (error(inputCount: -1, []), "circuit: inputCount is -1; expected 0 or more"),
            (error(weightCount: -2, []), "circuit: weightCount is -2; expected 0 or more"),
            (error([Operation(gate: .cnot, wires: [0])]),
             "circuit: operations[0] (cnot) has 1 wire(s) [0]; expected 2"),
            (error([.rx(0, .constant(1)), .ry(2, .weight(index: 0))]),
             "circuit: operations[1] uses wire 2; expected a wire in 0..<2"),
            (error([.cnot(1, 1)]), "circuit: operations[0] has wires [1, 1]; expected distinct wires"),
            (error([Operation(gate: .rz, wires: [0])]),
             "circuit: operations[0] (rz) has no parameter; expected an input, weight or constant angle"),
            (error([Operation(gate: .cnot, wires: [0, 1], parameter: .constant(1))]),
             "circuit: operations[0] (cnot) has a parameter; expected none, cnot takes no angle"),
            (error([.rx(0, .input(index: 1, scale: 1))]),
             "circuit: operations[0] reads input 1; expected an index in 0..<1 (inputCount 1)"),
            (error([.rx(0, .weight(index: -1))]),
             "circuit: operations[0] reads weight -1; expected an index in 0..<1 (weightCount 1)"),
            (error([.rx(0, .constant(.nan))]), "circuit: operations[0] has parameter value nan; expected a finite number"),
            (error([.rx(0, .input(index: 0, scale: .infinity))]),
             "circuit: operations[0] has parameter value inf; expected a finite number"),
            (error([], observables: [.pauliZ(wire: 0), .pauliZ(wire: 5)]),
             "circuit: observables[1] uses wire 5; expected a wire in 0..<2"),
            (error([.rot(0, .constant(1), .constant(2), .constant(3)), Operation(gate: .rot, wires: [1], parameter: .constant(1))]),
             "circuit: operations[1] (rot) has 1 parameters; expected 3"),
            (error([.rot(0, .constant(1), .weight(index: 3), .constant(3))]),
             "circuit: operations[0] reads weight 3; expected an index in 0..<1 (weightCount 1)"),
            (error(inputCount: 4, [], embedding: AmplitudeEmbedding(firstInput: 1, featureCount: 4)), "circuit: amplitudeEmbedding has firstInput 1, featureCount 4, padding 0.0; expected 1...4 features within inputCount 4 and a finite padding"),
            (error([], observables: [Observable([])]), "circuit: observables[0] has no factors; expected at least one Pauli"),
            (error([], observables: [Observable([.init(.x, wire: 1), .init(.z, wire: 1)])]),
             "circuit: observables[0] has wires [1, 1]; expected distinct wires"),
        ]
        for (e, message) in cases {
            #expect(e?.description == message)
            #expect(e?.localizedDescription == message)
        }
        #expect(error([.rx(0, .input(index: 0, scale: 2)), .cnot(1, 0), .rz(1, .weight(index: 0))]) == nil)
    }

    @Test func decodesTheDocumentedJSONShape() throws {
        let json = """
        {"wireCount": 2, "inputCount": 1, "weightCount": 1,
         "operations": [{"gate": "ry", "wires": [1], "parameter": {"input": 0, "scale": 0.5}},
                        {"gate": "rx", "wires": [0], "parameter": {"input": 0}},
                        {"gate": "cnot", "wires": [1, 0]},
                        {"gate": "rz", "wires": [0], "parameter": {"weight": 0}},
                        {"gate": "rx", "wires": [1], "parameter": {"constant": -1.5}}],
         "observables": [{"pauliZ": 1}, {"pauliZ": 0}]}
        """
        let decoded = try JSONDecoder().decode(Circuit.self, from: Data(json.utf8))
        let expected = try Circuit(wireCount: 2, inputCount: 1, weightCount: 1,
                                   operations: [.ry(1, .input(index: 0, scale: 0.5)), .rx(0, .input(index: 0, scale: 1)),
                                                .cnot(1, 0), .rz(0, .weight(index: 0)), .rx(1, .constant(-1.5))],
                                   observables: [.pauliZ(wire: 1), .pauliZ(wire: 0)])
        #expect(decoded == expected)
        let roundTrip = try JSONDecoder().decode(Circuit.self, from: JSONEncoder().encode(expected))
        #expect(roundTrip == expected)
    }

    /// Several angles ("parameters"), fixed gates (no key), and every observable shape.
    @Test func decodesGatesWithSeveralAnglesAndPauliStrings() throws {
        let json = """
        {"wireCount": 3, "inputCount": 1, "weightCount": 2,
         "operations": [{"gate": "rot", "wires": [2], "parameters": [{"weight": 0}, {"input": 0}, {"constant": 0.5}]},
                        {"gate": "hadamard", "wires": [0]},
                        {"gate": "crz", "wires": [0, 2], "parameter": {"weight": 1}},
                        {"gate": "swap", "wires": [1, 2]}],
         "observables": [{"pauliX": 1}, {"pauliY": 0}, {"tensor": [{"pauliZ": 2}, {"pauliX": 0}]}]}
        """
        let decoded = try JSONDecoder().decode(Circuit.self, from: Data(json.utf8))
        let expected = try Circuit(
            wireCount: 3, inputCount: 1, weightCount: 2,
            operations: [.rot(2, .weight(index: 0), .input(index: 0, scale: 1), .constant(0.5)),
                         Operation(gate: .hadamard, wires: [0]),
                         Operation(gate: .crz, wires: [0, 2], parameter: .weight(index: 1)),
                         Operation(gate: .swap, wires: [1, 2])],
            observables: [.pauliX(wire: 1), .pauliY(wire: 0), Observable([.init(.z, wire: 2), .init(.x, wire: 0)])])
        #expect(decoded == expected)
        #expect(try JSONDecoder().decode(Circuit.self, from: JSONEncoder().encode(expected)) == expected)
        #expect(throws: DecodingError.self) {
            _ = try JSONDecoder().decode(Operation.self, from: Data(
                #"{"gate": "rx", "wires": [0], "parameter": {"weight": 0}, "parameters": [{"weight": 0}]}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            _ = try JSONDecoder().decode(Observable.self, from: Data(#"{"pauliW": 0}"#.utf8))
        }
    }

    @Test func decodingValidates() {
        let json = """
        {"wireCount": 1, "inputCount": 0, "weightCount": 0,
         "operations": [{"gate": "cnot", "wires": [0, 1]}], "observables": []}
        """
        do {
            _ = try JSONDecoder().decode(Circuit.self, from: Data(json.utf8))
            Issue.record("an invalid circuit decoded")
        } catch let e as CircuitError {
            #expect(e == .wireOutOfRange(operation: 0, wire: 1, wireCount: 1))
        } catch {
            Issue.record("unexpected error \(error)")
        }
        #expect(throws: DecodingError.self) {
            _ = try JSONDecoder().decode(GateParameter.self, from: Data(#"{"angle": 1}"#.utf8))
        }
    }

    @Test func mutatedCircuitsAreRevalidated() throws {
        var circuit = Circuit.hqnnQuanv()
        try circuit.validate()
        circuit.observables.append(.pauliZ(wire: 4))
        #expect(throws: CircuitError.observableWireOutOfRange(observable: 4, wire: 4, wireCount: 4)) {
            try circuit.validate()
        }
    }

    @Test func angleEmbeddingPlacesOneRotationPerWire() {
        #expect(AngleEmbedding.operations(wires: [2, 0], rotation: .z, scale: 0.5, firstInput: 3) == [
            Operation(gate: .rz, wires: [2], parameter: .input(index: 3, scale: 0.5)),
            Operation(gate: .rz, wires: [0], parameter: .input(index: 4, scale: 0.5)),
        ])
        #expect(AngleEmbedding.operations(wires: [0]) == [.rx(0, .input(index: 0, scale: 1))])
    }

    @Test func hqnnQuanvShape() {
        let c = Circuit.hqnnQuanv()
        #expect(c.wireCount == 4 && c.inputCount == 4 && c.weightCount == 4)
        #expect(c.operations.map(\.gate) == [.ry, .ry, .ry, .ry, .rx, .rx, .cnot, .cnot, .cnot, .ry, .ry])
        #expect(c.observables == [.pauliZ(wire: 0), .pauliZ(wire: 1), .pauliZ(wire: 2), .pauliZ(wire: 3)])
    }
}

/// The templates' structure against PennyLane's decomposition rules (reference-implementations.md §4.4-4.5).
@Suite struct TemplateStructureTests {
    @Test func basicEntanglerLayersRingAndTwoWireCase() throws {
        let three = try BasicEntanglerLayers.operations(layers: 1, wires: [0, 1, 2])
        #expect(three.filter { $0.gate == .cnot }.map(\.wires) == [[0, 1], [1, 2], [2, 0]])
        let two = try BasicEntanglerLayers.operations(layers: 2, wires: [1, 0], rotation: .ry, firstWeight: 3)
        #expect(two == [.ry(1, .weight(index: 3)), .ry(0, .weight(index: 4)), .cnot(1, 0),
                        .ry(1, .weight(index: 5)), .ry(0, .weight(index: 6)), .cnot(1, 0)])
        #expect(try BasicEntanglerLayers.operations(layers: 1, wires: [0]) == [.rx(0, .weight(index: 0))])
        #expect(throws: TemplateError.self) { try BasicEntanglerLayers.operations(layers: 1, wires: [0], rotation: .rot) }
    }

    @Test func stronglyEntanglingLayersRangeRule() throws {
        #expect(StronglyEntanglingLayers.defaultRanges(layers: 3, wireCount: 5) == [1, 2, 3])
        #expect(StronglyEntanglingLayers.defaultRanges(layers: 2, wireCount: 4) == [1, 2])
        #expect(StronglyEntanglingLayers.defaultRanges(layers: 4, wireCount: 3) == [1, 2, 1, 2])
        #expect(StronglyEntanglingLayers.defaultRanges(layers: 2, wireCount: 1) == [0, 0])
        let ops = try StronglyEntanglingLayers.operations(layers: 2, wires: [0, 1, 2, 3])
        #expect(ops.filter { $0.gate == .cnot }.map(\.wires)
                == [[0, 1], [1, 2], [2, 3], [3, 0], [0, 2], [1, 3], [2, 0], [3, 1]])
        #expect(ops[1] == .rot(1, .weight(index: 3), .weight(index: 4), .weight(index: 5)))
        #expect(throws: TemplateError("StronglyEntanglingLayers: range 4; expected a range not divisible by the wire count 4")) {
            try StronglyEntanglingLayers.operations(layers: 1, wires: [0, 1, 2, 3], ranges: [4])
        }
        #expect(throws: TemplateError.self) { try StronglyEntanglingLayers.operations(layers: 2, wires: [0, 1], ranges: [1]) }
        #expect(throws: TemplateError.self) { try StronglyEntanglingLayers.operations(layers: 1, wires: [0, 1], imprimitive: .crx) }
    }
}
