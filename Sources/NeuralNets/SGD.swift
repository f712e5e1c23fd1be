/// Stochastic gradient descent with the semantics of `torch.optim.SGD` (single-tensor path):
///
///     d = grad + weightDecay·p
///     buf = d                                    (first step)
///     buf = momentum·buf + (1 − dampening)·d     (later steps)
///     d = nesterov ? d + momentum·buf : buf      (when momentum ≠ 0)
///     p = p − lr·d
///
/// Parameters without a gradient are skipped (their buffer is not touched).
public final class SGD {
    /// The parameters updated by `step()`.
    public let parameters: [Parameter]
    /// The learning rate (may be changed between steps by a schedule).
    public var learningRate: Double
    /// Momentum factor (0: plain SGD).
    public let momentum: Double
    /// Dampening of the gradient's contribution to the momentum buffer.
    public let dampening: Double
    /// L2 penalty coefficient, added to the gradient.
    public let weightDecay: Double
    /// Nesterov momentum.
    public let nesterov: Bool

    private var buffers: [[Float]?]

    /// An optimiser over `parameters`.
    /// - Precondition: non-negative hyper-parameters; Nesterov needs momentum > 0 and dampening 0.
    public init(parameters: [Parameter], learningRate: Double, momentum: Double = 0, dampening: Double = 0,
                weightDecay: Double = 0, nesterov: Bool = false) {
        precondition(learningRate >= 0 && momentum >= 0 && weightDecay >= 0 && dampening >= 0,
                     "SGD: invalid hyper-parameters lr \(learningRate), momentum \(momentum), dampening \(dampening), weight decay \(weightDecay)")
        precondition(!nesterov || (momentum > 0 && dampening == 0), "SGD: Nesterov momentum requires momentum > 0 and dampening 0")
        self.parameters = parameters
        self.learningRate = learningRate
        self.momentum = momentum
        self.dampening = dampening
        self.weightDecay = weightDecay
        self.nesterov = nesterov
        buffers = Array(repeating: nil, count: parameters.count)
    }

    /// Updates every parameter that has a gradient.
    public func step() {
        let decay = Float(weightDecay), mu = Float(momentum), keep = Float(1 - dampening)
        let negativeRate = Float(-learningRate)
        for (index, parameter) in parameters.enumerated() {
            guard let grad = parameter.tensor.grad else { continue }
            var d = grad
            if decay != 0 {
                for i in 0..<d.count { d[i] = d[i].addingProduct(decay, parameter.tensor.data[i]) }
            }
            if mu != 0 {
                if var buffer = buffers[index] {
                    for i in 0..<d.count { buffer[i] = (buffer[i] * mu).addingProduct(keep, d[i]) }
                    buffers[index] = buffer
                } else {
                    buffers[index] = d
                }
                let buffer = buffers[index]!
                if nesterov {
                    for i in 0..<d.count { d[i] = d[i].addingProduct(mu, buffer[i]) }
                } else {
                    d = buffer
                }
            }
            parameter.tensor.data.withUnsafeMutableBufferPointer { p in
                for i in 0..<p.count { p[i] = p[i].addingProduct(negativeRate, d[i]) }
            }
        }
    }

    /// Clears the gradients of all parameters.
    public func zeroGrad() {
        for parameter in parameters { parameter.tensor.grad = nil }
    }
}
