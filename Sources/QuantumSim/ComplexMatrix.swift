/// A dense square complex matrix, row-major: the reference form of a gate (`Gate.matrix(angle:)`),
/// used to state and check semantics rather than in the hot kernels.
public struct ComplexMatrix: Hashable, Sendable {
    /// Rows (= columns).
    public let dimension: Int
    /// `dimension²` entries, row-major.
    public private(set) var entries: [Complex]

    /// A matrix from row-major entries; `entries.count` must be `dimension²`.
    public init(dimension: Int, entries: [Complex]) {
        precondition(entries.count == dimension * dimension,
                     "ComplexMatrix: \(entries.count) entries for dimension \(dimension)")
        self.dimension = dimension
        self.entries = entries
    }

    /// The `dimension × dimension` identity.
    public static func identity(_ dimension: Int) -> ComplexMatrix {
        var m = ComplexMatrix(dimension: dimension, entries: Array(repeating: .zero, count: dimension * dimension))
        for k in 0..<dimension { m[k, k] = .one }
        return m
    }

    /// Entry at `row`, `column`.
    public subscript(row: Int, column: Int) -> Complex {
        get { entries[row * dimension + column] }
        set { entries[row * dimension + column] = newValue }
    }

    /// The conjugate transpose.
    public var adjoint: ComplexMatrix {
        var m = self
        for r in 0..<dimension { for c in 0..<dimension { m[r, c] = self[c, r].conjugate } }
        return m
    }

    /// The matrix product `a · b`.
    public static func * (a: ComplexMatrix, b: ComplexMatrix) -> ComplexMatrix {
        precondition(a.dimension == b.dimension, "ComplexMatrix: dimensions \(a.dimension) and \(b.dimension)")
        let n = a.dimension
        var m = ComplexMatrix(dimension: n, entries: Array(repeating: .zero, count: n * n))
        for r in 0..<n {
            for c in 0..<n {
                var s = Complex.zero
                for k in 0..<n { s += a[r, k] * b[k, c] }
                m[r, c] = s
            }
        }
        return m
    }

    /// `s · a`.
    public static func * (s: Complex, a: ComplexMatrix) -> ComplexMatrix {
        ComplexMatrix(dimension: a.dimension, entries: a.entries.map { s * $0 })
    }

    /// Entry-wise `a - b`.
    public static func - (a: ComplexMatrix, b: ComplexMatrix) -> ComplexMatrix {
        precondition(a.dimension == b.dimension, "ComplexMatrix: dimensions \(a.dimension) and \(b.dimension)")
        return ComplexMatrix(dimension: a.dimension, entries: zip(a.entries, b.entries).map { $0 - $1 })
    }

    /// The largest entry-wise `|a - b|`.
    public func maxDistance(to other: ComplexMatrix) -> Double {
        (self - other).entries.reduce(0) { max($0, $1.magnitude) }
    }
}
