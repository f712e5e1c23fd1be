import Catalog
import Models

/// Builds the network an architecture names, initialised from the run's initialisation stream.
public enum ModelFactory {
    public static func make(_ spec: ModelSpec, imageSize: Int, classes: Int, generator: inout SeededGenerator) -> Classifier {
        switch spec.architecture {
        case .hqnnQuanv:
            return HQNNQuanv(imageSize: imageSize, classes: classes, generator: &generator)
        case let .patchCNN(channels):
            return PatchCNN(channels: channels, imageSize: imageSize, classes: classes, generator: &generator)
        }
    }
}
