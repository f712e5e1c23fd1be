import Catalog
import QuantumSim

extension CircuitDocument {
    /// The circuit file of a paper's circuit: inputs `x` (one per wire, or the amplitude-embedded features),
    /// the embedding and ansatz as templates, weights `w` shaped as the template reads them, and the
    /// measured Pauli on every wire.
    init(paperCircuit c: PaperCircuit) throws {
        let wires = Array(0..<c.qubits)
        var steps: [CircuitDocumentOperation] = []
        let inputCount: Int
        switch c.embedding {
        case let .angle(rotation, scale):
            guard let axis = AngleEmbedding.Rotation(rawValue: rotation.lowercased()) else {
                throw UserFacingError("paper circuit \(c.id): rotation '\(rotation)'; expected X, Y or Z")
            }
            steps.append(.angleEmbedding(wires: wires, rotation: axis, firstInput: 0, scale: scale))
            inputCount = c.qubits
        case let .amplitude(features, padding):
            steps.append(.amplitudeEmbedding(wires: wires, features: features, firstInput: 0, padding: padding))
            inputCount = features
        }
        let shape: [Int]
        switch c.ansatz {
        case let .stronglyEntanglingLayers(layers):
            shape = [layers, c.qubits, 3]
            steps.append(.stronglyEntanglingLayers(wires: wires, weights: "w", ranges: nil, imprimitive: .cnot))
        case let .basicEntanglerLayers(layers):
            shape = [layers, c.qubits]
            steps.append(.basicEntanglerLayers(wires: wires, weights: "w", rotation: .rx))
        case let .aeVQC(number, layers, entangler):
            guard let ansatz = [1: AEVQCAnsatz.ansatz1, 2: .ansatz2][number],
                  let pattern = AEVQCAnsatz.Entangler(rawValue: entangler) else {
                throw UserFacingError("paper circuit \(c.id): AE-VQC ansatz \(number) with entangler '\(entangler)' is not defined")
            }
            shape = ansatz == .ansatz1 ? [layers, c.qubits] : [layers, c.qubits, 2]
            steps.append(.aeVQCAnsatz(ansatz, wires: wires, weights: "w", entangler: pattern))
        case let .gates(gates, weightCount):
            shape = [weightCount]
            for g in gates {
                guard let gate = Gate.allCases.first(where: { $0.documentName == g.name }) else {
                    throw UserFacingError("paper circuit \(c.id): unknown gate '\(g.name)'")
                }
                steps.append(.gate(gate, wires: g.wires, params: g.weight.map { [.weight(name: "w", index: [$0])] } ?? []))
            }
        }
        self.init(name: c.id, title: c.title, source: c.source, wires: c.qubits,
                  inputs: CircuitDocumentInputs(name: "x", count: inputCount),
                  weights: shape.reduce(1, *) > 0 ? [CircuitDocumentTensor(name: "w", shape: shape)] : [],
                  operations: steps,
                  observables: wires.map { CircuitDocumentObservable(paulis: c.measured, wires: [$0]) })
    }
}
