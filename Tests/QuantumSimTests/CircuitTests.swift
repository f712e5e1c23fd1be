import Foundation
import QuantumSim
import Testing
import TestSupport

/// Circuit validation, error messages, JSON shape and the templates' structure.
@Suite struct CircuitTests {
    private func error(wireCount: Int = 2, inputCount: Int = 1, weightCount: Int = 1, _ operations: [Operation],
                       observables: [Observable] = [.pauliZ(wire: 0)]) -> CircuitError? {
        do {
            _ = try Circuit(wireCount: wireCount, inputCount: inputCount, weightCount: weightCount,
                            operations: operations, observables: observables)
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
