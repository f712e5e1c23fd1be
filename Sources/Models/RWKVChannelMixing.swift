import Autograd
import NeuralNets

/// The classical RWKV channel mixing (the feed-forward part of a block).
///
/// Code form (`rwkv.py`, `RWKVChannelMixing`): `sigmoid(W_r (mu_r * x)) * W_v relu(W_k (mu_k * x))^2`.
/// The code's "token shift" mixes x with a zero state, so it reduces to these per-channel
/// scales, trainable and initialised to `i / (C − 1)`.
/// Paper-text form (equation 1): `sigmoid(W_r x) * W_2 ReLU(W_1 x)`, without mu.
/// All matrices are bias-free; `key` is C → hidden, `value` hidden → C, `receptance` C → C.
public final class RWKVChannelMixing: RWKVChannelMixer {
    public let form: VisionQRWKVConfiguration.Form
    /// `[C]`, code form only.
    public let muKey, muReceptance: Parameter?
    /// W_k (the paper's W_1), W_r, W_v (W_2).
    public let key, receptance, value: Linear

    /// PyTorch-default Linear initialisation, drawn in the order key, receptance, value.
    public init(embedding c: Int, hidden: Int, form: VisionQRWKVConfiguration.Form, name: String,
                generator: inout some RandomNumberGenerator) {
        self.form = form
        if form == .code {
            (muKey, muReceptance) = (RWKVChannelMixing.mu("\(name).mu_k", c), RWKVChannelMixing.mu("\(name).mu_r", c))
        } else {
            (muKey, muReceptance) = (nil, nil)
        }
        key = Linear(inFeatures: c, outFeatures: hidden, bias: false, name: "\(name).key", generator: &generator)
        receptance = Linear(inFeatures: c, outFeatures: c, bias: false, name: "\(name).receptance", generator: &generator)
        value = Linear(inFeatures: hidden, outFeatures: c, bias: false, name: "\(name).value", generator: &generator)
        // B·T tokens per product: split over both cores (`Linear.splitsRows`).
        for layer in [key, receptance, value] { layer.splitsRows = true }
    }

    /// A channel scale `[C]` initialised to `i / (C − 1)`, as the code's `time_mix_k/r` of channel mixing.
    static func mu(_ name: String, _ c: Int) -> Parameter {
        Parameter(name: name, tensor: Tensor(shape: [c], data: (0..<c).map { Float($0) / Float(max(c - 1, 1)) }))
    }

    public var parameters: [Parameter] {
        [muKey, muReceptance].compactMap { $0 } + key.parameters + receptance.parameters + value.parameters
    }

    /// `x` `[B, T, C]` → `[B, T, C]`.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        switch form {
        case .code:
            // mu_k and mu_r scale the weights' columns instead of x (`Linear(_:inputScale:)`).
            let gate = receptance(x, inputScale: muReceptance!.tensor)
            return Tensor.sigmoidGate(gate, value(key(x, inputScale: muKey!.tensor).squaredReLU()))
        case .paperText:
            return Tensor.sigmoidGate(receptance(x), value(key(x).relu()))
        }
    }
}
