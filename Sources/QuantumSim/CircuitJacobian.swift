/// Full Jacobians of a batch's expectations (by finite differences or parameter shifts; the adjoint method
/// gives vector-Jacobian products instead).
public struct CircuitJacobian: Hashable, Sendable {
    /// `∂⟨O_k⟩_b / ∂inputs[b, i]`, row-major `[batch, observables, inputCount]`.
    public var inputJacobian: [Double]
    /// `∂⟨O_k⟩_b / ∂weights[j]` per sample, row-major `[batch, observables, weightCount]`.
    public var weightJacobian: [Double]

    /// A Jacobian pair from its parts.
    public init(inputJacobian: [Double], weightJacobian: [Double]) {
        self.inputJacobian = inputJacobian
        self.weightJacobian = weightJacobian
    }
}
