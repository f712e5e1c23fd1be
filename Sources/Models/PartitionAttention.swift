import Autograd
import NeuralNets

/// torchvision MaxViT's `PartitionAttentionLayer`: the feature map cut into windows of 7 x 7 tokens ("window":
/// neighbouring pixels; "grid": pixels H/7 apart, torchvision's partition with H/7 followed by its axis swap), then
///
///     x = x + stochastic_depth(attn_layer(x))     attn_layer = LayerNorm -> RelativePositionalAttention (-> Dropout 0)
///     x = x + stochastic_depth(mlp_layer(x))      mlp_layer  = LayerNorm -> Linear(C, 4C) -> GELU -> Linear(4C, C) (-> Dropout 0)
///
/// and the windows put back. Partition and departition are one permuted copy each.
public final class PartitionAttention: Layer {
    /// torchvision's `partition_type`.
    public enum Partition: String, Sendable {
        case window, grid
    }

    public let partition: Partition
    /// Tokens per window side (torchvision's `partition_size`).
    public let size: Int
    public let attentionNorm: LayerNorm
    public let attention: RelativePositionalAttention
    public let mlpNorm: LayerNorm
    public let mlpIn: Linear
    public let mlpOut: Linear
    /// Probability of dropping each residual branch per sample in training.
    public let stochasticDepth: Double

    /// A layer named `name` (`blocks.0.layers.0.layers.window_attention`).
    public init(channels: Int, headDim: Int, size: Int, partition: Partition, stochasticDepth: Double, name: String,
                generator: inout some RandomNumberGenerator) {
        self.partition = partition
        self.size = size
        self.stochasticDepth = stochasticDepth
        attentionNorm = LayerNorm(features: channels, name: "\(name).attn_layer.0")
        attention = RelativePositionalAttention(channels: channels, headDim: headDim, size: size, name: "\(name).attn_layer.1",
                                                generator: &generator)
        mlpNorm = LayerNorm(features: channels, name: "\(name).mlp_layer.0")
        mlpIn = Linear(inFeatures: channels, outFeatures: 4 * channels, name: "\(name).mlp_layer.1", generator: &generator)
        mlpOut = Linear(inFeatures: 4 * channels, outFeatures: channels, name: "\(name).mlp_layer.3", generator: &generator)
    }

    public var parameters: [Parameter] {
        attentionNorm.parameters + attention.parameters + mlpNorm.parameters + mlpIn.parameters + mlpOut.parameters
    }
    public var sublayers: [any Layer] { [attentionNorm, attention, mlpNorm, mlpIn, mlpOut] }

    /// `x` [B, C, H, W] (H and W multiples of 7) -> [B, C, H, W]; `dropPath` draws the stochastic depth (nil: none).
    public func callAsFunction(_ x: Tensor, dropPath: StochasticDepthSource?) -> Tensor {
        let (b, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        precondition(h % size == 0 && w % size == 0, "PartitionAttention: \(h) x \(w) is not divisible by the partition size \(size)")
        // torchvision's partition with p (window: 7; grid: H/7) is x.reshape(B, C, H/p, p, W/p, p); windows gather
        // the inner p x p pixels, grids (after the axis swap) the outer H/p x W/p ones.
        let p = partition == .window ? size : h / size
        let blocks = x.reshaped([b, c, h / p, p, w / p, p])
        var tokens: Tensor
        switch partition {
        case .window: tokens = blocks.permuted([0, 2, 4, 3, 5, 1]).reshaped([b, (h / p) * (w / p), p * p, c])
        case .grid: tokens = blocks.permuted([0, 3, 5, 2, 4, 1]).reshaped([b, p * p, (h / p) * (w / p), c])
        }
        var attended = attention(attentionNorm(tokens))
        if var source = dropPath, stochasticDepth > 0 {
            attended = attended.stochasticDepth(probability: stochasticDepth, generator: &source)
        }
        tokens = tokens + attended
        var mlp = mlpOut(mlpIn(mlpNorm(tokens)).gelu())
        if var source = dropPath, stochasticDepth > 0 {
            mlp = mlp.stochasticDepth(probability: stochasticDepth, generator: &source)
        }
        tokens = tokens + mlp
        switch partition {
        case .window: return tokens.reshaped([b, h / p, w / p, p, p, c]).permuted([0, 5, 1, 3, 2, 4]).reshaped([b, c, h, w])
        case .grid: return tokens.reshaped([b, p, p, h / p, w / p, c]).permuted([0, 5, 3, 1, 4, 2]).reshaped([b, c, h, w])
        }
    }
}
