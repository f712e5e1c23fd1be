/// The size and the work of one Vision-QRWKV training step, from the configuration alone
/// (for the estimate printed before a run starts).
public struct VisionQRWKVCost: Hashable, Sendable {
    /// Trainable scalars outside the circuits (including the unused `time_mix_k/v/r`).
    public var classicalParameters: Int
    /// Circuit weights.
    public var quantumParameters: Int
    /// Floating-point operations of the dense layers in one training step (forward 2·m·n·k
    /// per product, backward twice that), for `batch` images of `tokens` pixels, as the model
    /// computes them (the last block mostly on the last token only).
    public var denseFlopsPerStep: Double
    /// Circuit evaluations per training step (one per token per quantum block, but only the
    /// last token's in the last block; the adjoint backward costs about three more forward
    /// passes each).
    public var circuitEvaluationsPerStep: Int
    /// Complex amplitude updates of the simulator per training step: per circuit evaluation,
    /// one pass of 2^qubits amplitudes per gate, four passes in all with the adjoint backward.
    public var amplitudeUpdatesPerStep: Double

    public var totalParameters: Int { classicalParameters + quantumParameters }

    /// The cost of `configuration` on `tokens`-pixel images of `inputChannels` channels with
    /// `classes` outputs, trained in batches of `batch`.
    public init(_ configuration: VisionQRWKVConfiguration, inputChannels: Int, classes: Int, tokens: Int, batch: Int) {
        let c = configuration.embedding, h = configuration.intermediate, q = configuration.qubits
        let code = configuration.form == .code
        // Per block: time mixing = 3 unused time_mix vectors + time_decay + time_first (5·C) + 4 C×C matrices;
        // two LayerNorms (4·C).
        let timeMixing = 5 * c + 4 * c * c
        let channelMixing: Int
        var blockProducts = 4 * c * c   // multiply-adds per token: W_k, W_v, W_r, W_o
        if configuration.quantum {
            // mu_k, mu_r (code) + W_r + W1 + W2 + W_in + W_out + W_f (code).
            channelMixing = (code ? 2 * c : 0) + c * c + 2 * c * h + 2 * c * q + (code ? c * c : 0)
            blockProducts += c * c + 2 * c * h + 2 * c * q + (code ? c * c : 0)
        } else {
            channelMixing = (code ? 2 * c : 0) + c * c + 2 * c * h
            blockProducts += c * c + 2 * c * h
        }
        let perBlock = timeMixing + channelMixing + 4 * c
        classicalParameters = (inputChannels * c + c) + configuration.blocks * perBlock + 2 * c + c * classes
        quantumParameters = configuration.quantum ? configuration.blocks * configuration.depth * q : 0
        let rows = Double(batch * tokens)
        // The last block runs W_k and W_v on every token, the rest of its products on the last
        // token only (`RWKVBlock.lastToken`).
        let blocks = configuration.blocks
        var forward = 2 * rows * (Double(inputChannels * c) + Double(max(blocks - 1, 0) * blockProducts))
            + 2 * Double(batch * c * classes)
        if blocks > 0 { forward += 2 * rows * Double(2 * c * c) + 2 * Double(batch * (blockProducts - 2 * c * c)) }
        denseFlopsPerStep = 3 * forward
        circuitEvaluationsPerStep = configuration.quantum && blocks > 0 ? (blocks - 1) * batch * tokens + batch : 0
        let gates = q + configuration.depth * (q + (q > 2 ? q : q - 1))
        amplitudeUpdatesPerStep = 4 * Double(circuitEvaluationsPerStep) * Double(gates) * Double(1 << q)
    }
}
