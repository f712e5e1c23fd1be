import Autograd
import NeuralNets

/// An image classifier: images `[N, C, H, W]` in, logits `[N, classes]` out.
public protocol Classifier: Layer {
    /// The logits for a batch of images.
    func logits(_ images: Tensor) -> Tensor
}
