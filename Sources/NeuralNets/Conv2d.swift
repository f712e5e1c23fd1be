import Autograd

/// A 2-D convolution with square kernels and zero padding, like `torch.nn.Conv2d`
/// (dilation and groups included; groups = C is depthwise).
public final class Conv2d: UnaryLayer {
    /// The name used in messages and as the parameters' prefix.
    public let name: String
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
    /// Spacing between kernel taps.
    public let dilation: Int
    /// Channel groups: input group `g` feeds only output group `g`.
    public let groups: Int
    /// [O, C/groups, k, k], named `<name>.weight`.
    public let weight: Parameter
    /// [O], named `<name>.bias`; `nil` without a bias.
    public let bias: Parameter?

    /// A layer with PyTorch's default initialisation, weight first, then bias, with
    /// fan_in = (C/groups)·k·k: weight U(−1/√fan_in, 1/√fan_in) (kaiming_uniform with a = √5),
    /// bias U(−1/√fan_in, 1/√fan_in).
    public init(inChannels: Int, outChannels: Int, kernelSize: Int, stride: Int = 1, padding: Int = 0,
                dilation: Int = 1, groups: Int = 1,
                bias: Bool = true, name: String, generator: inout some RandomNumberGenerator) {
        precondition(inChannels > 0 && outChannels > 0 && kernelSize > 0 && stride > 0 && padding >= 0 && dilation > 0
                     && groups > 0 && inChannels % groups == 0 && outChannels % groups == 0,
                     "Conv2d \(name): invalid geometry (in \(inChannels), out \(outChannels), kernel \(kernelSize), stride \(stride), padding \(padding), dilation \(dilation), groups \(groups))")
        self.name = name
        self.dilation = dilation
        self.groups = groups
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.kernelSize = kernelSize
        self.stride = stride
        self.padding = padding
        let fanIn = inChannels / groups * kernelSize * kernelSize
        let weightBound = Initializer.kaimingUniformBound(fanIn: fanIn)
        weight = Parameter(name: "\(name).weight", tensor: Tensor(
            shape: [outChannels, inChannels / groups, kernelSize, kernelSize],
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

    /// [N, O, H', W'] for an input [N, C, H, W], `H' = (H + 2p − d(k − 1) − 1)/s + 1`.
    public func outputShape(for s: [Int]) throws -> [Int] {
        guard s.count == 4 else { throw error("input \(s) must be [N, \(inChannels), H, W]") }
        guard s[1] == inChannels else { throw error("input \(s) has \(s[1]) channels, expected \(inChannels)") }
        let extent = dilation * (kernelSize - 1) + 1
        guard s[2] + 2 * padding >= extent, s[3] + 2 * padding >= extent else {
            throw error("kernel \(kernelSize)x\(kernelSize) (dilation \(dilation)) is larger than the input \(s) padded by \(padding)")
        }
        return [s[0], outChannels, (s[2] + 2 * padding - extent) / stride + 1, (s[3] + 2 * padding - extent) / stride + 1]
    }

    /// `x` [N, C, H, W] → [N, O, H', W'].
    public func callAsFunction(_ x: Tensor) -> Tensor {
        Tensor.conv2d(x, weight: weight.tensor, bias: bias?.tensor, stride: stride, padding: padding,
                      dilation: dilation, groups: groups)
    }
}
