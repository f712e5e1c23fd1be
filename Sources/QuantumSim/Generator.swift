/// The Hermitian `G` of a one-angle gate, with `dU/dφ = -i/2 · G · U(φ)`; it is what the adjoint method
/// contracts between the bra and the ket at that gate (`∂⟨O⟩/∂φ = Im ⟨λ|G|φ⟩`).
public enum Generator: Hashable, Sendable {
    /// A Pauli on the gate's wire (RX, RY, RZ).
    case pauli(Pauli)
    /// `-2 |1⟩⟨1|` on the gate's wire (PhaseShift: `dU/dφ = i |1⟩⟨1| U`).
    case projectorOne
    /// `|1⟩⟨1| ⊗ P` on `[control, target]` (CRX, CRY, CRZ).
    case controlledPauli(Pauli)

    /// `G` on the gate's wires (first wire the most significant bit).
    public var matrix: ComplexMatrix {
        switch self {
        case let .pauli(p): return p.matrix.complexMatrix
        case .projectorOne: return Matrix2(.zero, .zero, .zero, Complex(-2)).complexMatrix
        case let .controlledPauli(p):
            let m = p.matrix
            var g = ComplexMatrix(dimension: 4, entries: Array(repeating: .zero, count: 16))
            g[2, 2] = m.m00; g[2, 3] = m.m01; g[3, 2] = m.m10; g[3, 3] = m.m11
            return g
        }
    }

    /// `Im ⟨λ|G|φ⟩` for one state of `dimension` amplitudes, `G` on the wires with `strides`.
    @inline(__always)
    func imaginaryOverlap(braRe lr: UnsafePointer<Double>, braIm li: UnsafePointer<Double>,
                          ketRe pr: UnsafePointer<Double>, ketIm pi: UnsafePointer<Double>,
                          dimension: Int, strides: (Int, Int)) -> Double {
        switch self {
        case let .pauli(p):
            return PauliKernel.imaginaryOverlap(p, braRe: lr, braIm: li, ketRe: pr, ketIm: pi,
                                                dimension: dimension, stride: strides.0)
        case .projectorOne:
            let s = strides.0
            var sum = 0.0
            var block = s
            while block < dimension {
                for h in block..<(block + s) { sum += lr[h] * pi[h] - li[h] * pr[h] }
                block += 2 * s
            }
            return -2 * sum
        case let .controlledPauli(p):
            return PauliKernel.controlledImaginaryOverlap(p, braRe: lr, braIm: li, ketRe: pr, ketIm: pi,
                                                          dimension: dimension, controlStride: strides.0,
                                                          targetStride: strides.1)
        }
    }
}
