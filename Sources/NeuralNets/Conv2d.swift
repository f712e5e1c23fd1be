import Autograd

/// A 2-D convolution with square kernels, zero padding, dilation 1 and groups 1, like
/// `torch.nn.Conv2d`.
public final class Conv2d: Layer {
    /// Input channels C.
    public let inChannels: Int
    /// Output channels O.
    public let outChannels: Int
    /// Kernel height and width.
    public let kernelSize: Int
    /// Step between kernel positions, both axes.
    public let stride: Int
    /// Zeros added on every side.
    public let padding: Int
    /// [O, C, k, k], named `<name>.weight`.
    public let weight: Parameter
    /// [O], named `<name>.bias`; `nil` without a bias.
    public let bias: Parameter?

    /// A layer with PyTorch's default initialisation, weight first, then bias, with
    /// fan_in = C·k·k: weight U(−1/√fan_in, 1/√fan_in) (kaiming_uniform with a = √5),
    /// bias U(−1/√fan_in, 1/√fan_in).
    public init(inChannels: Int, outChannels: Int, kernelSize: Int, stride: Int = 1, padding: Int = 0,
                bias: Bool = true, name: String, generator: inout some RandomNumberGenerator) {
        precondition(inChannels > 0 && outChannels > 0 && kernelSize > 0 && stride > 0 && padding >= 0,
                     "Conv2d \(name): invalid geometry (in \(inChannels), out \(outChannels), kernel \(kernelSize), stride \(stride), padding \(padding))")
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.kernelSize = kernelSize
        self.stride = stride
        self.padding = padding
        let fanIn = inChannels * kernelSize * kernelSize
        let weightBound = Initializer.kaimingUniformBound(fanIn: fanIn)
        weight = Parameter(name: "\(name).weight", tensor: Tensor(
            shape: [outChannels, inChannels, kernelSize, kernelSize],
            data: Initializer.uniform(count: outChannels * fanIn, lower: -weightBound, upper: weightBound,
                                      generator: &generator)))
        if bias {
            let biasBound = Initializer.biasBound(fanIn: fanIn)
            self.bias = Parameter(name: "\(name).bias", tensor: Tensor(
                shape: [outChannels],
                data: Initializer.uniform(count: outChannels, lower: -biasBound, upper: biasBound, generator: &generator)))
        } else {
            self.bias = nil
        }
    }

    /// `weight`, then `bias` if present.
    public var parameters: [Parameter] { [weight] + (bias.map { [$0] } ?? []) }

    /// `x` [N, C, H, W] → [N, O, H', W'].
    public func callAsFunction(_ x: Tensor) -> Tensor {
        Tensor.conv2d(x, weight: weight.tensor, bias: bias?.tensor, stride: stride, padding: padding)
    }
}
