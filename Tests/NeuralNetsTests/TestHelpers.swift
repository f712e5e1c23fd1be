import Testing
import TestSupport

/// A generator that replays fixed outputs, cycling.
struct ReplayGenerator: RandomNumberGenerator {
    let values: [UInt64]
    var index = 0
    init(_ values: [UInt64]) { self.values = values }
    mutating func next() -> UInt64 {
        defer { index = (index + 1) % values.count }
        return values[index]
    }
}

/// Expects element-wise `|a − e| ≤ abs + rel·max(|a|, |e|)`.
func expectClose(_ actual: [Float], _ expected: [Float], rel: Float, abs: Float, _ what: String,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    guard actual.count == expected.count else {
        Issue.record("\(what): count \(actual.count) vs expected \(expected.count)", sourceLocation: sourceLocation)
        return
    }
    for i in actual.indices {
        let a = actual[i], e = expected[i]
        if !(Swift.abs(a - e) <= abs + rel * max(Swift.abs(a), Swift.abs(e))) {
            Issue.record("\(what): element \(i): \(a) vs expected \(e)", sourceLocation: sourceLocation)
            return
        }
    }
}
