import Testing
import TestSupport

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny seeded generator for reproducible tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

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
