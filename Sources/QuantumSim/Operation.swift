/// One gate of a circuit: which gate, on which wires, and where its angle comes from.
///
/// JSON: `{"gate": "rx", "wires": [0], "parameter": {"weight": 3}}`; `parameter` is absent for CNOT.
public struct Operation: Hashable, Sendable, Codable {
    /// The gate.
    public var gate: Gate
    /// Its wires, `gate.wireCount` distinct ones (CNOT: `[control, target]`).
    public var wires: [Int]
    /// The angle's source; set exactly when `gate.isParametrized`.
    public var parameter: GateParameter?

    /// An operation; `Circuit`'s initialiser checks it.
    public init(gate: Gate, wires: [Int], parameter: GateParameter? = nil) {
        self.gate = gate
        self.wires = wires
        self.parameter = parameter
    }

    /// RX on `wire`.
    public static func rx(_ wire: Int, _ parameter: GateParameter) -> Operation {
        Operation(gate: .rx, wires: [wire], parameter: parameter)
    }

    /// RY on `wire`.
    public static func ry(_ wire: Int, _ parameter: GateParameter) -> Operation {
        Operation(gate: .ry, wires: [wire], parameter: parameter)
    }

    /// RZ on `wire`.
    public static func rz(_ wire: Int, _ parameter: GateParameter) -> Operation {
        Operation(gate: .rz, wires: [wire], parameter: parameter)
    }

    /// CNOT with `control` and `target`.
    public static func cnot(_ control: Int, _ target: Int) -> Operation {
        Operation(gate: .cnot, wires: [control, target])
    }
}
