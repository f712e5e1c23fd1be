import Foundation

/// The Adam optimiser with the semantics of `torch.optim.Adam` (single-tensor CPU path,
/// `amsgrad`, `maximize` off), including its Float32 operation order:
///
///     g  = grad + weightDecay·p                 (L2 penalty added to the gradient)
///     m  = lerp(m, g, 1 − β1)                   (m + (1 − β1)·(g − m), fused)
///     v  = v·β2 + (1 − β2)·g·g
///     stepSize = lr / (1 − β1ᵗ)                 (in Double)
///     denom    = √v / √(1 − β2ᵗ) + ε
///     p  = p + (−stepSize·m) / denom
///
/// with `t` counted per parameter (a parameter without a gradient is skipped and its `t`
/// does not advance, as in PyTorch).
public final class Adam {
    /// The parameters updated by `step()`.
    public let parameters: [Parameter]
    /// The learning rate (may be changed between steps by a schedule).
    public var learningRate: Double
    /// The decay rates (β1, β2) of the first- and second-moment averages.
    public let betas: (Double, Double)
    /// Added to the denominator for numerical stability.
    public let epsilon: Double
    /// L2 penalty coefficient, added to the gradient (not decoupled; see AdamW for that).
    public let weightDecay: Double

    private var steps: [Int]
    private var firstMoments: [[Float]]
    private var secondMoments: [[Float]]

    /// An optimiser over `parameters` with PyTorch's defaults.
    public init(parameters: [Parameter], learningRate: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999),
                epsilon: Double = 1e-8, weightDecay: Double = 0) {
        precondition(learningRate >= 0 && epsilon >= 0 && weightDecay >= 0
                     && (0..<1).contains(betas.0) && (0..<1).contains(betas.1),
                     "Adam: invalid hyper-parameters lr \(learningRate), betas \(betas), eps \(epsilon), weight decay \(weightDecay)")
        self.parameters = parameters
        self.learningRate = learningRate
        self.betas = betas
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        steps = Array(repeating: 0, count: parameters.count)
        firstMoments = parameters.map { [Float](repeating: 0, count: $0.count) }
        secondMoments = parameters.map { [Float](repeating: 0, count: $0.count) }
    }

    /// The number of updates applied to parameter `index` so far.
    public func stepCount(ofParameterAt index: Int) -> Int { steps[index] }

    /// Everything `step()` carries from one update to the next, per parameter in order: the step counts
    /// and both moment averages. Restoring it into an optimiser over the same parameters continues the
    /// updates bit for bit (a checkpoint's optimiser state).
    public struct State: Codable, Equatable, Sendable {
        public var steps: [Int]
        public var firstMoments: [[Float]]
        public var secondMoments: [[Float]]

        public init(steps: [Int], firstMoments: [[Float]], secondMoments: [[Float]]) {
            self.steps = steps
            self.firstMoments = firstMoments
            self.secondMoments = secondMoments
        }
    }

    /// The current state (a copy).
    public var state: State { State(steps: steps, firstMoments: firstMoments, secondMoments: secondMoments) }

    /// Replaces the state with `state`.
    /// - Throws: `OptimizerStateError` when it does not fit these parameters (count or sizes); nothing is changed then.
    public func restore(_ state: State) throws {
        guard state.steps.count == parameters.count, state.firstMoments.count == parameters.count,
              state.secondMoments.count == parameters.count else {
            throw OptimizerStateError("has state for \(state.steps.count) parameters, the optimiser has \(parameters.count)")
        }
        for (index, parameter) in parameters.enumerated()
        where state.firstMoments[index].count != parameter.count || state.secondMoments[index].count != parameter.count {
            throw OptimizerStateError("parameter \(parameter.name) has \(parameter.count) values, the state \(state.firstMoments[index].count)")
        }
        steps = state.steps
        firstMoments = state.firstMoments
        secondMoments = state.secondMoments
    }

    /// Updates every parameter that has a gradient, from its current gradient.
    public func step() {
        let lerpWeight = Float(1 - betas.0)
        let beta2 = Float(betas.1), oneMinusBeta2 = Float(1 - betas.1)
        let decay = Float(weightDecay), eps = Float(epsilon)
        for (index, parameter) in parameters.enumerated() {
            guard let grad = parameter.tensor.grad else { continue }
            steps[index] += 1
            let t = Double(steps[index])
            let stepSize = learningRate / (1 - pow(betas.0, t))
            let correction2Root = Float(pow(1 - pow(betas.1, t), 0.5))
            let negativeStep = Float(-stepSize)
            grad.withUnsafeBufferPointer { g in
                parameter.tensor.data.withUnsafeMutableBufferPointer { p in
                    firstMoments[index].withUnsafeMutableBufferPointer { m in
                        secondMoments[index].withUnsafeMutableBufferPointer { v in
                            for i in 0..<p.count {
                                let gi = decay == 0 ? g[i] : g[i].addingProduct(decay, p[i])
                                m[i] = m[i].addingProduct(lerpWeight, gi - m[i])
                                v[i] = v[i] * beta2 + oneMinusBeta2 * gi * gi
                                let denom = v[i].squareRoot() / correction2Root + eps
                                p[i] = p[i] + negativeStep * m[i] / denom
                            }
                        }
                    }
                }
            }
        }
    }

    /// Clears the gradients of all parameters (sets them to `nil`, PyTorch's default).
    public func zeroGrad() {
        for parameter in parameters { parameter.tensor.grad = nil }
    }
}
