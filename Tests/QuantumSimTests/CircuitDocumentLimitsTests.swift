import Foundation
import QuantumSim
import Testing

/// Hostile circuit files: sizes and indices that overflow `Int`, and documents whose weights or expanded gates
/// exceed the memory budget, fail with one line naming the place, before anything is allocated.
struct CircuitDocumentLimitsTests {
    /// The error `circuit(memoryBudget:)` throws for `json`, as its one line.
    func error(_ json: String, budget: Int = Int.max) -> String? {
        do {
            _ = try CircuitDocument.parse(Data(json.utf8)).circuit(memoryBudget: budget)
            return nil
        } catch {
            return "\(error)"
        }
    }

    func document(weights: String, operations: String, inputs: Int = 4) -> String {
        """
        {"wires": 2, "inputs": {"count": \(inputs)}, "weights": \(weights), "operations": \(operations),
         "observables": [{"paulis": "Z", "wires": [0]}]}
        """
    }

    @Test func shapesWhoseProductOverflowsAreRefused() {
        #expect(error(document(weights: #"[{"name": "w", "shape": [4294967296, 4294967296]}]"#, operations: "[]"))
                == "weights[0].shape: [4294967296, 4294967296] has more elements than an integer can count")
        // Each tensor fits, their sum does not.
        #expect(error(document(weights: #"[{"name": "a", "shape": [4611686018427387904]}, {"name": "b", "shape": [4611686018427387904]}]"#,
                               operations: "[]"))
                == "weights: the tensors together have more elements than an integer can count")
    }

    @Test func firstInputsNearIntMaxAreRefused() {
        let angle = #"[{"template": "AngleEmbedding", "wires": [0, 1], "firstInput": 9223372036854775807}]"#
        #expect(error(document(weights: "[]", operations: angle))
                == "operations[0].firstInput: 9223372036854775807 reads inputs 9223372036854775807..<(more than 9223372036854775807); "
                + "expected a range within 0..<4 (inputs.count)")
        let amplitude = #"[{"template": "AmplitudeEmbedding", "wires": [0, 1], "features": 4, "firstInput": 9223372036854775807}]"#
        #expect(error(document(weights: "[]", operations: amplitude))
                == "operations[0].firstInput: 9223372036854775807 reads inputs 9223372036854775807..<(more than 9223372036854775807); "
                + "expected a range within 0..<4 (inputs.count)")
    }

    @Test func rangesNearIntMaxDoNotOverflow() throws {
        let json = document(weights: #"[{"name": "w", "shape": [1, 2, 3]}]"#,
                            operations: #"[{"template": "StronglyEntanglingLayers", "wires": [0, 1], "weights": "w", "ranges": [9223372036854775807]}]"#)
        let circuit = try CircuitDocument.parse(Data(json.utf8)).circuit()
        // Int.max is odd, so the entangler pairs wire 0 with wire 1 (range 1 mod 2).
        #expect(circuit.operations.last?.wires == [1, 0])
    }

    @Test func weightsAndGatesBeyondTheBudgetAreRefused() {
        let huge = document(weights: #"[{"name": "w", "shape": [100000000, 2, 3]}]"#,
                            operations: #"[{"template": "StronglyEntanglingLayers", "wires": [0, 1], "weights": "w"}]"#)
        #expect(error(huge, budget: 1 << 30) == "weights: 600000000 weights need 4.5 GiB; the memory budget is 1 GiB")
        let many = document(weights: #"[{"name": "w", "shape": [1000000, 2, 3]}]"#,
                            operations: #"[{"template": "StronglyEntanglingLayers", "wires": [0, 1], "weights": "w"}]"#)
        #expect(error(many, budget: 64 << 20)
                == "operations[0]: expands to 4000000 gates, which need 976.6 MiB; the memory budget is 64 MiB")
        #expect(error(many, budget: 2 << 30) == nil)
    }

    @Test func byteCountsRead() {
        #expect(ByteCount.describe(512) == "512 bytes")
        #expect(ByteCount.describe(16 << 30) == "16 GiB")
        #expect(ByteCount.describe(1536 * 1024) == "1.5 MiB")
    }
}
