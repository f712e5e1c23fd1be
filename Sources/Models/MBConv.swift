import Autograd
import NeuralNets

/// torchvision MaxViT's `MBConv` (mobile inverted bottleneck), with the names of its state_dict:
///
///     proj:   identity, or [AvgPool2d(3, stride 2, padding 1) when strided] -> 1x1 conv (bias)   (`proj.1` / `proj.0`)
///     layers: pre_norm BatchNorm -> conv_a (1x1 conv, no bias, BN, GELU) -> conv_b (3x3 depthwise conv at `stride`,
///             no bias, BN, GELU) -> squeeze_excitation -> conv_c (1x1 conv, bias)
///     out = proj(x) + stochastic_depth(layers(x))
///
/// with mid = 4 x out channels and squeeze = out / 4 channels; BatchNorm eps 1e-3, momentum 0.01 (torchvision's
/// `partial(nn.BatchNorm2d, eps=1e-3, momentum=0.01)`).
public final class MBConv: Layer {
    /// The strided shortcut's average pooling (stride 2 only).
    public let projPool: Bool
    /// The shortcut's 1x1 convolution; nil for the identity.
    public let proj: Conv2d?
    public let preNorm: BatchNorm
    public let convA: Conv2d
    public let normA: BatchNorm
    public let convB: Conv2d
    public let normB: BatchNorm
    public let squeezeExcitation: SqueezeExcitation
    public let convC: Conv2d
    /// Probability of dropping the residual branch per sample in training.
    public let stochasticDepth: Double

    /// A block named `name` (`blocks.0.layers.0.layers.MBconv`); weights from `generator` with PyTorch's defaults
    /// (MaxViT overwrites them with its own initialisation).
    public init(inChannels: Int, outChannels: Int, stride: Int, stochasticDepth: Double, name: String,
                generator: inout some RandomNumberGenerator) {
        let mid = outChannels * 4, squeeze = outChannels / 4
        self.stochasticDepth = stochasticDepth
        if stride != 1 || inChannels != outChannels {
            projPool = stride == 2
            proj = Conv2d(inChannels: inChannels, outChannels: outChannels, kernelSize: 1,
                          name: "\(name).proj.\(stride == 2 ? 1 : 0)", generator: &generator)
        } else {
            projPool = false
            proj = nil
        }
        let layers = "\(name).layers"
        preNorm = MaxViT.batchNorm(inChannels, name: "\(layers).pre_norm")
        convA = Conv2d(inChannels: inChannels, outChannels: mid, kernelSize: 1, bias: false, name: "\(layers).conv_a.0", generator: &generator)
        normA = MaxViT.batchNorm(mid, name: "\(layers).conv_a.1")
        convB = Conv2d(inChannels: mid, outChannels: mid, kernelSize: 3, stride: stride, padding: 1, groups: mid, bias: false,
                       name: "\(layers).conv_b.0", generator: &generator)
        normB = MaxViT.batchNorm(mid, name: "\(layers).conv_b.1")
        squeezeExcitation = SqueezeExcitation(channels: mid, squeezeChannels: squeeze, name: "\(layers).squeeze_excitation",
                                              generator: &generator)
        convC = Conv2d(inChannels: mid, outChannels: outChannels, kernelSize: 1, name: "\(layers).conv_c", generator: &generator)
    }

    public var parameters: [Parameter] {
        (proj?.parameters ?? []) + preNorm.parameters + convA.parameters + normA.parameters + convB.parameters
            + normB.parameters + squeezeExcitation.parameters + convC.parameters
    }
    public var buffers: [Buffer] { preNorm.buffers + normA.buffers + normB.buffers }
    public var sublayers: [any Layer] {
        (proj.map { [$0] } ?? []) + [preNorm, convA, normA, convB, normB, squeezeExcitation, convC]
    }

    /// `x` [N, C, H, W] -> [N, out, H / stride, W / stride]; `dropPath` draws the stochastic depth (nil: none, as in
    /// evaluation).
    public func callAsFunction(_ x: Tensor, dropPath: StochasticDepthSource?) -> Tensor {
        var shortcut = x
        if projPool { shortcut = shortcut.avgPool2d(kernel: 3, stride: 2, padding: 1) }
        if let proj { shortcut = proj(shortcut) }
        let a = normA(convA(preNorm(x))).gelu()
        let b = normB(convB(a)).gelu()
        var branch = convC(squeezeExcitation(b))
        if var source = dropPath { branch = branch.stochasticDepth(probability: stochasticDepth, generator: &source) }
        return shortcut + branch
    }
}
