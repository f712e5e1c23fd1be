import Catalog
import Charts

/// Draws a paper's circuit (`Catalog.PaperCircuit`) as a `CircuitDiagram`, from the Catalog alone (reports never
/// import the simulator): the embedding as one gate per wire, templates as boxes, hand-written ansätze gate by
/// gate, and the measured Pauli on every wire. Labels follow `qml.draw_mpl`.
public enum PaperCircuitDiagram {
    /// The whole circuit; templates (`StronglyEntanglingLayers`, …) as one box each.
    public static func diagram(_ circuit: PaperCircuit) -> CircuitDiagram {
        let wires = Array(0..<circuit.qubits)
        var elements = embedding(circuit)
        switch circuit.ansatz {
        case let .stronglyEntanglingLayers(layers):
            elements.append(.template(label: "StronglyEntanglingLayers\n\(layers) layer\(layers == 1 ? "" : "s") · w[\(layers),\(circuit.qubits),3]",
                                      wires: wires))
        case let .basicEntanglerLayers(layers):
            elements.append(.template(label: "BasicEntanglerLayers\n\(layers) layer\(layers == 1 ? "" : "s") · w[\(layers),\(circuit.qubits)]",
                                      wires: wires))
        case let .aeVQC(ansatz, layers, entangler):
            elements.append(.template(label: "AE-VQC Ansatz \(ansatz)\n\(layers) layer\(layers == 1 ? "" : "s") · \(entangler)", wires: wires))
        case let .gates(gates, _):
            elements += gates.map(element)
        }
        elements += wires.map { .measurement(label: "⟨\(circuit.measured)⟩", wires: [$0]) }
        return CircuitDiagram(title: circuit.title, wireCount: circuit.qubits, elements: elements)
    }

    /// One layer of a `StronglyEntanglingLayers` ansatz gate by gate, with PennyLane's semantics: `Rot(w[l,i,:])`
    /// on every wire, then `CNOT(i, (i + r) mod n)` for each wire `i`, range `r = (l mod (n − 1)) + 1`; nil for other
    /// ansätze, for one wire, or for a layer out of range.
    public static func stronglyEntanglingLayer(_ circuit: PaperCircuit, layer: Int) -> CircuitDiagram? {
        guard case let .stronglyEntanglingLayers(layers) = circuit.ansatz, (0..<layers).contains(layer), circuit.qubits > 1 else {
            return nil
        }
        let n = circuit.qubits
        let range = (layer % (n - 1)) + 1
        let rotations: [CircuitDiagramElement] = (0..<n).map { .gate(label: "Rot(w[\(layer),\($0),:])", wires: [$0]) }
        let cnots: [CircuitDiagramElement] = (0..<n).map { .controlled(controls: [$0], targetWire: ($0 + range) % n, target: .not) }
        return CircuitDiagram(title: "Strongly entangling layer \(layer + 1) of \(layers) (range \(range))",
                              wireCount: n, elements: rotations + cnots)
    }

    /// One layer of a `BasicEntanglerLayers` ansatz gate by gate, with PennyLane's semantics: `RX(w[l,i])` on every
    /// wire, then the ring `CNOT(i, (i + 1) mod n)` for each wire `i` (one CNOT for two wires, none for one); nil
    /// for other ansätze or a layer out of range.
    public static func basicEntanglerLayer(_ circuit: PaperCircuit, layer: Int) -> CircuitDiagram? {
        guard case let .basicEntanglerLayers(layers) = circuit.ansatz, (0..<layers).contains(layer) else { return nil }
        let n = circuit.qubits
        let rotations: [CircuitDiagramElement] = (0..<n).map { .gate(label: "RX(w[\(layer),\($0)])", wires: [$0]) }
        let pairs = n == 1 ? [] : n == 2 ? [0] : Array(0..<n)
        let cnots: [CircuitDiagramElement] = pairs.map { .controlled(controls: [$0], targetWire: ($0 + 1) % n, target: .not) }
        return CircuitDiagram(title: "Basic entangler layer \(layer + 1) of \(layers) (RX, then a CNOT ring)",
                              wireCount: n, elements: rotations + cnots)
    }

    /// The embedding: `RX(xᵢ)` (or `RY(π·xᵢ)`) per wire for angle embedding, one box for amplitude embedding.
    static func embedding(_ circuit: PaperCircuit) -> [CircuitDiagramElement] {
        switch circuit.embedding {
        case let .angle(rotation, scale):
            let factor = scale == 1 ? "" : scale == Double.pi ? "π·" : "\(Format.fixed(scale))·"
            return (0..<circuit.qubits).map { .gate(label: "R\(rotation.uppercased())(\(factor)x\(subscripted($0)))", wires: [$0]) }
        case let .amplitude(features, _):
            return [.template(label: "AmplitudeEmbedding\nx[0…\(features - 1)]", wires: Array(0..<circuit.qubits))]
        }
    }

    static func element(_ gate: PaperCircuit.Gate) -> CircuitDiagramElement {
        let argument = gate.weight.map { "(w\(subscripted($0)))" } ?? ""
        switch gate.name {
        case "CNOT" where gate.wires.count == 2: return .controlled(controls: [gate.wires[0]], targetWire: gate.wires[1], target: .not)
        case "CZ" where gate.wires.count == 2: return .controlled(controls: [gate.wires[0]], targetWire: gate.wires[1], target: .dot)
        case "SWAP" where gate.wires.count == 2: return .swap(gate.wires[0], gate.wires[1])
        default: return .gate(label: gate.name + argument, wires: gate.wires)
        }
    }

    /// `12` as `₁₂`.
    static func subscripted(_ n: Int) -> String {
        let digits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
        return String(String(n).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }
}
