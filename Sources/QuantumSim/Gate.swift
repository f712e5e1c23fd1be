import Foundation

/// A gate as data: every fact about one gate (wires, parameters, matrix, inverse, generator, shift rule,
/// kernel) is in one `switch` per property below; the kernels that apply them live in their own files.
///
/// PennyLane conventions (v0.45): with `c = cos(φ/2)`, `s = sin(φ/2)`,
/// `RX(φ) = [[c, -is], [-is, c]]`, `RY(φ) = [[c, -s], [s, c]]`, `RZ(φ) = diag(e^{-iφ/2}, e^{iφ/2})`,
/// `PhaseShift(φ) = diag(1, e^{iφ})`, `Rot(φ, θ, ω) = RZ(ω) RY(θ) RZ(φ)` (RZ(φ) applied first).
/// Two-wire gates take `wires = [control, target]` (SWAP: either order); wire 0 of a gate's matrix
/// is the most significant bit. In JSON a gate is its case name (`"rx"`, `"phaseShift"`, `"crz"`, …).
public enum Gate: String, Codable, Sendable, CaseIterable {
    /// Rotations about X, Y, Z: one wire, one angle.
    case rx, ry, rz
    /// `Rot(φ, θ, ω)`: one wire, three angles.
    case rot
    /// `diag(1, e^{iφ})`: one wire, one angle.
    case phaseShift
    /// Fixed one-qubit gates: Hadamard, the Paulis, `S = diag(1, i)`, `T = diag(1, e^{iπ/4})`.
    case hadamard, pauliX, pauliY, pauliZ, s, t
    /// Fixed two-qubit gates: CNOT and CZ (`[control, target]`), SWAP.
    case cnot, cz, swap
    /// Controlled rotations `|0⟩⟨0| ⊗ I + |1⟩⟨1| ⊗ R(φ)` on `[control, target]`, one angle.
    case crx, cry, crz

    /// Number of wires the gate acts on.
    public var wireCount: Int {
        switch self {
        case .rx, .ry, .rz, .rot, .phaseShift, .hadamard, .pauliX, .pauliY, .pauliZ, .s, .t: 1
        case .cnot, .cz, .swap, .crx, .cry, .crz: 2
        }
    }

    /// Number of angles the gate takes (`Operation.parameters.count`).
    public var parameterCount: Int {
        switch self {
        case .rx, .ry, .rz, .phaseShift, .crx, .cry, .crz: 1
        case .rot: 3
        case .hadamard, .pauliX, .pauliY, .pauliZ, .s, .t, .cnot, .cz, .swap: 0
        }
    }

    /// Whether the gate takes angles.
    public var isParametrized: Bool { parameterCount > 0 }

    /// The gates the simulator applies instead of this one, each with the index of the angle it takes
    /// (PennyLane's decomposition); nil when the gate is applied as it is.
    public var decomposition: [(gate: Gate, parameter: Int)]? {
        switch self {
        case .rot: [(.rz, 0), (.ry, 1), (.rz, 2)]
        default: nil
        }
    }

    /// How `dU/dφ` follows from `U` for a one-angle gate: `dU/dφ = -i/2 · G · U(φ)`; nil for gates
    /// without an angle and for gates with several (differentiated through their decomposition).
    public var generator: Generator? {
        switch self {
        case .rx: .pauli(.x)
        case .ry: .pauli(.y)
        case .rz: .pauli(.z)
        case .phaseShift: .projectorOne
        case .crx: .controlledPauli(.x)
        case .cry: .controlledPauli(.y)
        case .crz: .controlledPauli(.z)
        case .rot, .hadamard, .pauliX, .pauliY, .pauliZ, .s, .t, .cnot, .cz, .swap: nil
        }
    }

    /// The parameter-shift rule for each of the gate's angles: two-term for gates whose generator has
    /// the eigenvalue gap 1 (rotations, PhaseShift, and Rot through its decomposition), four-term for the
    /// controlled rotations (gaps 1/2 and 1); nil for gates without an angle.
    public var shiftRule: ShiftRule? {
        switch self {
        case .rx, .ry, .rz, .rot, .phaseShift: .twoTerm
        case .crx, .cry, .crz: .fourTerm
        case .hadamard, .pauliX, .pauliY, .pauliZ, .s, .t, .cnot, .cz, .swap: nil
        }
    }

    /// The one-qubit matrix of a one-wire gate without a decomposition at `angle` (ignored when the gate
    /// has none); for controlled gates the matrix applied to the target when the control is 1. Nil for
    /// Rot and SWAP.
    @inlinable public func elementaryMatrix(angle: Double) -> Matrix2? {
        let f = trigonometricFactor
        return elementaryMatrix(cos: cos(f * angle), sin: sin(f * angle))
    }

    /// What the angle is multiplied by before its cosine and sine enter `elementaryMatrix`: 1/2 for the
    /// rotations (`cos(φ/2)`), 1 for PhaseShift (`e^{iφ}`).
    @inlinable public var trigonometricFactor: Double { self == .phaseShift ? 1 : 0.5 }

    /// `elementaryMatrix(angle:)` from `c = cos(f·angle)`, `s = sin(f·angle)` with `f = trigonometricFactor`
    /// (the batched kernels compute many cosines and sines at once); gates without an angle ignore them.
    @inlinable public func elementaryMatrix(cos c: Double, sin s: Double) -> Matrix2? {
        switch self {
        case .rx, .crx: return Matrix2(Complex(c), Complex(0, -s), Complex(0, -s), Complex(c))
        case .ry, .cry: return Matrix2(Complex(c), Complex(-s), Complex(s), Complex(c))
        case .rz, .crz: return Matrix2(Complex(c, -s), .zero, .zero, Complex(c, s))
        case .phaseShift: return Matrix2(.one, .zero, .zero, Complex(c, s))
        case .hadamard:
            let h = Complex(0.5.squareRoot())
            return Matrix2(h, h, h, -h)
        case .pauliX, .cnot: return Pauli.x.matrix
        case .pauliY: return Pauli.y.matrix
        case .pauliZ, .cz: return Pauli.z.matrix
        case .s: return Matrix2(.one, .zero, .zero, .i)
        case .t: return Matrix2(.one, .zero, .zero, .phase(.pi / 4))
        case .rot, .swap: return nil
        }
    }

    /// Whether `elementaryMatrix` is diagonal for every angle (the kernels then use the diagonal path).
    @inlinable public var isDiagonal: Bool {
        switch self {
        case .rz, .phaseShift, .pauliZ, .s, .t, .cz, .crz: true
        case .rx, .ry, .rot, .hadamard, .pauliX, .pauliY, .cnot, .swap, .crx, .cry: false
        }
    }

    /// The gate's matrix on its wires in the order given (`wires[0]` is the most significant bit);
    /// `angles.count` must be `parameterCount`.
    public func matrix(angles: [Double]) -> ComplexMatrix {
        precondition(angles.count == parameterCount, "Gate.matrix: \(rawValue) takes \(parameterCount) angle(s), got \(angles.count)")
        if let parts = decomposition {
            return parts.reduce(ComplexMatrix.identity(1 << wireCount)) { m, part in
                part.gate.matrix(angles: [angles[part.parameter]]) * m
            }
        }
        let angle = angles.first ?? 0
        if self == .swap {
            var m = ComplexMatrix(dimension: 4, entries: Array(repeating: .zero, count: 16))
            m[0, 0] = .one; m[1, 2] = .one; m[2, 1] = .one; m[3, 3] = .one
            return m
        }
        let u = elementaryMatrix(angle: angle)!
        if wireCount == 1 { return u.complexMatrix }
        // Controlled: identity on |0·⟩, `u` on |1·⟩.
        var m = ComplexMatrix.identity(4)
        m[2, 2] = u.m00; m[2, 3] = u.m01; m[3, 2] = u.m10; m[3, 3] = u.m11
        return m
    }

    /// The matrix of a gate with at most one angle (`angle` is ignored by gates without one).
    public func matrix(angle: Double = 0) -> ComplexMatrix {
        matrix(angles: parameterCount == 0 ? [] : [angle])
    }

    /// The gate and angles whose matrix is this one's inverse (`U^†`): rotations negate their angles,
    /// Rot reverses and negates them, S and T become PhaseShift(-π/2) and PhaseShift(-π/4), the other
    /// fixed gates are their own inverses.
    public func inverse(angles: [Double]) -> (gate: Gate, angles: [Double]) {
        switch self {
        case .rx, .ry, .rz, .phaseShift, .crx, .cry, .crz: (self, angles.map { -$0 })
        case .rot: (self, angles.reversed().map { -$0 })
        case .s: (.phaseShift, [-.pi / 2])
        case .t: (.phaseShift, [-.pi / 4])
        case .hadamard, .pauliX, .pauliY, .pauliZ, .cnot, .cz, .swap: (self, angles)
        }
    }

    /// `dU/dφ = -i/2 · G · U(φ)` for a one-angle gate; nil for the others.
    public func derivative(angle: Double) -> ComplexMatrix? {
        guard let g = generator else { return nil }
        return Complex(0, -0.5) * (g.matrix * matrix(angle: angle))
    }

    /// The kernel applying this gate (which has no decomposition) at `angle`, or its inverse, to wires whose
    /// basis-index bit strides are `strides` (one-wire gates use `strides.0`; two-wire gates
    /// `(wires[0], wires[1])`).
    @inlinable func kernel(angle: Double, strides: (Int, Int), inverse: Bool = false) -> GateKernel {
        if self == .swap { return .swap(strides.0, strides.1) }
        if self == .cnot { return .controlledNot(controlStride: strides.0, targetStride: strides.1) }
        let u = elementaryMatrix(angle: angle)!
        let m = inverse ? u.adjoint : u
        switch (wireCount, isDiagonal) {
        case (1, true): return .diagonal(m.m00, m.m11, stride: strides.0)
        case (1, false):
            if m.m00.im == 0 && m.m01.im == 0 && m.m10.im == 0 && m.m11.im == 0 {
                return .realDense(m.m00.re, m.m01.re, m.m10.re, m.m11.re, stride: strides.0)
            }
            if m.m00.im == 0 && m.m01.re == 0 && m.m10.re == 0 && m.m11.im == 0 {
                return .imaginaryOffDiagonal(m.m00.re, m.m01.im, m.m10.im, m.m11.re, stride: strides.0)
            }
            return .dense(m, stride: strides.0)
        case (_, true): return .controlledDiagonal(m.m00, m.m11, controlStride: strides.0, targetStride: strides.1)
        case (_, false): return .controlledDense(m, controlStride: strides.0, targetStride: strides.1)
        }
    }
}
