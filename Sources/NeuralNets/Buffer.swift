/// Named non-trainable state of a layer (BatchNorm's running mean and variance): updated by
/// the forward pass in training mode, saved and restored by checkpoints, never by optimisers.
public final class Buffer {
    /// The dotted name, unique within a model (for example `"bn1.running_mean"`).
    public let name: String
    /// The extent of each axis.
    public let shape: [Int]
    /// The values, row-major.
    public var values: [Float]

    /// A buffer holding `values`.
    /// - Precondition: `values.count` is the product of `shape`.
    public init(name: String, shape: [Int], values: [Float]) {
        precondition(values.count == shape.reduce(1, *), "buffer \(name): \(values.count) values for shape \(shape)")
        self.name = name
        self.shape = shape
        self.values = values
    }
}
