import Autograd
import NeuralNets

/// torchvision's ResNet `BasicBlock` (expansion 1): conv3x3(stride) -> BN -> ReLU -> conv3x3 -> BN, plus the
/// identity or, when the shape changes, `downsample` = conv1x1(stride) -> BN; then ReLU. Convolutions have no bias.
/// Parameter names follow torchvision (`layer2.0.conv1.weight`, `layer2.0.downsample.0.weight`, ...).
public final class ResNetBasicBlock: Layer {
    public let conv1: Conv2d
    public let bn1: BatchNorm
    public let conv2: Conv2d
    public let bn2: BatchNorm
    /// conv1x1 and BatchNorm on the shortcut; nil for the identity.
    public let downsample: (conv: Conv2d, bn: BatchNorm)?

    /// A block named `name` (`layer1.0`) from `inChannels` to `outChannels` with the first convolution's `stride`;
    /// convolutions initialised kaiming-normal (fan-out, ReLU), BatchNorm weight 1 and bias 0 (torchvision's init).
    public init(inChannels: Int, outChannels: Int, stride: Int, name: String, generator: inout some RandomNumberGenerator) {
        conv1 = ResNet18.convolution(inChannels, outChannels, kernel: 3, stride: stride, padding: 1, name: "\(name).conv1", generator: &generator)
        bn1 = BatchNorm(features: outChannels, name: "\(name).bn1")
        conv2 = ResNet18.convolution(outChannels, outChannels, kernel: 3, stride: 1, padding: 1, name: "\(name).conv2", generator: &generator)
        bn2 = BatchNorm(features: outChannels, name: "\(name).bn2")
        if stride != 1 || inChannels != outChannels {
            downsample = (ResNet18.convolution(inChannels, outChannels, kernel: 1, stride: stride, padding: 0,
                                               name: "\(name).downsample.0", generator: &generator),
                          BatchNorm(features: outChannels, name: "\(name).downsample.1"))
        } else {
            downsample = nil
        }
    }

    public var parameters: [Parameter] {
        conv1.parameters + bn1.parameters + conv2.parameters + bn2.parameters
            + (downsample.map { $0.conv.parameters + $0.bn.parameters } ?? [])
    }
    public var buffers: [Buffer] { bn1.buffers + bn2.buffers + (downsample?.bn.buffers ?? []) }
    public var sublayers: [any Layer] { [conv1, bn1, conv2, bn2] + (downsample.map { [$0.conv, $0.bn] } ?? []) }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        let out = bn2(conv2(bn1.followedByReLU(conv1(x))))
        let shortcut = downsample.map { $0.bn($0.conv(x)) } ?? x
        return (out + shortcut).relu()
    }
}
