import Autograd

/// Layers applied one after the other, like `torch.nn.Sequential`. Parameters keep the names
/// their layers were created with.
public final class Sequential: UnaryLayer {
    /// The name used in messages.
    public let name: String
    /// The layers, in application order.
    public let layers: [any UnaryLayer]

    /// A pipeline of `layers`.
    public init(name: String, _ layers: [any UnaryLayer]) {
        self.name = name
        self.layers = layers
    }

    /// Every layer's parameters, in order.
    public var parameters: [Parameter] { layers.flatMap(\.parameters) }
    /// Every layer's buffers, in order.
    public var buffers: [Buffer] { layers.flatMap(\.buffers) }
    /// The layers.
    public var sublayers: [any Layer] { layers }

    /// Threads the shape through every layer; the first layer that rejects it throws.
    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        try layers.reduce(inputShape) { try $1.outputShape(for: $0) }
    }

    /// Applies the layers in order. A `BatchNorm` directly followed by a ReLU `Activation`
    /// runs as one fused op (`Tensor.batchNormReLU`: same values and gradients, one pass over
    /// the data instead of two).
    public func callAsFunction(_ x: Tensor) -> Tensor {
        var x = x, index = 0
        while index < layers.count {
            if let norm = layers[index] as? BatchNorm, index + 1 < layers.count,
               let activation = layers[index + 1] as? Activation, activation.kind == .relu {
                x = norm.followedByReLU(x)
                index += 2
            } else {
                x = layers[index](x)
                index += 1
            }
        }
        return x
    }
}
