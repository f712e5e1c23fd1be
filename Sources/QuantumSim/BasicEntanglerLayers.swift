/// PennyLane's `qml.BasicEntanglerLayers(weights, wires, rotation=RX)` (v0.45): per layer `l`, the rotation
/// `weights[l, i]` on `wires[i]` for every `i`, then CNOTs: none for one wire, a single `CNOT(w0, w1)` for
/// two, and the ring `CNOT(w_i, w_{(i+1) mod M})` for more.
public enum BasicEntanglerLayers {
    /// Weights the template reads: `layers × wireCount`, `weights[l, i]` at `firstWeight + l·M + i`.
    public static func weightCount(layers: Int, wireCount: Int) -> Int { layers * wireCount }

    /// The operations; `rotation` must be a one-wire, one-angle gate (RX, RY, RZ, PhaseShift).
    public static func operations(layers: Int, wires: [Int], rotation: Gate = .rx,
                                  firstWeight: Int = 0) throws -> [Operation] {
        guard rotation.wireCount == 1 && rotation.parameterCount == 1 else {
            throw TemplateError("BasicEntanglerLayers: rotation is \(rotation.rawValue); expected a one-wire, one-angle gate")
        }
        guard layers >= 0 else { throw TemplateError("BasicEntanglerLayers: layers is \(layers); expected 0 or more") }
        let m = wires.count
        var operations: [Operation] = []
        for l in 0..<layers {
            for (i, wire) in wires.enumerated() {
                operations.append(Operation(gate: rotation, wires: [wire],
                                            parameter: .weight(index: firstWeight + l * m + i)))
            }
            if m == 2 {
                operations.append(.cnot(wires[0], wires[1]))
            } else if m > 2 {
                for i in 0..<m { operations.append(.cnot(wires[i], wires[(i + 1) % m])) }
            }
        }
        return operations
    }
}
