import Autograd
import NeuralNets

/// The channel-mixing half of an RWKV block, classical or quantum: `[B, T, C]` → `[B, T, C]`.
public protocol RWKVChannelMixer: Layer {
    /// The forward pass on a batch of token sequences.
    func callAsFunction(_ x: Tensor) -> Tensor
}
