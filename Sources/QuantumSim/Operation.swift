/// One gate of a circuit: which gate, on which wires, and where its angles come from.
///
/// JSON: `{"gate": "rx", "wires": [0], "parameter": {"weight": 3}}` for one angle,
/// `{"gate": "rot", "wires": [1], "parameters": [{"weight": 0}, {"weight": 1}, {"constant": 0.5}]}` for
/// several; neither key for gates without angles (`{"gate": "cnot", "wires": [0, 1]}`).
public struct Operation: Hashable, Sendable, Codable {
    /// The gate.
    public var gate: Gate
    /// Its wires, `gate.wireCount` distinct ones (controlled gates: `[control, target]`).
    public var wires: [Int]
    /// The angles' sources, `gate.parameterCount` of them (Rot: φ, θ, ω).
    public var parameters: [GateParameter]

    /// An operation; `Circuit`'s initialiser checks it.
    public init(gate: Gate, wires: [Int], parameters: [GateParameter]) {
        self.gate = gate
        self.wires = wires
        self.parameters = parameters
    }

    /// An operation with at most one angle; `Circuit`'s initialiser checks it.
    public init(gate: Gate, wires: [Int], parameter: GateParameter? = nil) {
        self.init(gate: gate, wires: wires, parameters: parameter.map { [$0] } ?? [])
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

    /// `Rot(φ, θ, ω)` on `wire`.
    public static func rot(_ wire: Int, _ phi: GateParameter, _ theta: GateParameter,
                           _ omega: GateParameter) -> Operation {
        Operation(gate: .rot, wires: [wire], parameters: [phi, theta, omega])
    }

    /// CNOT with `control` and `target`.
    public static func cnot(_ control: Int, _ target: Int) -> Operation {
        Operation(gate: .cnot, wires: [control, target])
    }

    private enum CodingKeys: String, CodingKey { case gate, wires, parameter, parameters }

    /// Decodes the JSON shape above ("parameter" and "parameters" together are an error).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        gate = try c.decode(Gate.self, forKey: .gate)
        wires = try c.decode([Int].self, forKey: .wires)
        let one = try c.decodeIfPresent(GateParameter.self, forKey: .parameter)
        let several = try c.decodeIfPresent([GateParameter].self, forKey: .parameters)
        if one != nil && several != nil {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "operation: expected \"parameter\" or \"parameters\", not both"))
        }
        parameters = several ?? one.map { [$0] } ?? []
    }

    /// Encodes the JSON shape above.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(gate, forKey: .gate)
        try c.encode(wires, forKey: .wires)
        switch parameters.count {
        case 0: break
        case 1: try c.encode(parameters[0], forKey: .parameter)
        default: try c.encode(parameters, forKey: .parameters)
        }
    }
}
