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

    private enum CodingKeys: String, CodingKey { case name, shape }

    /// Decodes `{"name": "w", "shape": [3, 5, 3]}`; a shape entry that is not an integer is named.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decode(String.self, forKey: .name), shape: try c.integers(forKey: .shape))
    }

    /// Number of elements (1 for a scalar); `Int.max` when the product overflows (a shape read from a file
    /// may be anything: `CircuitDocument.circuit()` refuses such a tensor before using it).
    public var count: Int { checkedCount ?? Int.max }

    /// Number of elements, or nil when a dimension is negative or the product overflows `Int`.
    public var checkedCount: Int? {
        var product = 1
        for size in shape {
            guard size >= 0 else { return nil }
            let (next, overflow) = product.multipliedReportingOverflow(by: size)
            if overflow { return nil }
            product = next
        }
        return product
    }

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
