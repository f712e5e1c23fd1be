/// Chen 2025, "Vision-QRWKV: exploring quantum-enhanced RWKV models for image classification".
public enum VisionQRWKVPaper {
    public static let paper = Paper(
        id: "vision-qrwkv",
        title: "Vision-QRWKV: Exploring Quantum-Enhanced RWKV Models for Image Classification",
        citation: "C.-S. Chen, arXiv:2506.06633 (2025); code: github.com/ChiShengChen/Vision_QRWKV",
        experiments: [],
        notReproduced: [
            "Classical and quantum RWKV on 14 datasets (Table 1, confusion matrices): not yet implemented in this version of qreport.",
        ],
        assumptions: [],
        // Paper text vs the authors' code (which produced the published numbers); qreport follows the code.
        inconsistencies: [
            Inconsistency(id: "size", location: "Section 4.2 vs every test script",
                          description: "The text gives n_embd 768, 4 RWKV blocks and batch normalization; every script overrides the defaults with n_embd 64 and 2 blocks, and the code has no batch normalization.",
                          resolution: "The code's 64 / 2 (offered as the default variant; the text's as --variant paper-text)."),
            Inconsistency(id: "vqc-size", location: "Sections 4.2 and 4.4 vs the quantum scripts",
                          description: "The text gives a 4-qubit, depth-2 circuit; every run used 8 qubits and depth 1.",
                          resolution: "The code's 8 qubits, depth 1."),
            Inconsistency(id: "entangler", location: "Sections 3.2 and 4.4 ('CNOT ladder') vs quantum_rwkv.py",
                          description: "The code uses BasicEntanglerLayers: trainable RX then a CNOT ring including CNOT(n-1, 0), not a ladder.",
                          resolution: "The code's ring."),
            Inconsistency(id: "channel-mix", location: "Section 3.2 vs quantum_rwkv.py",
                          description: "The text has sigma(r)(W2 ReLU(W1 x) + Wo z); the code has sigma(W_r xr) W_f(W2 GELU(W1 xk) + W_out z), with an extra fusion matrix W_f, GELU, and mu-scaled inputs.",
                          resolution: "The code's form."),
            Inconsistency(id: "optimiser", location: "Sections 4.3 and 4.4 vs the test scripts",
                          description: "The text says Adam; the scripts use AdamW (weight decay 0.01).",
                          resolution: "AdamW, lr 1e-3, weight decay 0.01."),
            Inconsistency(id: "seeds", location: "Section 4.3 vs the test scripts and result folders",
                          description: "The text reports 3 seeds; the code sets no seed and each published number is one run's last-epoch accuracy.",
                          resolution: "qreport runs 3 seeds and reports the final and the best epoch, mean ± std."),
            Inconsistency(id: "chestmnist", location: "Table 1, ChestMNIST",
                          description: "ChestMNIST is multi-label, but the code trains cross-entropy on the argmax of the multi-hot label and reports element-wise binary accuracy.",
                          resolution: "Both the authors' protocol and a correct multi-label one (BCE, mean AUC), side by side."),
            Inconsistency(id: "quantum-better-count", location: "Section 5.1 vs Table 1",
                          description: "The text says the quantum model is better on 8 of 14 datasets; Table 1's 'quantum better?' column says Yes 7 times (2 Equal, 5 No).",
                          resolution: "Checked against our seeds by the paper's rule and by a paired test."),
            Inconsistency(id: "embedding-scale", location: "Section 3.2 vs quantum_rwkv.py",
                          description: "The angle embedding feeds RX the raw linear projection: no tanh, no pi scaling.",
                          resolution: "The code's raw projection."),
        ])
}
