/// Where a controlled gate acts when its controls are 1.
public enum CircuitDiagramTarget: Hashable, Sendable, Codable {
    /// `⊕` (CNOT, Toffoli).
    case not
    /// A filled dot like a control (CZ, drawn symmetrically).
    case dot
    /// A box with a label (`RX(0.50)` for CRX).
    case box(String)
}
