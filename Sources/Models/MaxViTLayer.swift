import Autograd
import NeuralNets

/// torchvision's `MaxVitLayer`: `MBconv`, then `window_attention`, then `grid_attention`, all with the same
/// stochastic depth probability. Named `blocks.<stage>.layers.<index>.layers.*` as in torchvision's state_dict.
public final class MaxViTLayer: Layer {
    public let mbConv: MBConv
    public let windowAttention: PartitionAttention
    public let gridAttention: PartitionAttention

    public init(inChannels: Int, outChannels: Int, stride: Int, headDim: Int, partitionSize: Int, stochasticDepth: Double,
                name: String, generator: inout some RandomNumberGenerator) {
        let layers = "\(name).layers"
        mbConv = MBConv(inChannels: inChannels, outChannels: outChannels, stride: stride, stochasticDepth: stochasticDepth,
                        name: "\(layers).MBconv", generator: &generator)
        windowAttention = PartitionAttention(channels: outChannels, headDim: headDim, size: partitionSize, partition: .window,
                                             stochasticDepth: stochasticDepth, name: "\(layers).window_attention", generator: &generator)
        gridAttention = PartitionAttention(channels: outChannels, headDim: headDim, size: partitionSize, partition: .grid,
                                           stochasticDepth: stochasticDepth, name: "\(layers).grid_attention", generator: &generator)
    }

    public var parameters: [Parameter] { mbConv.parameters + windowAttention.parameters + gridAttention.parameters }
    public var buffers: [Buffer] { mbConv.buffers }
    public var sublayers: [any Layer] { [mbConv, windowAttention, gridAttention] }

    public func callAsFunction(_ x: Tensor, dropPath: StochasticDepthSource?) -> Tensor {
        gridAttention(windowAttention(mbConv(x, dropPath: dropPath), dropPath: dropPath), dropPath: dropPath)
    }
}
