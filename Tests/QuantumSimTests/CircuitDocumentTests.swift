import Foundation
import QuantumSim
import Testing
import TestSupport

/// The circuit file format: templates and references expand to the circuits PennyLane evaluated, any circuit
/// survives export and re-import, and every malformed file fails with its place named.
struct CircuitDocumentTests {
    func parse(_ json: String) throws -> CircuitDocument { try CircuitDocument.parse(Data(json.utf8)) }

    /// The error `circuit()` (or parsing) throws for `json`, as its one line.
    func error(_ json: String) -> String? {
        do {
            _ = try parse(json).circuit()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func hqnnQuanvFileIsTheHQNNQuanvCircuit() throws {
        let json = """
        {"format": "qreport-circuit/1", "wires": 4, "inputs": {"name": "x", "count": 4},
         "weights": [{"name": "w", "shape": [4]}],
         "operations": [
           {"template": "AngleEmbedding", "wires": [0, 1, 2, 3], "rotation": "Y", "scale": 3.141592653589793},
           {"gate": "RX", "wires": [0], "params": [{"weight": "w", "index": 0}]},
           {"gate": "RX", "wires": [1], "params": [{"weight": "w", "index": [1]}]},
           {"gate": "CNOT", "wires": [2, 3]}, {"gate": "CNOT", "wires": [0, 2]}, {"gate": "CNOT", "wires": [0, 3]},
           {"gate": "RY", "wires": [0], "params": [{"weight": "w", "index": 2}]},
           {"gate": "RY", "wires": [3], "params": [{"weight": "w", "index": 3}]}],
         "observables": [{"paulis": "Z", "wires": [0]}, {"paulis": "Z", "wires": [1]},
                         {"paulis": "Z", "wires": [2]}, {"paulis": "Z", "wires": [3]}]}
        """
        let circuit = try parse(json).circuit()
        #expect(circuit == Circuit.hqnnQuanv())
        // And PennyLane's numbers for it (fixtures/quantum/pennylane_goldens.json).
        let golden = PennyLaneGoldens.shared.hqnnQuanv
        let values = Simulator.expectations(of: circuit, inputs: golden.inputs, batch: golden.batch, weights: golden.weights)
        #expect(Tolerance.maxAbsDifference(values, golden.expectations) <= Tolerance.pennyLane)
    }

    /// Every PennyLane template case, written as a file with the template and a named weight tensor placed
    /// after a decoy tensor (so the template must read at the right offset), matches PennyLane's values and
    /// weight gradients.
    @Test func templateFilesMatchPennyLane() throws {
        for golden in PennyLaneExtendedGoldens.shared.templates {
            let t = try #require(golden.template)
            let c = golden.circuit
            let m = t.wires.count
            let template: CircuitDocumentOperation
            let shape: [Int]
            if t.name == "basicEntanglerLayers" {
                template = .basicEntanglerLayers(wires: t.wires, weights: "theta", rotation: try #require(t.rotation))
                shape = [t.layers, m]
            } else {
                template = .stronglyEntanglingLayers(wires: t.wires, weights: "theta", ranges: t.ranges,
                                                     imprimitive: try #require(t.imprimitive))
                shape = [t.layers, m, 3]
            }
            let document = CircuitDocument(
                wires: c.wireCount, inputs: CircuitDocumentInputs(count: c.inputCount),
                weights: [CircuitDocumentTensor(name: "decoy", shape: [2]), CircuitDocumentTensor(name: "theta", shape: shape)],
                operations: [.angleEmbedding(wires: Array(0..<c.wireCount), rotation: .x, firstInput: 0, scale: 1), template],
                observables: c.observables.map { o in
                    CircuitDocumentObservable(paulis: String(o.factors.map(\.pauli.documentLetter)), wires: o.wires)
                })
            // The text form round-trips.
            let reparsed = try CircuitDocument.parse(Data(try document.jsonText().utf8))
            #expect(reparsed == document)
            let circuit = try reparsed.circuit()
            let weights = [7.0, -7.0] + golden.weights
            let values = Simulator.expectations(of: circuit, inputs: golden.inputs, batch: golden.batch, weights: weights)
            #expect(Tolerance.maxAbsDifference(values, golden.expectations) <= Tolerance.pennyLane, "\(t)")
            let j = Simulator.parameterShiftJacobian(of: circuit, inputs: golden.inputs, batch: golden.batch, weights: weights)
            let k = c.observables.count, nw = c.weightCount
            // Golden weight Jacobian is [batch, observables, weightCount]; ours has the two decoy columns first.
            var ours: [Double] = []
            for row in 0..<(golden.batch * k) {
                #expect(j.weightJacobian[row * (nw + 2)] == 0 && j.weightJacobian[row * (nw + 2) + 1] == 0)
                ours += j.weightJacobian[(row * (nw + 2) + 2)..<((row + 1) * (nw + 2))]
            }
            #expect(Tolerance.maxAbsDifference(ours, golden.weightJacobian) <= Tolerance.pennyLane, "\(t)")
        }
    }

    @Test func amplitudeEmbeddingAndAnsatzFileIsTheAEVQCCircuit() throws {
        let json = """
        {"wires": 3, "inputs": {"count": 6}, "weights": [{"name": "w", "shape": [2, 3, 2]}],
         "operations": [{"template": "AmplitudeEmbedding", "wires": [0, 1, 2], "features": 6},
                        {"template": "AEVQCAnsatz2", "wires": [0, 1, 2], "weights": "w", "entangler": "ring"}],
         "observables": [{"paulis": "Z", "wires": [0]}, {"paulis": "Z", "wires": [1]}, {"paulis": "Z", "wires": [2]}]}
        """
        let expected = try Circuit.aeVQC(ansatz: .ansatz2, layers: 2, wireCount: 3, featureCount: 6, entangler: .ring)
        #expect(try parse(json).circuit() == expected)
    }

    @Test func anyCircuitSurvivesExportAndImport() throws {
        var g = SplitMix64(seed: 31)
        for n in 1...6 {
            let circuit = try randomCircuit(wireCount: n, inputCount: 3, weightCount: 4, operationCount: 12, using: &g)
            let text = try CircuitDocument(circuit: circuit, name: "random").jsonText()
            #expect(try CircuitDocument.parse(Data(text.utf8)).circuit() == circuit, "\(text)")
        }
        let embedded = try Circuit.aeVQC(ansatz: .ansatz1, layers: 1, wireCount: 2, featureCount: 3)
        let text = try CircuitDocument(circuit: embedded).jsonText()
        #expect(try CircuitDocument.parse(Data(text.utf8)).circuit() == embedded)
    }

    @Test func textLayoutIsStable() throws {
        let document = CircuitDocument(name: "bell", wires: 2, operations: [.gate(.hadamard, wires: [0], params: []),
                                                                            .gate(.cnot, wires: [0, 1], params: []),
                                                                            .gate(.rz, wires: [1], params: [.number(0.5)])],
                                       observables: [CircuitDocumentObservable(paulis: "ZZ", wires: [0, 1])])
        #expect(try document.jsonText() == """
        {
          "format": "qreport-circuit/1",
          "name": "bell",
          "wires": 2,
          "operations": [
            {"gate":"Hadamard","wires":[0]},
            {"gate":"CNOT","wires":[0,1]},
            {"gate":"RZ","params":[0.5],"wires":[1]}
          ],
          "observables": [
            {"paulis":"ZZ","wires":[0,1]}
          ]
        }

        """)
    }

    /// A valid two-wire file with one substitution; the errors are the one line users see.
    @Test(arguments: [
        (#""wires": [1]"#, #""wires": [7]"#, "operations[1].wires[0]: wire 7 out of range 0..<2"),
        (#""gate": "RY""#, #""gate": "RQ""#,
         "operations[1].gate: unknown gate 'RQ'; known: RX, RY, RZ, Rot, PhaseShift, Hadamard, PauliX, PauliY, PauliZ, S, T, CNOT, CZ, SWAP, CRX, CRY, CRZ"),
        (#""params": [{"weight": "w", "index": 1}]"#, #""params": []"#, "operations[1].params[0]: missing parameter; RY takes 1"),
        (#""params": [{"weight": "w", "index": 1}]"#, #""params": [1, 2]"#, "operations[1].params[1]: unexpected parameter; RY takes 1"),
        (#"{"weight": "w", "index": 1}"#, #"{"weight": "v", "index": 1}"#, "operations[1].params[0].weight: unknown weight tensor 'v'; declared: w"),
        (#"{"weight": "w", "index": 1}"#, #"{"weight": "w", "index": 2}"#, "operations[1].params[0].index[0]: 2 out of range 0..<2 (tensor 'w' has shape [2])"),
        (#"{"input": 0}"#, #"{"input": 3}"#, "operations[0].params[0].input: input 3 out of range 0..<1 (inputs.count)"),
        (#""wires": [0, 1]}"#, #""wires": [1, 1]}"#, "operations[2].wires[1]: wire 1 repeated; expected distinct wires"),
        (#""wires": [0, 1]}"#, #""wires": [0]}"#, "operations[2].wires: 1 wire(s); CNOT acts on 2"),
        (#""wires": [0, 1]}"#, #""wires": [0, "a"]}"#, "operations[2].wires[1]: expected an integer; found a string"),
        (#""paulis": "ZX""#, #""paulis": "ZQ""#, "observables[0].paulis: 'ZQ'; expected letters X, Y, Z"),
        (#""paulis": "ZX""#, #""paulis": "Z""#, "observables[0].paulis: 'Z' has 1 letter(s); expected one per wire (2)"),
        (#""wires": 2,"#, "", "wires: missing key"),
        (#""shape": [2]"#, #""shape": [0]"#, "weights[0].shape[0]: 0; expected 1 or more"),
        (#"{"gate": "CNOT""#, #"{"template": "Strongly""#, "operations[2].template: unknown template 'Strongly'; known: AngleEmbedding, AmplitudeEmbedding, BasicEntanglerLayers, StronglyEntanglingLayers, AEVQCAnsatz1, AEVQCAnsatz2"),
        (#""observables": ["#, #""observables" ["#, "invalid JSON at line 6, column 16: Invalid value"),
        (#""wires": [0, 1]}]}"#, #""wires": [0, 1]}]"#, "invalid JSON at line 6, column 52: unexpected end of file"),
    ])
    func malformedFilesNameThePlace(find: String, replace: String, expected: String) throws {
        let valid = """
        {"wires": 2, "inputs": {"count": 1}, "weights": [{"name": "w", "shape": [2]}],
         "operations": [
          {"gate": "RX", "wires": [0], "params": [{"input": 0}]},
          {"gate": "RY", "wires": [1], "params": [{"weight": "w", "index": 1}]},
          {"gate": "CNOT", "wires": [0, 1]}],
         "observables": [{"paulis": "ZX", "wires": [0, 1]}]}
        """
        #expect(error(valid) == nil)
        let broken = valid.replacingOccurrences(of: find, with: replace)
        #expect(broken != valid)
        #expect(error(broken) == expected)
    }

    @Test func templateArgumentsAreChecked() {
        let head = #"{"wires": 3, "inputs": {"count": 2}, "weights": [{"name": "w", "shape": [2, 3]}], "operations": ["#
        let tail = #"], "observables": []}"#
        #expect(error(head + #"{"template": "AngleEmbedding", "wires": [0, 1, 2]}"# + tail)
                == "operations[0].firstInput: 0 reads inputs 0..<3; expected a range within 0..<2 (inputs.count)")
        #expect(error(head + #"{"template": "StronglyEntanglingLayers", "wires": [0, 1, 2], "weights": "w"}"# + tail)
                == "operations[0].weights: tensor 'w' has shape [2, 3]; expected [layers, 3, 3] for 3 wires")
        #expect(error(head + #"{"template": "BasicEntanglerLayers", "wires": [0, 1], "weights": "w"}"# + tail)
                == "operations[0].weights: tensor 'w' has shape [2, 3]; expected [layers, 2] for 2 wires")
        #expect(error(head + #"{"template": "AngleEmbedding", "wires": [0], "rotation": "Q"}"# + tail)
                == "operations[0].rotation: unknown rotation 'Q'; known: X, Y, Z")
        #expect(error(head + #"{"gate": "PauliX", "wires": [0]}, {"template": "AmplitudeEmbedding", "wires": [0, 1, 2], "features": 2}"# + tail)
                == "operations[1]: AmplitudeEmbedding prepares the initial state; expected it as operations[0]")
        #expect(error(head + #"{"template": "AmplitudeEmbedding", "wires": [0, 1], "features": 2}"# + tail)
                == "operations[0].wires: [0, 1]; expected every wire in order, [0, …, 2]")
        #expect(error(head + #"{"template": "StronglyEntanglingLayers", "wires": [0, 1, 2], "weights": "v"}"# + tail)
                == "operations[0].weights: unknown weight tensor 'v'; declared: w")
        #expect(error(#"{"wires": 2, "weights": [{"name": "w", "shape": [2, 2, 3]}], "operations": [{"template": "StronglyEntanglingLayers", "wires": [0, 1], "weights": "w", "ranges": [2, 1]}], "observables": []}"#)
                == "operations[0]: StronglyEntanglingLayers: range 2; expected a range not divisible by the wire count 2")
        #expect(error(#"{"wires": 0, "operations": [], "observables": []}"#) == "wires: 0 wires; expected 1...30")
    }

    @Test func tensorOffsetsAreRowMajor() {
        let t = CircuitDocumentTensor(name: "w", shape: [3, 5, 3])
        // Row-major: (l·5 + i)·3 + k, the layout StronglyEntanglingLayers reads.
        #expect(t.offset(of: [2, 4, 1]) == (2 * 5 + 4) * 3 + 1)
        #expect(t.index(ofOffset: 43) == [2, 4, 1])
        let document = CircuitDocument(wires: 1, weights: [CircuitDocumentTensor(name: "a", shape: [2]), t],
                                       operations: [], observables: [])
        #expect(document.weightElement(at: 1).map { [$0.tensor.name] + $0.index.map(String.init) } == ["a", "1"])
        #expect(document.weightElement(at: 2 + 43).map { [$0.tensor.name] + $0.index.map(String.init) } == ["w", "2", "4", "1"])
        #expect(document.weightElement(at: 47) == nil)
    }
}
