import Autograd
import NeuralNets
import QuantumSim

/// The quantum channel mixing of Vision-QRWKV: a classical feed-forward branch plus a
/// variational circuit on a low-dimensional projection, gated by the receptance.
///
/// Code form (`quantum_rwkv.py`, `QuantumChannelMixing`), with `xk = mu_k * x`, `xr = mu_r * x`:
/// `sigmoid(W_r xr) * W_f (W2 GELU(W1 xk) + W_out VQC(W_in xk))`, GELU exact (erf).
/// Paper-text form (equation 4): `sigmoid(W_r x) * (W2 ReLU(W1 x) + W_o VQC(W_q x))`.
/// All matrices are bias-free. The circuit (`Circuit.visionQRWKV`) gets the raw projection
/// as RX angles (no tanh, no pi) and runs on every token of the batch in one simulator call.
public final class RWKVQuantumChannelMixing: RWKVChannelMixer {
    public let form: VisionQRWKVConfiguration.Form
    /// `[C]`, code form only.
    public let muKey, muReceptance: Parameter?
    public let receptance: Linear
    /// W1 (C → hidden) and W2 (hidden → C).
    public let fc1, fc2: Linear
    /// W_in / W_q: C → qubits.
    public let quantumIn: Linear
    public let vqc: QuantumLayer
    /// W_out / W_o: qubits → C.
    public let quantumOut: Linear
    /// W_f (C → C), code form only.
    public let fusion: Linear?

    /// PyTorch-default Linear initialisation and TorchLayer's U[0, 2pi) circuit weights, drawn in
    /// the order of the code's constructor: receptance, fc1, fc2, q_in, vqc, q_out, fusion.
    public init(embedding c: Int, hidden: Int, qubits: Int, depth: Int, form: VisionQRWKVConfiguration.Form,
                name: String, generator: inout some RandomNumberGenerator) {
        self.form = form
        if form == .code {
            (muKey, muReceptance) = (RWKVChannelMixing.mu("\(name).mu_k", c), RWKVChannelMixing.mu("\(name).mu_r", c))
        } else {
            (muKey, muReceptance) = (nil, nil)
        }
        receptance = Linear(inFeatures: c, outFeatures: c, bias: false, name: "\(name).receptance", generator: &generator)
        fc1 = Linear(inFeatures: c, outFeatures: hidden, bias: false, name: "\(name).fc1", generator: &generator)
        fc2 = Linear(inFeatures: hidden, outFeatures: c, bias: false, name: "\(name).fc2", generator: &generator)
        quantumIn = Linear(inFeatures: c, outFeatures: qubits, bias: false, name: "\(name).q_in", generator: &generator)
        vqc = QuantumLayer(circuit: .visionQRWKV(qubits: qubits, depth: depth), name: "\(name).vqc", generator: &generator)
        quantumOut = Linear(inFeatures: qubits, outFeatures: c, bias: false, name: "\(name).q_out", generator: &generator)
        fusion = form == .code
            ? Linear(inFeatures: c, outFeatures: c, bias: false, name: "\(name).fusion", generator: &generator) : nil
        // B·T tokens per product: split over both cores (`Linear.splitsRows`).
        for layer in [receptance, fc1, fc2, quantumIn, quantumOut] + (fusion.map { [$0] } ?? []) { layer.splitsRows = true }
    }

    public var parameters: [Parameter] {
        [muKey, muReceptance].compactMap { $0 } + receptance.parameters + fc1.parameters + fc2.parameters
            + quantumIn.parameters + vqc.parameters + quantumOut.parameters + (fusion?.parameters ?? [])
    }

    /// `x` `[B, T, C]` → `[B, T, C]`.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        // In the code form, mu_k and mu_r scale the weights' columns instead of x (`Linear(_:inputScale:)`).
        func scaled(_ layer: Linear, _ mu: Parameter?) -> Tensor {
            mu.map { layer(x, inputScale: $0.tensor) } ?? layer(x)
        }
        let gate = scaled(receptance, muReceptance)
        let hidden = scaled(fc1, muKey)
        let classical = fc2(form == .code ? hidden.gelu() : hidden.relu())
        let (batch, steps, qubits) = (x.shape[0], x.shape[1], quantumIn.outFeatures)
        let angles = scaled(quantumIn, muKey).reshaped([batch * steps, qubits])
        let measured = vqc(angles).reshaped([batch, steps, qubits])
        let mixed = classical + quantumOut(measured)
        return Tensor.sigmoidGate(gate, fusion.map { $0(mixed) } ?? mixed)
    }
}
