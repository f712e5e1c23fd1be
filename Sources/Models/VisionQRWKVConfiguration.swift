/// The sizes and the channel-mixing form of a Vision-QRWKV model.
///
/// Two configurations exist: the one the authors' code ran (`code`, which produced the
/// published numbers) and the one the paper's text describes (`paperText`).
public struct VisionQRWKVConfiguration: Hashable, Sendable {
    /// Which channel-mixing formula the blocks use.
    public enum Form: String, Hashable, Sendable, CaseIterable {
        /// The authors' code (`rwkv.py`, `quantum_rwkv.py`): mu-scaled inputs; classical
        /// `sigmoid(W_r xr) * W_v relu(W_k xk)^2`; quantum
        /// `sigmoid(W_r xr) * W_f(W2 GELU(W1 xk) + W_out VQC(W_in xk))`.
        case code
        /// The paper's equations (1) and (4): no mu, ReLU, no fusion matrix; classical
        /// `sigmoid(W_r x) * W2 ReLU(W1 x)`; quantum `sigmoid(W_r x) * (W2 ReLU(W1 x) + W_o VQC(W_q x))`.
        case paperText = "paper-text"
    }

    /// Whether the channel mixing contains the variational circuit.
    public var quantum: Bool
    public var form: Form
    /// n_embd, the token width C.
    public var embedding: Int
    /// Number of RWKV blocks.
    public var blocks: Int
    /// n_head: shapes only the time-mixing parameters `time_mix_k/v/r`, which the authors'
    /// forward never uses (kept so that the parameter count matches theirs).
    public var heads: Int
    /// The hidden width of the channel-mixing feed-forward branch (4·C in the code).
    public var intermediate: Int
    /// Qubits of the circuit (the width of W_in / W_q).
    public var qubits: Int
    /// BasicEntanglerLayers repetitions.
    public var depth: Int
    /// LayerNorm epsilon.
    public var layerNormEpsilon: Float

    public init(quantum: Bool, form: Form, embedding: Int, blocks: Int, heads: Int, intermediate: Int,
                qubits: Int, depth: Int, layerNormEpsilon: Float = 1e-5) {
        self.quantum = quantum
        self.form = form
        self.embedding = embedding
        self.blocks = blocks
        self.heads = heads
        self.intermediate = intermediate
        self.qubits = qubits
        self.depth = depth
        self.layerNormEpsilon = layerNormEpsilon
    }

    /// What every test script of the authors' repository runs: n_embd 64, n_head 4, 2 blocks,
    /// n_intermediate 256, 8 qubits, depth 1.
    public static func code(quantum: Bool) -> VisionQRWKVConfiguration {
        VisionQRWKVConfiguration(quantum: quantum, form: .code, embedding: 64, blocks: 2, heads: 4,
                                 intermediate: 256, qubits: 8, depth: 1)
    }

    /// Section 4.2 of the paper: embedding 768, 4 blocks, 4 qubits, depth 2, with the
    /// equation (1)/(4) channel mixing; n_head 12 and n_intermediate 3072 are the
    /// `ModelConfig` defaults of the authors' code (the text names neither).
    public static func paperText(quantum: Bool) -> VisionQRWKVConfiguration {
        VisionQRWKVConfiguration(quantum: quantum, form: .paperText, embedding: 768, blocks: 4, heads: 12,
                                 intermediate: 3072, qubits: 4, depth: 2)
    }
}
