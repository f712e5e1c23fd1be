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
    }
}
