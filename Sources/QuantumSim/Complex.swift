import Foundation

/// A complex number in Double precision (PennyLane's `complex128`).
public struct Complex: Hashable, Codable, Sendable {
    /// Real part.
    public var re: Double
    /// Imaginary part.
    public var im: Double

    /// `re + i·im`.
    @inlinable public init(_ re: Double, _ im: Double = 0) {
        self.re = re
        self.im = im
    }

    /// 0.
    public static let zero = Complex(0, 0)
    /// 1.
    public static let one = Complex(1, 0)
    /// The imaginary unit.
    public static let i = Complex(0, 1)

    /// `e^{iθ}`.
    @inlinable public static func phase(_ theta: Double) -> Complex { Complex(cos(theta), sin(theta)) }

    /// The complex conjugate.
    @inlinable public var conjugate: Complex { Complex(re, -im) }

    /// `|z|`.
    @inlinable public var magnitude: Double { (re * re + im * im).squareRoot() }

    /// Sum.
    @inlinable public static func + (a: Complex, b: Complex) -> Complex { Complex(a.re + b.re, a.im + b.im) }
    /// Difference.
    @inlinable public static func - (a: Complex, b: Complex) -> Complex { Complex(a.re - b.re, a.im - b.im) }
    /// Negation.
    @inlinable public static prefix func - (a: Complex) -> Complex { Complex(-a.re, -a.im) }
    /// Product.
    @inlinable public static func * (a: Complex, b: Complex) -> Complex {
        Complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
    }
    /// Real multiple.
    @inlinable public static func * (s: Double, a: Complex) -> Complex { Complex(s * a.re, s * a.im) }
    /// In-place sum.
    @inlinable public static func += (a: inout Complex, b: Complex) { a = a + b }
}
