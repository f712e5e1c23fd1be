/// A one-qubit Pauli operator: the generators of the rotation gates and the observables' building blocks.
public enum Pauli: String, Codable, Sendable, CaseIterable {
    /// X, Y, Z.
    case x, y, z

    /// X = [[0, 1], [1, 0]], Y = [[0, -i], [i, 0]], Z = [[1, 0], [0, -1]].
    public var matrix: Matrix2 {
        switch self {
        case .x: Matrix2(.zero, .one, .one, .zero)
        case .y: Matrix2(.zero, -Complex.i, .i, .zero)
        case .z: Matrix2(.one, .zero, .zero, -Complex.one)
        }
    }
}
