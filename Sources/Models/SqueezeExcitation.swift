import Autograd
import NeuralNets

/// torchvision's `ops.misc.SqueezeExcitation` with MaxViT's activations: global average pooling -> `fc1` (1x1 conv,
/// C -> S, bias) -> SiLU -> `fc2` (1x1 conv, S -> C, bias) -> sigmoid, then the input scaled per channel by the result.
public final class SqueezeExcitation: Layer {
    public let fc1: Conv2d
    public let fc2: Conv2d

    /// `channels` -> `squeezeChannels` -> `channels`, parameters named `<name>.fc1.*`, `<name>.fc2.*`.
    public init(channels: Int, squeezeChannels: Int, name: String, generator: inout some RandomNumberGenerator) {
        fc1 = Conv2d(inChannels: channels, outChannels: squeezeChannels, kernelSize: 1, name: "\(name).fc1", generator: &generator)
        fc2 = Conv2d(inChannels: squeezeChannels, outChannels: channels, kernelSize: 1, name: "\(name).fc2", generator: &generator)
    }

    public var parameters: [Parameter] { fc1.parameters + fc2.parameters }
    public var sublayers: [any Layer] { [fc1, fc2] }

    /// `x` [N, C, H, W] times its per-image, per-channel scale [N, C, 1, 1].
    public func callAsFunction(_ x: Tensor) -> Tensor {
        let scale = fc2(fc1(x.adaptiveAvgPool2d(outHeight: 1, outWidth: 1)).silu()).sigmoid()
        return scale * x
    }
}
