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
        inconsistencies: [])
}
