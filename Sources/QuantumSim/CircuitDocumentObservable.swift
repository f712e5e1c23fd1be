/// A measured observable in a circuit file: a tensor product of Paulis, one letter per wire.
///
/// JSON: `{"paulis": "Z", "wires": [0]}` for `qml.expval(qml.PauliZ(0))`;
/// `{"paulis": "ZX", "wires": [0, 2]}` for `qml.expval(qml.PauliZ(0) @ qml.PauliX(2))`.
public struct CircuitDocumentObservable: Hashable, Sendable, Codable {
    /// One of `X`, `Y`, `Z` per wire.
    public var paulis: String
    /// The wires, distinct, as many as `paulis` has letters.
    public var wires: [Int]

    /// `paulis[i]` on `wires[i]`.
    public init(paulis: String, wires: [Int]) {
        self.paulis = paulis
        self.wires = wires
    }

    /// A label such as `Z0` or `Z0⊗X2`.
    public var label: String {
        zip(paulis, wires).map { "\($0)\($1)" }.joined(separator: "⊗")
    }
}
