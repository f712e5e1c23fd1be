import Autograd
import NeuralNets

/// torchvision MaxViT's `RelativePositionalMultiHeadAttention` over windows of `size x size` tokens:
/// `to_qkv` Linear(C, 3C) -> per head softmax(q kᵀ · C^(-1/2) + relative position bias) v -> `merge` Linear(C, C).
/// The scale is C^(-1/2) (torchvision's `feat_dim ** -0.5`, not the head dimension's). The bias of tokens
/// i = (yi, xi) and j = (yj, xj) is `relative_position_bias_table[(yi − yj + size − 1)(2 size − 1) + xi − xj + size − 1, h]`,
/// a learned [(2 size − 1)², heads] table read through torchvision's fixed `relative_position_index`.
public final class RelativePositionalAttention: Layer {
    public let heads: Int
    public let size: Int
    /// [(2 size − 1)², heads], `<name>.relative_position_bias_table`.
    public let table: Parameter
    public let toQKV: Linear
    public let merge: Linear
    /// `relative_position_index` flattened: for token pair (i, j), the table row of their offset.
    public let index: [Int]

    /// An attention of `channels` split into heads of `headDim`, named `<name>.*`; the table is zero until MaxViT
    /// initialises it, the projections have PyTorch's defaults.
    public init(channels: Int, headDim: Int, size: Int, name: String, generator: inout some RandomNumberGenerator) {
        precondition(channels % headDim == 0, "\(name): feat_dim \(channels) must be divisible by head_dim \(headDim)")
        heads = channels / headDim
        self.size = size
        let side = 2 * size - 1
        table = Parameter(name: "\(name).relative_position_bias_table", tensor: Tensor(zeros: [side * side, heads], requiresGrad: true))
        toQKV = Linear(inFeatures: channels, outFeatures: 3 * channels, name: "\(name).to_qkv", generator: &generator)
        merge = Linear(inFeatures: channels, outFeatures: channels, name: "\(name).merge", generator: &generator)
        index = Self.relativePositionIndex(size)
    }

    /// torchvision's `_get_relative_position_index(size, size)`, row-major over (i, j).
    public static func relativePositionIndex(_ size: Int) -> [Int] {
        let tokens = size * size
        var index = [Int](repeating: 0, count: tokens * tokens)
        for i in 0..<tokens {
            for j in 0..<tokens {
                index[i * tokens + j] = (i / size - j / size + size - 1) * (2 * size - 1) + (i % size - j % size + size - 1)
            }
        }
        return index
    }

    public var parameters: [Parameter] { [table] + toQKV.parameters + merge.parameters }
    public var sublayers: [any Layer] { [toQKV, merge] }

    /// `x` [B, G, P, C] (P = size²) -> [B, G, P, C].
    public func callAsFunction(_ x: Tensor) -> Tensor {
        let tokens = size * size
        let bias = Tensor.embedding(index, shape: [tokens, tokens], weight: table.tensor).permuted([2, 0, 1])
        let scale = Float(1 / Double(toQKV.inFeatures).squareRoot())
        return merge(Tensor.windowAttention(toQKV(x), bias: bias, heads: heads, scale: scale))
    }
}
