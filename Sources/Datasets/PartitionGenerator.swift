import Foundation

/// SplitMix64 (Steele, Lea, Flood 2014; Vigna's reference `splitmix64.c`), the generator behind the
/// registry's seeded splits. A dataset's split is part of its definition, so its seed lives in the
/// registry and this generator is fixed here, independent of the training RNG.
struct PartitionGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose first output is that of the reference code started at `seed`.
    init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
