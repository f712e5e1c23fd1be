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

    /// `out[b] = Im ⟨λ_b|G|φ_b⟩` for `lanes` states stored lane-inner (`PauliKernel`), `G` on the wires with
    /// `strides` (in amplitude indices).
    @inline(__always)
    func imaginaryOverlap(braRe lr: UnsafePointer<Double>, braIm li: UnsafePointer<Double>,
                          ketRe pr: UnsafePointer<Double>, ketIm pi: UnsafePointer<Double>,
                          dimension: Int, strides: (Int, Int), lanes: Int, into out: UnsafeMutablePointer<Double>) {
        switch self {
        case let .pauli(p):
            PauliKernel.imaginaryOverlap(p, braRe: lr, braIm: li, ketRe: pr, ketIm: pi, dimension: dimension,
                                         stride: strides.0, lanes: lanes, into: out)
        case .projectorOne:
            let s = strides.0
            out.update(repeating: 0, count: lanes)
            var block = s
            while block < dimension {
                for hh in block..<(block + s) {
                    let h = hh &* lanes
                    let lrh = lr + h, lih = li + h, prh = pr + h, pih = pi + h
                    for b in 0..<lanes { out[b] += lrh[b] * pih[b] - lih[b] * prh[b] }
                }
                block += 2 * s
            }
            for b in 0..<lanes { out[b] *= -2 }
        case let .controlledPauli(p):
            PauliKernel.controlledImaginaryOverlap(p, braRe: lr, braIm: li, ketRe: pr, ketIm: pi, dimension: dimension,
                                                   controlStride: strides.0, targetStride: strides.1, lanes: lanes,
                                                   into: out)
        }
    }
}
