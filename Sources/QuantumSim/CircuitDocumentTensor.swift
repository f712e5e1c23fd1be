/// A named weight tensor of a circuit file, `{"name": "w", "shape": [3, 5, 3]}`; the circuit's flat weight
/// vector is every tensor row-major, in the order the file declares them.
public struct CircuitDocumentTensor: Hashable, Sendable, Codable {
    /// The name parameters refer to.
    public var name: String
    /// The size of each dimension.
    public var shape: [Int]

    /// A tensor `name` of `shape`.
    public init(name: String, shape: [Int]) {
        self.name = name
        self.shape = shape
    }

    /// Number of elements (1 for a scalar).
    public var count: Int { shape.reduce(1, *) }

    /// The row-major offset of `index` (one entry per dimension, each in range).
    public func offset(of index: [Int]) -> Int {
        zip(index, shape).reduce(0) { $0 * $1.1 + $1.0 }
    }

    /// The index whose row-major offset is `offset` (in `0..<count`).
    public func index(ofOffset offset: Int) -> [Int] {
        var rest = offset
        var index = [Int](repeating: 0, count: shape.count)
        for d in shape.indices.reversed() where shape[d] > 0 {
            index[d] = rest % shape[d]
            rest /= shape[d]
        }
        return index
    }
}
