/// A 2×2 complex matrix `[[m00, m01], [m10, m11]]`: the form every one-qubit gate takes in the kernels.
///
/// A plain struct of four `Complex` values, so building one per sample allocates nothing.
public struct Matrix2: Hashable, Sendable {
    /// Entries, `m<row><column>`.
    public var m00: Complex, m01: Complex, m10: Complex, m11: Complex

    /// `[[m00, m01], [m10, m11]]`.
    @inlinable public init(_ m00: Complex, _ m01: Complex, _ m10: Complex, _ m11: Complex) {
        self.m00 = m00
        self.m01 = m01
        self.m10 = m10
        self.m11 = m11
    }

    /// The identity.
    public static let identity = Matrix2(.one, .zero, .zero, .one)

    /// The conjugate transpose.
    @inlinable public var adjoint: Matrix2 {
        Matrix2(m00.conjugate, m10.conjugate, m01.conjugate, m11.conjugate)
    }

    /// The matrix product `a · b`.
    @inlinable public static func * (a: Matrix2, b: Matrix2) -> Matrix2 {
        Matrix2(a.m00 * b.m00 + a.m01 * b.m10, a.m00 * b.m01 + a.m01 * b.m11,
                a.m10 * b.m00 + a.m11 * b.m10, a.m10 * b.m01 + a.m11 * b.m11)
    }

    /// `s · a`.
    @inlinable public static func * (s: Complex, a: Matrix2) -> Matrix2 {
        Matrix2(s * a.m00, s * a.m01, s * a.m10, s * a.m11)
    }

    /// As a general 2×2 `ComplexMatrix`.
    public var complexMatrix: ComplexMatrix {
        ComplexMatrix(dimension: 2, entries: [m00, m01, m10, m11])
    }
}
