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

    private enum CodingKeys: String, CodingKey { case paulis, wires }

    /// Decodes `{"paulis": "Z", "wires": [0]}`; a wire that is not an integer is named.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(paulis: try c.decode(String.self, forKey: .paulis), wires: try c.integers(forKey: .wires))
    }

    /// A label such as `Z0` or `Z0⊗X2`.
    public var label: String {
        zip(paulis, wires).map { "\($0)\($1)" }.joined(separator: "⊗")
    }
}
