import QuantumSim

extension Circuit {
    /// One PQC of HQNN-Parallel (Senokosov et al. 2024, section 2.2.3) on `qubits` wires:
    /// `AngleEmbedding(inputs, rotation: X)` (angle = feature, no scaling), then
    /// `StronglyEntanglingLayers(weights [layers, qubits, 3])` with PennyLane's default ranges and
    /// CNOTs, then `<Y>` on every wire. With `entangling: false` the CNOTs are left out (our
    /// control: the same rotations without entanglement).
    public static func hqnnParallel(qubits: Int = 5, layers: Int = 3, entangling: Bool = true) -> Circuit {
        let wires = Array(0..<qubits)
        // Constant, valid arguments (ranges from PennyLane's rule), so the template cannot throw.
        var variational = try! StronglyEntanglingLayers.operations(layers: layers, wires: wires)
        if !entangling { variational.removeAll { $0.gate == .cnot } }
        return try! Circuit(wireCount: qubits, inputCount: qubits,
                            weightCount: StronglyEntanglingLayers.weightCount(layers: layers, wireCount: qubits),
                            operations: AngleEmbedding.operations(wires: wires, rotation: .x) + variational,
                            observables: wires.map { .pauliY(wire: $0) })
    }
}
