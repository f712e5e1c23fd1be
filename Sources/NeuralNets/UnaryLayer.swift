import Autograd

/// A layer that maps one tensor to one tensor, and can check an input shape before running.
///
/// The ops themselves stop the process on a shape they cannot handle (a programming
/// error); `outputShape(for:)` is the throwing check in front of them, so a model built
/// from user configuration can be validated once (`try model.outputShape(for: [1, 1, 28, 28])`)
/// and report which layer rejects which shape, and `checked(_:)` validates every call.
public protocol UnaryLayer: Layer {
    /// The name used in messages and as the parameters' prefix.
    var name: String { get }
    /// The output shape for an input of `inputShape`.
    /// - Throws: `LayerError` naming this layer and the shapes when the input is invalid.
    func outputShape(for inputShape: [Int]) throws -> [Int]
    /// The forward pass. Precondition: `outputShape(for: x.shape)` does not throw.
    func callAsFunction(_ x: Tensor) -> Tensor
}

extension UnaryLayer {
    /// The forward pass after validating the input's shape.
    /// - Throws: `LayerError` when `outputShape(for: x.shape)` does.
    public func checked(_ x: Tensor) throws -> Tensor {
        _ = try outputShape(for: x.shape)
        return self(x)
    }

    /// A `LayerError` of this layer, its type in parentheses: `"conv1 (Conv2d): ..."`.
    func error(_ message: String) -> LayerError {
        LayerError(layer: "\(name) (\(String(describing: type(of: self))))", message)
    }
}
