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

