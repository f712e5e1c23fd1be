/// The AdamW optimiser with the semantics of `torch.optim.AdamW` (single-tensor CPU path):
/// for every parameter that has a gradient, first the decoupled weight decay
/// `p ← p·(1 − lr·weightDecay)` (the factor computed in Double, then rounded), then the Adam
/// update without any L2 term (see `Adam` for its exact operation order).
public final class AdamW {
    /// The decoupled weight-decay coefficient (PyTorch's default 0.01).
    public let weightDecay: Double
    private let adam: Adam

    /// An optimiser over `parameters` with PyTorch's defaults.
    public init(parameters: [Parameter], learningRate: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999),
                epsilon: Double = 1e-8, weightDecay: Double = 1e-2) {
        precondition(weightDecay >= 0, "AdamW: weight decay must be >= 0, got \(weightDecay)")
        self.weightDecay = weightDecay
        adam = Adam(parameters: parameters, learningRate: learningRate, betas: betas, epsilon: epsilon, weightDecay: 0)
    }

    /// The parameters updated by `step()`.
    public var parameters: [Parameter] { adam.parameters }
    /// The learning rate (may be changed between steps by a schedule); also scales the decay.
    public var learningRate: Double {
        get { adam.learningRate }
        set { adam.learningRate = newValue }
    }

    /// Decays, then updates, every parameter that has a gradient.
    public func step() {
        let factor = Float(1 - learningRate * weightDecay)
        if weightDecay != 0 {
            for parameter in adam.parameters where parameter.tensor.grad != nil {
                parameter.tensor.data.withUnsafeMutableBufferPointer { p in
                    for i in 0..<p.count { p[i] *= factor }
                }
            }
        }
        adam.step()
    }

    /// Clears the gradients of all parameters.
    public func zeroGrad() { adam.zeroGrad() }

    /// The step counts and moment averages (see `Adam.State`); the decay itself carries no state.
    public var state: Adam.State { adam.state }

    /// Replaces the state (see `Adam.restore`).
    public func restore(_ state: Adam.State) throws { try adam.restore(state) }
}
