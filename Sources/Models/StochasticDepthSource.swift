import NeuralNets

/// The random stream of a model's stochastic depth: SplitMix64 whose 64-bit state lives in a `Buffer`
/// (`stochastic_depth.state`, four 16-bit pieces, each exact in Float32), so an epoch checkpoint saves it with the
/// BatchNorm statistics and a resumed run drops the same samples as an uninterrupted one.
///
/// It is seeded once, from the model's initialisation stream after every weight has been drawn (so adding it
/// shifts no weight), which makes it one more stream of the run's single seeded generator.
public final class StochasticDepthSource: RandomNumberGenerator {
    /// The state, as the buffer checkpoints carry: `[bits 0-15, 16-31, 32-47, 48-63]`.
    public let state: Buffer

    /// A stream starting at `seed`.
    public init(seed: UInt64, name: String = "stochastic_depth.state") {
        state = Buffer(name: name, shape: [4], values: Self.pieces(seed))
    }

    public func next() -> UInt64 {
        var s = state.values.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (16 * UInt64($1.offset)) }
        s &+= 0x9E37_79B9_7F4A_7C15
        state.values = Self.pieces(s)
        var z = s
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private static func pieces(_ value: UInt64) -> [Float] {
        (0..<4).map { Float((value >> (16 * UInt64($0))) & 0xFFFF) }
    }
}
