/// One thing drawn on a circuit diagram.
public enum CircuitDiagramElement: Hashable, Sendable, Codable {
    /// A gate box over `wires` (from the lowest to the highest) with a label such as `RX(0.50)` or `H`.
    case gate(label: String, wires: [Int])
    /// A template box (e.g. `StronglyEntanglingLayers`) over `wires`, shaded to set it apart from gates.
    case template(label: String, wires: [Int])
    /// A controlled gate: filled dots on `controls`, `target` on `targetWire`, joined by a vertical line.
    case controlled(controls: [Int], targetWire: Int, target: CircuitDiagramTarget)
    /// A SWAP: crosses on both wires joined by a vertical line.
    case swap(Int, Int)
    /// A measurement meter over `wires` with its observable's label (`⟨Z⟩`) beside it.
    case measurement(label: String, wires: [Int])

    /// Every wire the element touches.
    public var wires: [Int] {
        switch self {
        case let .gate(_, wires), let .template(_, wires), let .measurement(_, wires): wires
        case let .controlled(controls, target, _): controls + [target]
        case let .swap(a, b): [a, b]
        }
    }

    /// The wires from the lowest to the highest the element touches (what it blocks for other elements).
    public var span: ClosedRange<Int> {
        let wires = self.wires
        return (wires.min() ?? 0)...(wires.max() ?? 0)
    }

    /// Whether it is a measurement (drawn after every gate).
    public var isMeasurement: Bool {
        if case .measurement = self { return true }
        return false
    }
}
