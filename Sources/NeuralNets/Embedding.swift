import Autograd
import Foundation

/// A lookup table of `count` vectors of `dimension` values, like `torch.nn.Embedding`,
/// initialised N(0, 1) (Box-Muller on the passed generator's draws).
public final class Embedding: Layer {
    /// The name used in messages and as the parameter's prefix.
    public let name: String
    /// [count, dimension], `<name>.weight`.
    public let weight: Parameter

    /// A table with standard normal entries drawn from `generator`, two uniform draws
    /// `u1, u2` per pair of values: `√(−2 ln(1 − u1))·(cos, sin)(2π·u2)`.
    public init(count: Int, dimension: Int, name: String, generator: inout some RandomNumberGenerator) {
        precondition(count > 0 && dimension > 0, "Embedding \(name): count and dimension must be positive, got \(count), \(dimension)")
        self.name = name
        let total = count * dimension
        var values = [Float](repeating: 0, count: total)
        var i = 0
        while i < total {
            let u1 = Initializer.unitInterval(&generator), u2 = Initializer.unitInterval(&generator)
            let radius = (-2 * log(1 - u1)).squareRoot(), angle = 2 * Double.pi * u2
            values[i] = Float(radius * cos(angle))
            if i + 1 < total { values[i + 1] = Float(radius * sin(angle)) }
            i += 2
        }
        weight = Parameter(name: "\(name).weight", tensor: Tensor(shape: [count, dimension], data: values))
    }

    /// The table.
    public var parameters: [Parameter] { [weight] }

    /// The rows for `indices` (of shape `shape`) → `shape + [dimension]`.
    /// - Throws: `LayerError` for an index outside `0..<count` or a count/shape mismatch.
    public func callAsFunction(_ indices: [Int], shape: [Int]) throws -> Tensor {
        let rows = weight.tensor.shape[0]
        guard indices.count == shape.reduce(1, *) else {
            throw LayerError(layer: "\(name) (Embedding)", "\(indices.count) indices for shape \(shape)")
        }
        if let bad = indices.first(where: { $0 < 0 || $0 >= rows }) {
            throw LayerError(layer: "\(name) (Embedding)", "index \(bad) outside 0..<\(rows)")
        }
        return Tensor.embedding(indices, shape: shape, weight: weight.tensor)
    }
}
