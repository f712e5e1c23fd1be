/// The run's random number generator: xoshiro256** seeded through SplitMix64.
///
/// A run owns one seed; each purpose (initialisation, shuffling, ...) gets its own stream derived
/// from the seed and the purpose, so adding draws for one purpose never shifts another's numbers.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator for `purpose` within the run seeded with `seed`.
    public init(seed: UInt64, purpose: RandomPurpose) {
        var mixer = seed ^ purpose.salt
        state = (Self.splitMix(&mixer), Self.splitMix(&mixer), Self.splitMix(&mixer), Self.splitMix(&mixer))
    }

    /// The four words of the generator's state, to save it in a checkpoint and continue the stream later.
    public var stateWords: [UInt64] { [state.0, state.1, state.2, state.3] }

    /// A generator continuing from a saved `state` (four words, as `stateWords` returns them; not all zero).
    public init?(stateWords words: [UInt64]) {
        guard words.count == 4, words.contains(where: { $0 != 0 }) else { return nil }
        state = (words[0], words[1], words[2], words[3])
    }

    public mutating func next() -> UInt64 {
        let result = rotl(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotl(state.3, 45)
        return result
    }

    /// A double uniform on [0, 1) from the top 53 bits (our conversion, pinned across toolchains).
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A uniform integer in 0..<bound, unbiased (Lemire's multiply-and-reject).
    public mutating func nextIndex(below bound: Int) -> Int {
        precondition(bound > 0)
        let b = UInt64(bound)
        var product = next().multipliedFullWidth(by: b)
        if product.low < b {
            let threshold = (0 &- b) % b
            while product.low < threshold { product = next().multipliedFullWidth(by: b) }
        }
        return Int(product.high)
    }

    /// Fisher-Yates shuffle of 0..<count.
    public mutating func permutation(_ count: Int) -> [Int] {
        var order = Array(0..<count)
        for i in stride(from: count - 1, to: 0, by: -1) {
            order.swapAt(i, nextIndex(below: i + 1))
        }
        return order
    }

    private static func splitMix(_ x: inout UInt64) -> UInt64 {
        x &+= 0x9E37_79B9_7F4A_7C15
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

/// What a random stream is for; each has a fixed salt.
public enum RandomPurpose: String, Sendable, CaseIterable {
    case initialisation
    case shuffle
    case dropout
    case shots
    /// Which images of a class-ordered split a reduced scale uses (seed 0 for every run).
    case subset

    /// FNV-1a of the name: stable across runs, toolchains and machines (unlike `hashValue`).
    var salt: UInt64 {
        rawValue.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
