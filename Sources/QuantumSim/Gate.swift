import Foundation

/// A gate as data: every fact about one gate (matrix, generator, inverse, wire count, kernel) is in one
/// `switch` per property below; the kernels that apply them live in their own files.
///
/// PennyLane conventions (v0.45): with `c = cos(φ/2)`, `s = sin(φ/2)`,
/// `RX(φ) = [[c, -is], [-is, c]]`, `RY(φ) = [[c, -s], [s, c]]`, `RZ(φ) = diag(e^{-iφ/2}, e^{iφ/2})`,
/// `CNOT` acts on `wires = [control, target]`.
public enum Gate: String, Codable, Sendable, CaseIterable {
    /// Rotations about X, Y, Z (one wire, one angle) and CNOT (`[control, target]`, no angle).
    case rx, ry, rz, cnot

    /// Number of wires the gate acts on.
    public var wireCount: Int {
        switch self {
        case .rx, .ry, .rz: 1
        case .cnot: 2
        }
    }

    /// The Pauli `P` with `U(φ) = exp(-iφP/2)`, so `dU/dφ = -i/2 · P · U(φ)`; nil for gates without an angle.
    public var generator: Pauli? {
        switch self {
        case .rx: .x
        case .ry: .y
        case .rz: .z
        case .cnot: nil
        }
    }

    /// Whether the gate takes an angle (`Operation.parameter` must then be set).
    public var isParametrized: Bool { generator != nil }

    /// The one-qubit matrix of a rotation gate at `angle`; nil for multi-qubit gates.
    @inlinable public func rotationMatrix(angle: Double) -> Matrix2? {
        let c = cos(angle / 2), s = sin(angle / 2)
        switch self {
        case .rx: return Matrix2(Complex(c), Complex(0, -s), Complex(0, -s), Complex(c))
        case .ry: return Matrix2(Complex(c), Complex(-s), Complex(s), Complex(c))
        case .rz: return Matrix2(Complex(c, -s), .zero, .zero, Complex(c, s))
        case .cnot: return nil
        }
    }

    /// The gate's matrix on its wires in the order given (`wires[0]` is the most significant bit);
    /// `angle` is ignored by gates without one.
    public func matrix(angle: Double = 0) -> ComplexMatrix {
        if let m = rotationMatrix(angle: angle) { return m.complexMatrix }
        switch self {
        case .cnot:
            // Basis |control target⟩: swaps |10⟩ and |11⟩.
            var m = ComplexMatrix(dimension: 4, entries: Array(repeating: .zero, count: 16))
            m[0, 0] = .one; m[1, 1] = .one; m[2, 3] = .one; m[3, 2] = .one
            return m
        case .rx, .ry, .rz:
            preconditionFailure("unreachable: rotation gates have a rotationMatrix")
        }
    }

    /// `dU/dφ = -i/2 · P · U(φ)` (the generator rule); nil for gates without an angle.
    public func derivative(angle: Double) -> ComplexMatrix? {
        guard let p = generator, let u = rotationMatrix(angle: angle) else { return nil }
        return (Complex(0, -0.5) * (p.matrix * u)).complexMatrix
    }

    /// The angle `ψ` with `U(ψ) = U(φ)^†`: rotations negate it, self-inverse gates ignore it.
    @inlinable public func inverseAngle(_ angle: Double) -> Double {
        switch self {
        case .rx, .ry, .rz: -angle
        case .cnot: angle
        }
    }

    /// The kernel applying this gate at `angle` to wires whose basis-index bit strides are `strides`
    /// (one-qubit gates use `strides.0`; CNOT uses (control, target)).
    @inlinable func kernel(angle: Double, strides: (Int, Int)) -> GateKernel {
        switch self {
        case .rx, .ry:
            return .dense(rotationMatrix(angle: angle)!, stride: strides.0)
        case .rz:
            let c = cos(angle / 2), s = sin(angle / 2)
            return .diagonal(Complex(c, -s), Complex(c, s), stride: strides.0)
        case .cnot:
            return .controlledNot(controlStride: strides.0, targetStride: strides.1)
        }
    }
}
