extension Circuit {
    /// The HQNN-Quanv quanvolution circuit (Senokosov et al. 2024; `anchors/hqnn_quanv_epoch.py`) on one
    /// 2×2 patch with pixels `(r,c), (r,c+1), (r+1,c), (r+1,c+1)` as inputs 0…3:
    /// `AngleEmbedding(π·pixels, rotation: Y)` on wires 0…3; RX(w0) wire 0; RX(w1) wire 1;
    /// CNOT(2,3); CNOT(0,2); CNOT(0,3); RY(w2) wire 0; RY(w3) wire 3; ⟨Z⟩ on wires 0…3.
    public static func hqnnQuanv() -> Circuit {
        let operations = AngleEmbedding.operations(wires: [0, 1, 2, 3], rotation: .y, scale: .pi) + [
            .rx(0, .weight(index: 0)),
            .rx(1, .weight(index: 1)),
            .cnot(2, 3),
            .cnot(0, 2),
            .cnot(0, 3),
            .ry(0, .weight(index: 2)),
            .ry(3, .weight(index: 3)),
        ]
        // Constant arguments, valid by construction (and checked by a test), so this cannot throw.
        return try! Circuit(wireCount: 4, inputCount: 4, weightCount: 4, operations: operations,
                            observables: (0..<4).map { .pauliZ(wire: $0) })
    }
}
