import Autograd
import Foundation
import NeuralNets

/// RWKV-4 time mixing as the Vision-QRWKV code runs it (`RWKVTimeMixing`):
/// `W_o (sigmoid(W_r x) * WKV(W_k x, W_v x))`, all four matrices bias-free C x C, with no
/// token shift (the `time_mix_k/v/r` parameters exist, as in the code, but the forward
/// never reads them, so they get no gradient and the optimiser leaves them alone).
public final class RWKVTimeMixing: Layer {
    /// Unused by the forward; initialised per head to `h / (heads − 1)`, as in the code.
    public let timeMixKey, timeMixValue, timeMixReceptance: Parameter
    /// `[C]`; the decay rate is `exp(timeDecay)`. Initialised to `−5 + 8·(i/(C−1))^0.7`.
    public let timeDecay: Parameter
    /// `[C]`, the current token's bonus u. Initialised to −3.
    public let timeFirst: Parameter
    public let key, value, receptance, output: Linear

    /// PyTorch-default Linear initialisation, drawn in the order key, value, receptance, output.
    public init(embedding c: Int, heads: Int, name: String, generator: inout some RandomNumberGenerator) {
        precondition(c > 1 && heads > 0 && c % heads == 0,
                     "RWKVTimeMixing \(name): embedding \(c) must be > 1 and divisible by heads \(heads)")
        let headSize = c / heads
        let ratios = (0..<c).map { Float($0 / headSize) / Float(max(heads - 1, 1)) }
        func vector(_ suffix: String, _ values: [Float]) -> Parameter {
            Parameter(name: "\(name).\(suffix)", tensor: Tensor(shape: [c], data: values))
        }
        timeMixKey = vector("time_mix_k", ratios)
        timeMixValue = vector("time_mix_v", ratios)
        timeMixReceptance = vector("time_mix_r", ratios)
        timeDecay = vector("time_decay", (0..<c).map { i in
            -5 + 8 * powf(Float(i) / Float(c - 1), 0.7)
        })
        timeFirst = vector("time_first", [Float](repeating: -3, count: c))
        key = Linear(inFeatures: c, outFeatures: c, bias: false, name: "\(name).key", generator: &generator)
        value = Linear(inFeatures: c, outFeatures: c, bias: false, name: "\(name).value", generator: &generator)
        receptance = Linear(inFeatures: c, outFeatures: c, bias: false, name: "\(name).receptance", generator: &generator)
        output = Linear(inFeatures: c, outFeatures: c, bias: false, name: "\(name).output", generator: &generator)
        // B·T tokens of C features per product: split over both cores (`Linear.splitsRows`).
        for layer in [key, value, receptance, output] { layer.splitsRows = true }
    }

    public var parameters: [Parameter] {
        [timeMixKey, timeMixValue, timeMixReceptance, timeDecay, timeFirst]
            + key.parameters + value.parameters + receptance.parameters + output.parameters
    }

    /// `x` `[B, T, C]` → `[B, T, C]`.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        let mixed = Tensor.wkv(key: key(x), value: value(x), timeDecay: timeDecay.tensor, timeFirst: timeFirst.tensor)
        return output(Tensor.sigmoidGate(receptance(x), mixed))
    }

    /// The last token's row of `self(x)`: `[B, T, C]` → `[B, C]`. The recurrence still reads
    /// every token's key and value, but the receptance and output projections run on the last
    /// token only.
    public func lastToken(_ x: Tensor) -> Tensor {
        let (batch, steps, c) = (x.shape[0], x.shape[1], x.shape[2])
        let mixed = Tensor.wkv(key: key(x), value: value(x), timeDecay: timeDecay.tensor, timeFirst: timeFirst.tensor)
        func last(_ t: Tensor) -> Tensor { t.slice(axis: 1, (steps - 1)..<steps).reshaped([batch, c]) }
        return output(Tensor.sigmoidGate(receptance(last(x)), last(mixed)))
    }
}
