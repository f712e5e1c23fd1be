/// Chen 2024, "A novel image classification framework based on variational quantum algorithms".
public enum AEVQCPaper {
    public static let paper = Paper(
        id: "ae-vqc",
        title: "A Novel Image Classification Framework Based on Variational Quantum Algorithms",
        citation: "Y. Chen, Quantum Inf. Process. (2024), doi:10.1007/s11128-024-04566-9, arXiv:2312.07932",
        experiments: [],
        notReproduced: [
            "ResNet-18 and MaxViT-T with global pooling vs an amplitude-encoding VQC head on four datasets (Tables 2-4): not yet implemented in this version of qreport.",
        ],
        assumptions: [],
        inconsistencies: [])
}
