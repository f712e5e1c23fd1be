/// A model of an experiment, as data; `Training` turns it into a network.
public struct ModelSpec: Codable, Hashable, Sendable {
    /// Stable id, the same as in the published tables (`hqnn-quanv`).
    public var id: String
    /// Name as the paper prints it (`HQNN-Quanv`).
    public var name: String
    public var architecture: Architecture
    /// The parameter tensor the paper counts as the model's kernel ("quanv.weights"), if any.
    public var kernelTensor: String?
    /// One line for the report.
    public var summary: String

    public init(id: String, name: String, architecture: Architecture, kernelTensor: String? = nil, summary: String) {
        self.id = id
        self.name = name
        self.architecture = architecture
        self.kernelTensor = kernelTensor
        self.summary = summary
    }

    /// The architectures qreport can build.
    public enum Architecture: Codable, Hashable, Sendable {
        /// Quanvolution: 2x2 patches (stride 2) through a 4-qubit circuit, 4 channels, then Linear.
        case hqnnQuanv
        /// Conv2d(1, channels, 2, stride 2) then Linear: the classical analogue of `hqnnQuanv`.
        case patchCNN(channels: Int)
        /// HQNN-Parallel (section 2.2): `blocks` conv blocks on `inputChannels`-channel images, Linear(F, c q),
        /// BatchNorm, ReLU, `circuits` PQCs of `qubits` wires (RX embedding, `layers` strongly entangling
        /// layers, <Y> per wire; without CNOTs when `entangling` is false), BatchNorm, ReLU, Linear(c q, classes).
        case hqnnParallel(inputChannels: Int, blocks: Int, circuits: Int, qubits: Int, layers: Int, entangling: Bool)
        /// HQNN-Parallel with the PQCs replaced by Linear(width, width) (the paper's CNN), or, when `rank`
        /// is set, by Linear(width, rank, no bias) -> Linear(rank, width) (a same-parameter-count control).
        case hqnnParallelClassical(inputChannels: Int, blocks: Int, width: Int, rank: Int?)
        /// Vision-QRWKV (Chen 2025): pixels of `inputChannels`-channel images as tokens, RWKV blocks, last-token
        /// head; classical or quantum channel mixing. `paperText` false: the authors' code (n_embd 64, 2 blocks,
        /// 8 qubits, depth 1, GELU + fusion, mu-scaled inputs); true: the paper's text (768, 4 blocks, 4 qubits,
        /// depth 2, ReLU, equations 1 and 4).
        case visionQRWKV(inputChannels: Int, quantum: Bool, paperText: Bool)
        /// AE-VQC (Chen 2024): a ResNet-18 or MaxViT-T backbone on 224 x 224 RGB images with the classical
        /// (pooled) or the AE-VQC head.
        case aeVQC(AEVQCArchitecture)
    }
}
