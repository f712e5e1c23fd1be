import Autograd

/// A parameter-free element-wise (or row-wise) function as a layer, for `Sequential`.
public final class Activation: UnaryLayer {
    /// The functions available.
    public enum Kind: Sendable, Equatable {
        case relu, squaredReLU, gelu(GELUApproximation), sigmoid, tanh, silu, softmax, logSoftmax
    }
    /// The name used in messages.
    public let name: String
    /// Which function.
    public let kind: Kind

    /// An activation layer.
    public init(_ kind: Kind, name: String) {
        self.kind = kind
        self.name = name
    }

    /// None.
    public var parameters: [Parameter] { [] }

    /// The input shape (softmax forms need a non-empty last axis).
    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        if kind == .softmax || kind == .logSoftmax, (inputShape.last ?? 0) < 1 {
            throw error("input \(inputShape) needs a non-empty last axis")
        }
        return inputShape
    }

    /// Applies the function.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        switch kind {
        case .relu: x.relu()
        case .squaredReLU: x.squaredReLU()
        case .gelu(let approximation): x.gelu(approximation: approximation)
        case .sigmoid: x.sigmoid()
        case .tanh: x.tanh()
        case .silu: x.silu()
        case .softmax: x.softmax()
        case .logSoftmax: x.logSoftmax()
        }
    }
}
