/// Whether a parameter belongs to the classical network or to a quantum circuit; the
/// papers report the two counts separately.
public enum ParameterKind: String, Codable, Sendable, CaseIterable {
    /// A weight or bias of a classical layer.
    case classical
    /// A rotation angle (or other weight) of a variational quantum circuit.
    case quantum
}
