import Autograd
import Testing
import TestSupport

extension SplitMix64 {
    /// Uniform in [lower, upper).
    mutating func uniform(_ lower: Float, _ upper: Float) -> Float {
        lower + (upper - lower) * Float(Double(next() >> 11) * 0x1p-53)
    }
    /// `count` values uniform in [lower, upper).
    mutating func values(_ count: Int, _ lower: Float = -1, _ upper: Float = 1) -> [Float] {
        (0..<count).map { _ in uniform(lower, upper) }
    }
    /// `count` values with `|v|` in [minMagnitude, 1) and random sign (away from kinks at 0).
    mutating func valuesAwayFromZero(_ count: Int, minMagnitude: Float) -> [Float] {
        (0..<count).map { _ in
            let m = uniform(minMagnitude, 1)
            return next() & 1 == 0 ? m : -m
        }
    }
}

/// A tensor of uniform values in [-1, 1) from `generator`.
func randomTensor(_ shape: [Int], _ generator: inout SplitMix64, requiresGrad: Bool = false) -> Tensor {
    Tensor(shape: shape, data: generator.values(shape.reduce(1, *)), requiresGrad: requiresGrad)
}

