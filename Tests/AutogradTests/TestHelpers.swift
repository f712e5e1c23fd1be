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

/// The first index where `|actual − expected| > abs + rel·max(|actual|, |expected|)`, with
/// the worst such violation's details, or `nil` if all elements agree.
func firstMismatch(_ actual: [Float], _ expected: [Float], rel: Float, abs: Float) -> String? {
    guard actual.count == expected.count else { return "count \(actual.count) vs expected \(expected.count)" }
    for i in actual.indices {
        let a = actual[i], e = expected[i]
        if !(Swift.abs(a - e) <= abs + rel * max(Swift.abs(a), Swift.abs(e))) {
            return "element \(i): \(a) vs expected \(e) (diff \(a - e))"
        }
    }
    return nil
}

/// Expects `actual` to match `expected` element-wise within `rel` (relative) and `abs`.
func expectClose(_ actual: [Float], _ expected: [Float], rel: Float, abs: Float, _ what: String,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    let mismatch = firstMismatch(actual, expected, rel: rel, abs: abs)
    #expect(mismatch == nil, "\(what): \(mismatch ?? "")", sourceLocation: sourceLocation)
}

/// Expects agreement with a PyTorch golden at `Tolerance.torchRelative`, with the absolute
/// floor `Tolerance.torchAbsoluteFloor` for values near zero.
func expectTorchClose(_ actual: [Float], _ expected: [Float], _ what: String,
                      sourceLocation: SourceLocation = #_sourceLocation) {
    expectClose(actual, expected, rel: Tolerance.torchRelative, abs: Tolerance.torchAbsoluteFloor, what,
                sourceLocation: sourceLocation)
}
