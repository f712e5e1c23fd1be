import QuantumSim

extension Circuit {
    /// The Vision-QRWKV circuit (`quantum_rwkv.py`, `VQC`): `AngleEmbedding(inputs, rotation X)`
    /// on wires 0…n−1, then `BasicEntanglerLayers(weights (depth, n))` (RX per wire, then the
    /// CNOT ring), then ⟨Z⟩ on every wire. Inputs: n angles; weights: depth·n.
    public static func visionQRWKV(qubits: Int, depth: Int) -> Circuit {
        precondition(qubits >= 1 && qubits <= 20 && depth >= 0,
                     "Vision-QRWKV circuit: \(qubits) qubits, depth \(depth); expected 1-20 qubits and depth >= 0")
        let wires = Array(0..<qubits)
        // RX is a one-wire, one-angle gate and depth >= 0, so the template cannot throw; the
        // circuit's wires, inputs and weights are in range by construction.
        let operations = AngleEmbedding.operations(wires: wires, rotation: .x)
            + (try! BasicEntanglerLayers.operations(layers: depth, wires: wires))
        return try! Circuit(wireCount: qubits, inputCount: qubits,
                            weightCount: BasicEntanglerLayers.weightCount(layers: depth, wireCount: qubits),
                            operations: operations, observables: wires.map { .pauliZ(wire: $0) })
    }
}
