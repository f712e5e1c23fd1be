/// What the adjoint vector-Jacobian product returns: the forward values and `Jᵀg`.
public struct AdjointResult: Hashable, Sendable {
    /// `⟨O_k⟩`, row-major `[batch, observables]` (as `Simulator.expectations`).
    public var expectations: [Double]
    /// `Σ_k g[b, k] ∂⟨O_k⟩_b / ∂inputs[b, i]`, row-major `[batch, inputCount]`.
    public var inputGradients: [Double]
    /// `Σ_b Σ_k g[b, k] ∂⟨O_k⟩_b / ∂weights[j]`, `[weightCount]` (summed over the batch).
    public var weightGradients: [Double]

    /// A result from its parts.
    public init(expectations: [Double], inputGradients: [Double], weightGradients: [Double]) {
        self.expectations = expectations
        self.inputGradients = inputGradients
        self.weightGradients = weightGradients
    }
}
