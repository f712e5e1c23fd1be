/// One quantum circuit a paper uses, as plain data (`qreport circuit export` turns it into a circuit file):
/// an embedding of the inputs, a trainable ansatz, and one Pauli measured on every wire.
public struct PaperCircuit: Codable, Hashable, Sendable {
    /// How the inputs enter the circuit.
    public enum Embedding: Codable, Hashable, Sendable {
        /// PennyLane `AngleEmbedding(scale · x, rotation=rotation)` on every wire (`rotation` X, Y or Z).
        case angle(rotation: String, scale: Double)
        /// PennyLane `AmplitudeEmbedding(x, pad_with=padding, normalize=True)` of `features` inputs.
        case amplitude(features: Int, padding: Double)
    }

    /// One gate of a hand-written ansatz: a PennyLane gate name, its wires, and the index of the weight
    /// giving its angle (nil for gates without one).
    public struct Gate: Codable, Hashable, Sendable {
        /// PennyLane name (`RX`, `CNOT`, …).
        public var name: String
        /// Its wires (`[control, target]` for controlled gates).
        public var wires: [Int]
        /// Index into the ansatz's weight vector; nil for gates without an angle.
        public var weight: Int?

        /// A gate `name` on `wires` reading `weight`.
        public init(_ name: String, wires: [Int], weight: Int? = nil) {
            self.name = name
            self.wires = wires
            self.weight = weight
        }
    }

    /// The trainable part.
    public enum Ansatz: Codable, Hashable, Sendable {
        /// PennyLane `StronglyEntanglingLayers` (default ranges, CNOT), weights `[layers, qubits, 3]`.
        case stronglyEntanglingLayers(layers: Int)
        /// PennyLane `BasicEntanglerLayers` (RX), weights `[layers, qubits]`.
        case basicEntanglerLayers(layers: Int)
        /// AE-VQC Ansatz 1 or 2 (Chen 2024, Fig. 5) with `layers` repetitions (`D`); `entangler` `chain` or
        /// `ring` (Ansatz 2's CNOTs).
        case aeVQC(ansatz: Int, layers: Int, entangler: String)
        /// Gates listed one by one, reading a weight vector of `weightCount` elements.
        case gates([Gate], weightCount: Int)
    }

    /// Stable id, used as the exported file's name (`hqnn-parallel-pqc`).
    public var id: String
    /// The paper's id (`hqnn`).
    public var paper: String
    /// What the circuit is, in one line.
    public var title: String
    /// Where its structure comes from (paper section, authors' code).
    public var source: String
    /// Number of wires.
    public var qubits: Int
    /// How inputs are embedded.
    public var embedding: Embedding
    /// The trainable part.
    public var ansatz: Ansatz
    /// The Pauli (`X`, `Y`, `Z`) whose expectation is measured on every wire.
    public var measured: String

    /// A circuit description; see the properties.
    public init(id: String, paper: String, title: String, source: String, qubits: Int, embedding: Embedding,
                ansatz: Ansatz, measured: String) {
        self.id = id
        self.paper = paper
        self.title = title
        self.source = source
        self.qubits = qubits
        self.embedding = embedding
        self.ansatz = ansatz
        self.measured = measured
    }
}

/// Every paper's circuits.
public enum PaperCircuits {
    /// All of them, paper by paper.
    public static let all: [PaperCircuit] = [
        PaperCircuit(id: "hqnn-parallel-pqc", paper: "hqnn",
                     title: "HQNN-Parallel quantum layer (one of the 4 parallel circuits)",
                     source: "Senokosov et al. 2024, Sec. 3.1 and Fig. 4: 5 qubits, AngleEmbedding(X), 3 StronglyEntanglingLayers, <Y> per wire",
                     qubits: 5, embedding: .angle(rotation: "X", scale: 1), ansatz: .stronglyEntanglingLayers(layers: 3),
                     measured: "Y"),
        PaperCircuit(id: "hqnn-quanv-kernel", paper: "hqnn",
                     title: "HQNN-Quanv 2x2 quanvolution kernel",
                     source: "Senokosov et al. 2024, Sec. 3.2 and Fig. 7; gate order from the HQNN-Quanv notebook (assumption 'quanv-circuit')",
                     qubits: 4, embedding: .angle(rotation: "Y", scale: Double.pi),
                     ansatz: .gates([
                        PaperCircuit.Gate("RX", wires: [0], weight: 0),
                        PaperCircuit.Gate("RX", wires: [1], weight: 1),
                        PaperCircuit.Gate("CNOT", wires: [2, 3]),
                        PaperCircuit.Gate("CNOT", wires: [0, 2]),
                        PaperCircuit.Gate("CNOT", wires: [0, 3]),
                        PaperCircuit.Gate("RY", wires: [0], weight: 2),
                        PaperCircuit.Gate("RY", wires: [3], weight: 3),
                     ], weightCount: 4),
                     measured: "Z"),
        PaperCircuit(id: "vision-qrwkv-vqc", paper: "vision-qrwkv",
                     title: "Vision-QRWKV channel-mixing VQC as the authors' code runs it (8 qubits, depth 1)",
                     source: "ChiShengChen/Vision_QRWKV quantum_rwkv.py with the test scripts' n_qubits 8, q_depth 1",
                     qubits: 8, embedding: .angle(rotation: "X", scale: 1), ansatz: .basicEntanglerLayers(layers: 1),
                     measured: "Z"),
        PaperCircuit(id: "vision-qrwkv-vqc-paper-text", paper: "vision-qrwkv",
                     title: "Vision-QRWKV channel-mixing VQC as the paper text describes it (4 qubits, depth 2)",
                     source: "Chen 2025, Secs. 3.2 and 4.4 (n_qubits 4, depth 2), with the code's BasicEntanglerLayers",
                     qubits: 4, embedding: .angle(rotation: "X", scale: 1), ansatz: .basicEntanglerLayers(layers: 2),
                     measured: "Z"),
        PaperCircuit(id: "ae-vqc-ansatz1", paper: "ae-vqc",
                     title: "AE-VQC head with Ansatz 1 (D = 1)",
                     source: "Chen 2024, Sec. 2.3 and Fig. 5(a): 15 qubits, AmplitudeEmbedding of 512x7x7 features, RY layer, <Z> per wire",
                     qubits: 15, embedding: .amplitude(features: 25088, padding: 0),
                     ansatz: .aeVQC(ansatz: 1, layers: 1, entangler: "chain"), measured: "Z"),
        PaperCircuit(id: "ae-vqc-ansatz2", paper: "ae-vqc",
                     title: "AE-VQC head with Ansatz 2 (D = 1)",
                     source: "Chen 2024, Sec. 2.3 and Fig. 5(b): H on every wire, then RY, RZ and a CNOT chain (assumed), <Z> per wire",
                     qubits: 15, embedding: .amplitude(features: 25088, padding: 0),
                     ansatz: .aeVQC(ansatz: 2, layers: 1, entangler: "chain"), measured: "Z"),
    ]

    /// The circuits of the paper `paper` (an id such as `hqnn`), in the order above.
    public static func of(paper: String) -> [PaperCircuit] {
        all.filter { $0.paper == paper }
    }
}
