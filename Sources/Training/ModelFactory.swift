import Catalog
import Models
import QuantumSim

/// Builds the network an architecture names, initialised from the run's initialisation stream.
public enum ModelFactory {
    /// Throws `TrainingError.modelNotImplemented` for an architecture the catalog lists but Models does not build yet.
    public static func make(_ spec: ModelSpec, imageSize: Int, classes: Int, generator: inout SeededGenerator) throws -> Classifier {
        switch spec.architecture {
        case .hqnnQuanv:
            return HQNNQuanv(imageSize: imageSize, classes: classes, generator: &generator)
        case let .patchCNN(channels):
            return PatchCNN(channels: channels, imageSize: imageSize, classes: classes, generator: &generator)
        case let .hqnnParallel(inputChannels, blocks, circuits, qubits, layers, entangling):
            return HQNNParallel(inputChannels: inputChannels, imageSize: imageSize, blocks: blocks, classes: classes,
                                head: .quantum(circuits: circuits, qubits: qubits, layers: layers, entangling: entangling),
                                generator: &generator)
        case let .hqnnParallelClassical(inputChannels, blocks, width, rank):
            return HQNNParallel(inputChannels: inputChannels, imageSize: imageSize, blocks: blocks, classes: classes,
                                head: rank.map { .bottleneck(width: width, rank: $0) } ?? .dense(width: width),
                                generator: &generator)
        case let .visionQRWKV(inputChannels, quantum, paperText):
            return VisionQRWKV(paperText ? .paperText(quantum: quantum) : .code(quantum: quantum),
                               inputChannels: inputChannels, classes: classes, generator: &generator)
        case let .aeVQC(architecture):
            return try aeVQC(spec, architecture, imageSize: imageSize, classes: classes, generator: &generator)
        }
    }

    /// An AE-VQC model: ResNet-18 or MaxViT-T with either head. MaxViT-T's AE-VQC head takes every classifier the
    /// catalog names; ResNet-18's takes `.linear` (its `fc`).
    /// - Throws: `TrainingError.unsupportedImageSize` for an image size the backbone or the AE-VQC head cannot take;
    ///   `TrainingError.modelNotImplemented` for a head this version does not build.
    private static func aeVQC(_ spec: ModelSpec, _ architecture: AEVQCArchitecture, imageSize: Int, classes: Int,
                              generator: inout SeededGenerator) throws -> Classifier {
        switch (architecture.backbone, architecture.head) {
        case (.resnet18, .pooled):
            return try ResNet18(classes: classes, head: .pooled, generator: &generator)
        case let (.resnet18, .quantum(number, layers, .linear)):
            let ansatz = try aeVQCAnsatz(spec, number, imageSize: imageSize)
            return try ResNet18(classes: classes, head: .quantum(ansatz: ansatz, layers: layers), generator: &generator)
        case (.maxvitT, .pooled):
            return try maxViT(spec, head: .pooled, imageSize: imageSize, classes: classes, generator: &generator)
        case let (.maxvitT, .quantum(number, layers, classifier)):
            let ansatz = try aeVQCAnsatz(spec, number, imageSize: imageSize)
            let head: MaxViTHead.QuantumClassifier
            switch classifier {
            case .linear: head = .linear
            case .layerNormLinear: head = .layerNormLinear
            case let .hidden(width): head = .hidden(width: width)
            }
            return try maxViT(spec, head: .quantum(ansatz: ansatz, layers: layers, classifier: head), imageSize: imageSize,
                              classes: classes, generator: &generator)
        default:
            let head = architecture.head == .pooled ? "with global pooling" : "with the AE-VQC head and this classifier"
            throw TrainingError.modelNotImplemented(model: spec.id, detail: "the \(architecture.backbone.name) backbone (\(head))")
        }
    }

    /// The AE-VQC head's ansatz, for either backbone: Ansatz 1 or 2, on images whose 512-channel feature map is
    /// 7 x 7 (25,088 features for the 15 qubits).
    /// - Throws: `TrainingError.modelNotImplemented` for another ansatz number, `.unsupportedImageSize` for another size.
    private static func aeVQCAnsatz(_ spec: ModelSpec, _ number: Int, imageSize: Int) throws -> AEVQCAnsatz {
        guard let ansatz = [1: AEVQCAnsatz.ansatz1, 2: .ansatz2][number] else {
            throw TrainingError.modelNotImplemented(model: spec.id, detail: "the AE-VQC head with Ansatz \(number) (there are 1 and 2)")
        }
        let features = AEVQCArchitecture.featureChannels * (imageSize / 32) * (imageSize / 32)
        guard imageSize % 32 == 0, features == AEVQCArchitecture.features else {
            throw TrainingError.unsupportedImageSize(
                model: spec.id, size: imageSize,
                detail: "the AE-VQC head embeds 512 x 7 x 7 = 25,088 features into 15 qubits, which needs 224 x 224 inputs")
        }
        return ansatz
    }

    /// MaxViT-T, with torchvision's image-size check as a `TrainingError`.
    private static func maxViT(_ spec: ModelSpec, head: MaxViTHead.Kind, imageSize: Int, classes: Int,
                               generator: inout SeededGenerator) throws -> Classifier {
        do {
            return try MaxViT(classes: classes, head: head, imageSize: imageSize, generator: &generator)
        } catch let error as MaxViT.ImageSizeError {
            throw TrainingError.unsupportedImageSize(model: spec.id, size: imageSize, detail: error.description)
        }
    }

    /// The image channels the architecture takes, when it fixes them (1 for the single-channel quanv models).
    public static func inputChannels(of spec: ModelSpec) -> Int {
        switch spec.architecture {
        case .hqnnQuanv, .patchCNN: return 1
        case let .hqnnParallel(channels, _, _, _, _, _), let .hqnnParallelClassical(channels, _, _, _): return channels
        case let .visionQRWKV(channels, _, _): return channels
        case .aeVQC: return 3
        }
    }
}
