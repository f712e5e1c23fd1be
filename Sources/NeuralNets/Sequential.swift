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

    /// Applies the layers in order.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        layers.reduce(x) { $1($0) }
    }
}
