import Testing

/// The first element where `|actual − expected| > abs + rel·max(|actual|, |expected|)`,
/// described, or `nil` if all elements agree.
public func firstMismatch(_ actual: [Float], _ expected: [Float], rel: Float, abs: Float) -> String? {
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
public func expectClose(_ actual: [Float], _ expected: [Float], rel: Float, abs: Float, _ what: String,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    let mismatch = firstMismatch(actual, expected, rel: rel, abs: abs)
    #expect(mismatch == nil, "\(what): \(mismatch ?? "")", sourceLocation: sourceLocation)
}

/// Expects agreement with a PyTorch golden at `Tolerance.torchRelative`, with the absolute
/// floor `Tolerance.torchAbsoluteFloor` for values near zero.
public func expectTorchClose(_ actual: [Float], _ expected: [Float], _ what: String,
                      sourceLocation: SourceLocation = #_sourceLocation) {
    expectClose(actual, expected, rel: Tolerance.torchRelative, abs: Tolerance.torchAbsoluteFloor, what,
                sourceLocation: sourceLocation)
}
