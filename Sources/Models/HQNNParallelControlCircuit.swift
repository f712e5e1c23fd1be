import QuantumSim

extension Circuit {
    /// The control of the HQNN Fig. 9 redundancy check: `Circuit.hqnnParallel` with two parameters that are redundant by
    /// construction. An extra input `x_qubits` enters as a second RX right after `RX(x_0)` on wire 0 (RX(a)RX(b) =
    /// RX(a + b): only the sum matters), and an extra weight `w_last` as an RZ right after the first layer's Rot on wire 0,
    /// whose last rotation is RZ(ω) (RZ(a)RZ(b) = RZ(a + b)). Each adds a column to its Jacobian equal to an existing
    /// one, so the weight Jacobian has rank at most `weightCount - 1` and the input Jacobian at most `inputCount - 1`.
    public static func hqnnParallelRedundantControl(qubits: Int = 5, layers: Int = 3) -> Circuit {
        let wires = Array(0..<qubits)
        let weights = StronglyEntanglingLayers.weightCount(layers: layers, wireCount: qubits)
        var embedding = AngleEmbedding.operations(wires: wires, rotation: .x)
        embedding.insert(.rx(0, .input(index: qubits, scale: 1)), at: 1)
        // Constant, valid arguments (ranges from PennyLane's rule), so the template cannot throw.
        var variational = try! StronglyEntanglingLayers.operations(layers: layers, wires: wires)
        let firstRot = variational.firstIndex { $0.gate == .rot && $0.wires == [0] }!
        variational.insert(.rz(0, .weight(index: weights)), at: firstRot + 1)
        return try! Circuit(wireCount: qubits, inputCount: qubits + 1, weightCount: weights + 1,
                            operations: embedding + variational, observables: wires.map { .pauliY(wire: $0) })
    }
}
