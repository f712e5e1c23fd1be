import Autograd

/// Layer normalisation over the last axis, like `torch.nn.LayerNorm(features)`: weight
/// (ones) and bias (zeros) of [features], eps 1e-5.
public final class LayerNorm: UnaryLayer {
    /// The name used in messages and as the parameters' prefix.
    public let name: String
    /// The last axis' extent D.
    public let features: Int
    /// Added to the variance before the square root.
    public let epsilon: Float
    /// [D], `<name>.weight`.
    public let weight: Parameter
    /// [D], `<name>.bias`.
    public let bias: Parameter

    /// A layer with PyTorch's initial values.
    public init(features: Int, epsilon: Float = 1e-5, name: String) {
        precondition(features > 0, "LayerNorm \(name): features must be positive, got \(features)")
        self.name = name
        self.features = features
        self.epsilon = epsilon
        weight = Parameter(name: "\(name).weight", tensor: Tensor(shape: [features], data: [Float](repeating: 1, count: features)))
        bias = Parameter(name: "\(name).bias", tensor: Tensor(zeros: [features]))
    }

    /// `weight`, then `bias`.
    public var parameters: [Parameter] { [weight, bias] }

    /// The input shape, after checking its last axis is D.
    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        guard inputShape.last == features else { throw error("input \(inputShape) must end in \(features) features") }
        return inputShape
    }

    /// Normalises each row of the last axis.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        Tensor.layerNorm(x, weight: weight.tensor, bias: bias.tensor, epsilon: epsilon)
    }
}
