import Autograd

/// A trainable tensor of a layer, with the dotted name it is reported and stored under
/// (for example `"fc.weight"` or `"conv.bias"`).
public final class Parameter {
    /// The dotted name, unique within a model.
    public let name: String
    /// The values; a leaf tensor with `requiresGrad` set.
    public let tensor: Tensor
    /// Classical or quantum, for the parameter counts the papers report.
    public let kind: ParameterKind

    /// Wraps `tensor` (which must be a leaf) and marks it as requiring a gradient.
    public init(name: String, tensor: Tensor, kind: ParameterKind = .classical) {
        precondition(tensor.isLeaf, "parameter \(name) must be a leaf tensor, not the result of an op")
        tensor.requiresGrad = true
        self.name = name
        self.tensor = tensor
        self.kind = kind
    }

    /// The number of scalar values.
    public var count: Int { tensor.count }
}
