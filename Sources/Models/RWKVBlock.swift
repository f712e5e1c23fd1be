import Autograd
import NeuralNets

/// One pre-LN RWKV block: `x + TM(LN1(x))`, then `+ CM(LN2(·))`.
public final class RWKVBlock: Layer {
    public let ln1, ln2: LayerNorm
    public let timeMixing: RWKVTimeMixing
    /// `RWKVChannelMixing` or `RWKVQuantumChannelMixing`.
    public let channelMixing: any RWKVChannelMixer

    /// Parameters drawn in the order of the code: time mixing, then channel mixing.
    public init(_ configuration: VisionQRWKVConfiguration, name: String, generator: inout some RandomNumberGenerator) {
        let c = configuration.embedding
        ln1 = LayerNorm(features: c, epsilon: configuration.layerNormEpsilon, name: "\(name).ln1")
        ln2 = LayerNorm(features: c, epsilon: configuration.layerNormEpsilon, name: "\(name).ln2")
        timeMixing = RWKVTimeMixing(embedding: c, heads: configuration.heads, name: "\(name).att", generator: &generator)
        if configuration.quantum {
            channelMixing = RWKVQuantumChannelMixing(embedding: c, hidden: configuration.intermediate,
                                                     qubits: configuration.qubits, depth: configuration.depth,
                                                     form: configuration.form, name: "\(name).ffn", generator: &generator)
        } else {
            channelMixing = RWKVChannelMixing(embedding: c, hidden: configuration.intermediate,
                                              form: configuration.form, name: "\(name).ffn", generator: &generator)
        }
    }

    public var parameters: [Parameter] {
        ln1.parameters + ln2.parameters + timeMixing.parameters + channelMixing.parameters
    }

    /// `x` `[B, T, C]` → `[B, T, C]`.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        let mixed = x + timeMixing(ln1(x))
        return mixed + channelMixing(ln2(mixed))
    }

    /// The last token's row of `self(x)`: `[B, T, C]` → `[B, C]`. Everything after the time
    /// mixing's recurrence acts per token, so only the last token's row is computed from there
    /// on (the same values as slicing `self(x)`, up to rounding, at a fraction of the cost).
    public func lastToken(_ x: Tensor) -> Tensor {
        let (batch, steps, c) = (x.shape[0], x.shape[1], x.shape[2])
        let mixed = x.slice(axis: 1, (steps - 1)..<steps).reshaped([batch, c]) + timeMixing.lastToken(ln1(x))
        let tokens = mixed.reshaped([batch, 1, c])
        return (tokens + channelMixing(ln2(tokens))).reshaped([batch, c])
    }
}
