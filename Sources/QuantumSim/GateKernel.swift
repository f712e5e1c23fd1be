/// A gate bound to its angle and wires, ready to apply to states in the split real/imaginary layout.
///
/// `apply` works on any run of whole states laid out back to back (one state, or a whole chunk of a
/// `StateBatch`): a wire's stride is below the state dimension, so the kernels never mix two states.
@usableFromInline enum GateKernel {
    /// A general one-qubit matrix on the wire with this stride (`DenseKernel`).
    case dense(Matrix2, stride: Int)
    /// A real one-qubit matrix `[[a, b], [c, d]]` (`DenseKernel.applyReal`).
    case realDense(Double, Double, Double, Double, stride: Int)
    /// `[[a, i·b], [i·c, d]]`, all four real (`DenseKernel.applyImaginaryOffDiagonal`).
    case imaginaryOffDiagonal(Double, Double, Double, Double, stride: Int)
    /// `diag(d0, d1)` on the wire with this stride (`DiagonalKernel`).
    case diagonal(Complex, Complex, stride: Int)
    /// CNOT (`ControlledNotKernel`).
    case controlledNot(controlStride: Int, targetStride: Int)
    /// A one-qubit matrix on the target where the control is 1 (`ControlledKernel`).
    case controlledDense(Matrix2, controlStride: Int, targetStride: Int)
    /// `diag(d0, d1)` on the target where the control is 1 (`ControlledKernel.applyDiagonal`).
    case controlledDiagonal(Complex, Complex, controlStride: Int, targetStride: Int)
    /// SWAP of the wires with these strides (`SwapKernel`).
    case swap(Int, Int)
    /// Several CNOT, SWAP and PauliX gates in a row as one permutation of the basis (`BasisPermutation`).
    case permutation(BasisPermutation)

    /// Applies the gate in place to `count` amplitudes (a multiple of the state dimension).
    @inline(__always)
    func apply(re: UnsafeMutablePointer<Double>, im: UnsafeMutablePointer<Double>, count: Int) {
        switch self {
        case let .dense(m, stride):
            DenseKernel.apply(m, re: re, im: im, count: count, stride: stride)
        case let .realDense(a, b, c, d, stride):
            DenseKernel.applyReal(a, b, c, d, re: re, im: im, count: count, stride: stride)
        case let .imaginaryOffDiagonal(a, b, c, d, stride):
            DenseKernel.applyImaginaryOffDiagonal(a, b, c, d, re: re, im: im, count: count, stride: stride)
        case let .diagonal(d0, d1, stride):
            DiagonalKernel.apply(d0, d1, re: re, im: im, count: count, stride: stride)
        case let .controlledNot(control, target):
            ControlledNotKernel.apply(re: re, im: im, count: count, controlStride: control, targetStride: target)
        case let .controlledDense(m, control, target):
            ControlledKernel.apply(m, re: re, im: im, count: count, controlStride: control, targetStride: target)
        case let .controlledDiagonal(d0, d1, control, target):
            ControlledKernel.applyDiagonal(d0, d1, re: re, im: im, count: count, controlStride: control,
                                           targetStride: target)
        case let .swap(a, b):
            SwapKernel.apply(re: re, im: im, count: count, strides: (a, b))
        case let .permutation(p):
            p.apply(re: re, im: im, count: count)
        }
    }
}
