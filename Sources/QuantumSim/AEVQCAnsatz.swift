/// The two ansatzes of the AE-VQC (Chen 2024, arXiv 2312.07932, Fig. 5 and §2.3), applied after the amplitude
/// embedding; a layer (the dashed box of Fig. 5) is repeated `D` times.
///
/// - `ansatz1`: per layer, `RY(w[l, i])` on `wires[i]` ("successive parameterized R_y gates on each qubit"):
///   `D · M` weights, as the paper's count `15D` for 15 qubits.
/// - `ansatz2`: a Hadamard on every wire once, then per layer `RY(w[l, i, 0])` and `RZ(w[l, i, 1])` on `wires[i]`,
///   then CNOTs: `2 · D · M` weights. The count is checked by Table 3 (Croatian Fish, ResNet-18_q, Ansatz 2,
///   D = 1, 12 classes: 222 = 30 + 15·12 + 12).
///
/// Choices the paper leaves open (its text names the gates, the figure is not readable in the text we have), to
/// be listed as assumptions where these circuits are used:
/// 1. Ansatz 2's rotation order within a layer: RY before RZ (the text says "R_y, R_z, and CNOT").
/// 2. Ansatz 2's entangler: `Entangler.chain`, `CNOT(w_i, w_{i+1})` for `i = 0 … M−2`, by default;
///    `Entangler.ring` adds `CNOT(w_{M−1}, w_0)` (as PennyLane's BasicEntanglerLayers).
/// 3. The Hadamards are applied once, before the first layer (the text: "transforms the initial state … by
///    using the H gate, followed by repeatedly applying a module").
/// 4. Weight layout: `[D, M]` for Ansatz 1 at `firstWeight + l·M + i`; `[D, M, 2]` for Ansatz 2 at
///    `firstWeight + (l·M + i)·2 + k` (k = 0 RY, 1 RZ), as PennyLane's templates order their weights.
public enum AEVQCAnsatz: String, Codable, Sendable, CaseIterable {
    /// Layers of RY on every wire.
    case ansatz1
    /// Hadamards, then layers of RY, RZ on every wire followed by CNOTs.
    case ansatz2

    /// Ansatz 2's CNOT pattern (choice 2 above).
    public enum Entangler: String, Codable, Sendable, CaseIterable {
        /// `CNOT(w_i, w_{i+1})` for `i = 0 … M−2`.
        case chain
        /// The chain and `CNOT(w_{M−1}, w_0)` (for three or more wires; two wires get the chain's one CNOT).
        case ring
    }

    /// Weights the ansatz reads: `layers · wireCount` (Ansatz 1) or `2 · layers · wireCount` (Ansatz 2).
    public func weightCount(layers: Int, wireCount: Int) -> Int {
        switch self {
        case .ansatz1: layers * wireCount
        case .ansatz2: 2 * layers * wireCount
        }
    }

    /// The operations on `wires` (the entangler is ignored by Ansatz 1).
    public func operations(layers: Int, wires: [Int], entangler: Entangler = .chain,
                           firstWeight: Int = 0) throws -> [Operation] {
        guard layers >= 0 else { throw TemplateError("AE-VQC \(rawValue): layers is \(layers); expected 0 or more") }
        guard !wires.isEmpty else { throw TemplateError("AE-VQC \(rawValue): no wires; expected 1 or more") }
        let m = wires.count
        var operations: [Operation] = []
        switch self {
        case .ansatz1:
            for l in 0..<layers {
                for (i, wire) in wires.enumerated() { operations.append(.ry(wire, .weight(index: firstWeight + l * m + i))) }
            }
        case .ansatz2:
            operations += wires.map { Operation(gate: .hadamard, wires: [$0]) }
            for l in 0..<layers {
                for (i, wire) in wires.enumerated() {
                    let w = firstWeight + (l * m + i) * 2
                    operations.append(.ry(wire, .weight(index: w)))
                    operations.append(.rz(wire, .weight(index: w + 1)))
                }
                for i in 0..<max(m - 1, 0) { operations.append(.cnot(wires[i], wires[i + 1])) }
                if entangler == .ring && m > 2 { operations.append(.cnot(wires[m - 1], wires[0])) }
            }
        }
        return operations
    }
}

extension Circuit {
    /// The AE-VQC quantum head: `AmplitudeEmbedding(features, pad_with=0, normalize=True)` of `featureCount`
    /// inputs into `wireCount` qubits (ResNet-18 / MaxViT-T: 25088 = 512·7·7 features, 15 qubits), the ansatz
    /// with `layers` layers on wires `0 … wireCount−1`, and `⟨Z⟩` on every wire.
    public static func aeVQC(ansatz: AEVQCAnsatz, layers: Int, wireCount: Int = 15, featureCount: Int = 25088,
                             entangler: AEVQCAnsatz.Entangler = .chain) throws -> Circuit {
        let wires = Array(0..<max(wireCount, 0))
        return try Circuit(wireCount: wireCount, inputCount: featureCount,
                           weightCount: ansatz.weightCount(layers: layers, wireCount: wireCount),
                           operations: ansatz.operations(layers: layers, wires: wires, entangler: entangler),
                           observables: wires.map { .pauliZ(wire: $0) },
                           amplitudeEmbedding: AmplitudeEmbedding(featureCount: featureCount))
    }
}
