import Autograd

/// Batch normalisation over axis 1, like `torch.nn.BatchNorm1d` ([N, C] or [N, C, L]) and
/// `BatchNorm2d` ([N, C, H, W]) with their defaults: affine weight (ones) and bias (zeros),
/// running mean (zeros) and variance (ones) tracked with momentum 0.1 and the unbiased batch
/// variance, eps 1e-5. Training mode normalises with batch statistics and updates the
/// running ones; evaluation mode uses the running statistics.
public final class BatchNorm: UnaryLayer, ModeDependentLayer {
    /// The name used in messages and as the prefix of parameters and buffers.
    public let name: String
    /// Channels C.
    public let features: Int
    /// Weight of the new batch statistic in the running average.
    public let momentum: Float
    /// Added to the variance before the square root.
    public let epsilon: Float
    /// [C], `<name>.weight`.
    public let weight: Parameter
    /// [C], `<name>.bias`.
    public let bias: Parameter
    /// [C], `<name>.running_mean`.
    public let runningMean: Buffer
    /// [C], `<name>.running_var`.
    public let runningVariance: Buffer
    /// Training (batch statistics) or evaluation (running statistics) mode.
    public var isTraining = true

    /// A layer with PyTorch's initial values (deterministic: no generator needed).
    public init(features: Int, momentum: Float = 0.1, epsilon: Float = 1e-5, name: String) {
        precondition(features > 0, "BatchNorm \(name): features must be positive, got \(features)")
        self.name = name
        self.features = features
        self.momentum = momentum
        self.epsilon = epsilon
        weight = Parameter(name: "\(name).weight", tensor: Tensor(shape: [features], data: [Float](repeating: 1, count: features)))
        bias = Parameter(name: "\(name).bias", tensor: Tensor(zeros: [features]))
        runningMean = Buffer(name: "\(name).running_mean", shape: [features], values: [Float](repeating: 0, count: features))
        runningVariance = Buffer(name: "\(name).running_var", shape: [features], values: [Float](repeating: 1, count: features))
    }

    /// `weight`, then `bias`.
    public var parameters: [Parameter] { [weight, bias] }
    /// Running mean, then running variance.
    public var buffers: [Buffer] { [runningMean, runningVariance] }

    /// The input shape, after checking it is [N, C, ...] with this layer's C (and, in
    /// training, more than one value per channel).
    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        guard inputShape.count >= 2, inputShape[1] == features else {
            throw error("input \(inputShape) must be [N, \(features), ...]")
        }
        if isTraining && inputShape[0] * inputShape[2...].reduce(1, *) < 2 {
            throw error("input \(inputShape) has 1 value per channel; training needs more than 1")
        }
        return inputShape
    }

    /// Normalises `x` (updating the running statistics in training mode).
    public func callAsFunction(_ x: Tensor) -> Tensor {
        Tensor.batchNorm(x, weight: weight.tensor, bias: bias.tensor,
                         runningMean: &runningMean.values, runningVariance: &runningVariance.values,
                         training: isTraining, momentum: momentum, epsilon: epsilon)
    }

    /// `relu(self(x))` as one fused op (see `Tensor.batchNormReLU`).
    public func followedByReLU(_ x: Tensor) -> Tensor {
        Tensor.batchNormReLU(x, weight: weight.tensor, bias: bias.tensor,
                             runningMean: &runningMean.values, runningVariance: &runningVariance.values,
                             training: isTraining, momentum: momentum, epsilon: epsilon)
    }
}
