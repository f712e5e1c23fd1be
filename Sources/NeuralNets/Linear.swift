import Autograd

/// A fully connected layer, `y = x · weightᵀ + bias`, like `torch.nn.Linear`.
public final class Linear: UnaryLayer {
    /// The name used in messages and as the parameters' prefix.
    public let name: String
    /// Input features (last axis of the input).
    public let inFeatures: Int
    /// Output features.
    public let outFeatures: Int
    /// [out, in], named `<name>.weight`.
    public let weight: Parameter
    /// [out], named `<name>.bias`; `nil` without a bias.
    public let bias: Parameter?
    /// Whether the products run as `Tensor.parallelLinear` (split over fixed chunks of rows that
    /// run concurrently) instead of `Tensor.linear`: for layers applied to many rows at once with
    /// few features, such as RWKV's token projections. Off by default.
    public var splitsRows = false

    /// A layer with PyTorch's default initialisation, weight first, then bias:
    /// weight U(−1/√in, 1/√in) (kaiming_uniform with a = √5), bias U(−1/√in, 1/√in).
    public init(inFeatures: Int, outFeatures: Int, bias: Bool = true, name: String,
                generator: inout some RandomNumberGenerator) {
        precondition(inFeatures >= 0 && outFeatures >= 0, "Linear \(name): negative feature count")
        self.name = name
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        let weightBound = Initializer.kaimingUniformBound(fanIn: inFeatures)
        weight = Parameter(name: "\(name).weight", tensor: Tensor(
            shape: [outFeatures, inFeatures],
            data: Initializer.uniform(count: outFeatures * inFeatures, lower: -weightBound, upper: weightBound,
                                      generator: &generator)))
        if bias {
            let biasBound = Initializer.biasBound(fanIn: inFeatures)
            self.bias = Parameter(name: "\(name).bias", tensor: Tensor(
                shape: [outFeatures],
                data: Initializer.uniform(count: outFeatures, lower: -biasBound, upper: biasBound, generator: &generator)))
        } else {
            self.bias = nil
        }
    }

    /// `weight`, then `bias` if present.
    public var parameters: [Parameter] { [weight] + (bias.map { [$0] } ?? []) }

    /// `[..., out]` for an input `[..., in]`.
    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        guard inputShape.last == inFeatures else {
            throw error("input \(inputShape) must end in \(inFeatures) features")
        }
        return inputShape.dropLast() + [outFeatures]
    }

    /// `x` [..., in] → [..., out].
    public func callAsFunction(_ x: Tensor) -> Tensor {
        apply(x, weight: weight.tensor)
    }

    /// `self(x * scale)` for a per-feature `scale` [in] (RWKV's mu mixing), computed as
    /// `x · (weight · diag(scale))ᵀ + bias`: the scale multiplies the [out, in] weight rather
    /// than the [..., in] activations (out·in products instead of one per activation), equal up
    /// to rounding; `scale` gets its gradient through the scaled weight.
    /// - Precondition: `scale` is [in].
    public func callAsFunction(_ x: Tensor, inputScale scale: Tensor) -> Tensor {
        precondition(scale.shape == [inFeatures], "Linear \(name): input scale must be [\(inFeatures)], got \(scale.shape)")
        return apply(x, weight: weight.tensor * scale)
    }

    private func apply(_ x: Tensor, weight: Tensor) -> Tensor {
        splitsRows ? Tensor.parallelLinear(x, weight: weight, bias: bias?.tensor)
            : Tensor.linear(x, weight: weight, bias: bias?.tensor)
    }
}
