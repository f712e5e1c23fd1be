import Autograd
import NeuralNets

/// The classical analogue of HQNN-Quanv: Conv2d(1, c, 2x2, stride 2) then Linear, no activation
/// (the paper's CNN1 and CNN4).
public final class PatchCNN: Classifier {
    public let conv: Conv2d
    public let fc: Linear
    public let channels: Int
    public let imageSize: Int

    public init(channels: Int, imageSize: Int, classes: Int, generator: inout some RandomNumberGenerator) {
        self.channels = channels
        self.imageSize = imageSize
        conv = Conv2d(inChannels: 1, outChannels: channels, kernelSize: 2, stride: 2, padding: 0, bias: true,
                      name: "conv", generator: &generator)
        let side = imageSize / 2
        fc = Linear(inFeatures: channels * side * side, outFeatures: classes, bias: true, name: "fc", generator: &generator)
    }

    public var parameters: [Parameter] { conv.parameters + fc.parameters }

    public func logits(_ images: Tensor) -> Tensor {
        let maps = conv(images)
        return fc(maps.reshaped([images.shape[0], maps.count / images.shape[0]]))
    }
}
