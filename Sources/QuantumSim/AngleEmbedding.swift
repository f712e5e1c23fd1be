/// PennyLane's `qml.AngleEmbedding(scale · features, wires, rotation)`: one rotation per feature,
/// feature `i` on `wires[i]`, with no other scaling.
public enum AngleEmbedding {
    /// The rotation axis (PennyLane `rotation="X" | "Y" | "Z"`, default X).
    public enum Rotation: String, Codable, Sendable, CaseIterable {
        /// RX, RY, RZ.
        case x, y, z

        /// RX, RY or RZ.
        public var gate: Gate {
            switch self {
            case .x: .rx
            case .y: .ry
            case .z: .rz
            }
        }
    }

    /// `rotation(scale · inputs[firstInput + i])` on `wires[i]` for every `i`; PennyLane with fewer features
    /// than wires uses the first wires, i.e. pass only those.
    public static func operations(wires: [Int], rotation: Rotation = .x, scale: Double = 1,
                                  firstInput: Int = 0) -> [Operation] {
        wires.enumerated().map { i, wire in
            Operation(gate: rotation.gate, wires: [wire], parameter: .input(index: firstInput + i, scale: scale))
        }
    }
}
