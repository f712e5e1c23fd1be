/// Anything with trainable parameters: a single layer or a whole model (which lists the
/// parameters of its sub-layers, with their names prefixed by the sub-layer's name).
public protocol Layer: AnyObject {
    /// Every trainable parameter, in a fixed order, named like `"fc.weight"`.
    var parameters: [Parameter] { get }
}

extension Layer {
    /// The number of scalar parameters, classical and quantum.
    public var parameterCount: ParameterCount { ParameterCount(parameters) }
}
