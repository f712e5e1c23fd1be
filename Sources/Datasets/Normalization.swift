import Foundation

/// Per-channel mean and standard deviation for torchvision's `Normalize`, and the constants each
/// dataset is normalised with.
public struct Normalization: Sendable, Equatable {
    /// Mean of each channel, on the [0, 1] scale of `ToTensor`.
    public let mean: [Float]
    /// Standard deviation of each channel.
    public let std: [Float]
    /// Where the numbers come from.
    public let source: String

    /// A normalisation.
    public init(mean: [Float], std: [Float], source: String) {
        self.mean = mean
        self.std = std
        self.source = source
    }

    /// ImageNet's statistics, which ImageNet-pretrained backbones (AE-VQC's ResNet-18 and MaxViT-T)
    /// expect.
    public static let imageNet = Normalization(
        mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225], source: "ImageNet training set (torchvision's pretrained weights)")

    /// The constants for dataset `id` (a `DatasetRegistry` name), or `nil` for an unknown id.
    /// None of the three papers states its normalisation; these are the customary ones: the
    /// training-set statistics for MNIST, Fashion-MNIST, CIFAR-10 and Medical MNIST, MedMNIST's own
    /// `(0.5, 0.5)`, and ImageNet's for the AE-VQC datasets, whose backbones are ImageNet-pretrained.
    public static func forDataset(_ id: String) -> Normalization? {
        switch id {
        case "mnist":
            return Normalization(mean: [0.1307], std: [0.3081], source: "MNIST training set (PyTorch's MNIST example)")
        case "fashion-mnist":
            return Normalization(mean: [0.2860], std: [0.3530], source: "Fashion-MNIST training set")
        case "cifar-10":
            return Normalization(
                mean: [0.4914, 0.4822, 0.4465], std: [0.2470, 0.2435, 0.2616], source: "CIFAR-10 training set")
        case "medical-mnist":
            return Normalization(mean: [0.3583], std: [0.2822], source: "all 58,954 Medical MNIST images")
        case "croatian-fish", "fgvc-aircraft", "busi", "apples-or-tomatoes":
            return imageNet
        default:
            guard let entry = DatasetRegistry.medMNIST.first(where: { $0.name == id }) else { return nil }
            return Normalization(
                mean: Array(repeating: 0.5, count: entry.channels), std: Array(repeating: 0.5, count: entry.channels),
                source: "MedMNIST's examples (Normalize(mean=[.5], std=[.5]))")
        }
    }
}
