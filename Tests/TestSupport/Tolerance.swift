import Foundation

/// Every numeric tolerance the tests use, in one place, with the reason for each.
public enum Tolerance {
    /// Quantum expectation values and gradients vs PennyLane goldens (both complex128).
    public static let pennyLane = 1e-10
    /// Adjoint gradients vs central finite differences in Double (step 1e-6: error ~ h^2 + eps/h).
    public static let quantumFiniteDifference = 1e-7
    /// Float32 layer outputs and gradients vs PyTorch goldens (relative).
    public static let torchRelative: Float = 1e-5
    /// Float32 training trajectory vs PyTorch (relative; error accumulates over steps).
    public static let torchTrajectoryRelative: Float = 1e-4
    /// Float32 autograd gradients vs central finite differences evaluated in Double around Float32 ops.
    public static let autogradFiniteDifferenceRelative: Float = 2e-2

    /// `|a - b| <= abs + rel * max(|a|, |b|)`.
    public static func close(_ a: Double, _ b: Double, abs: Double = 0, rel: Double = 0) -> Bool {
        Swift.abs(a - b) <= abs + rel * max(Swift.abs(a), Swift.abs(b))
    }

    /// Largest absolute difference between two equally long arrays.
    public static func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count, "length mismatch \(a.count) vs \(b.count)")
        return zip(a, b).reduce(0) { max($0, Swift.abs($1.0 - $1.1)) }
    }
}
