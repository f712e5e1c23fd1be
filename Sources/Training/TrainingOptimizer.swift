import NeuralNets

/// The optimiser a training protocol names, behind one interface.
struct TrainingOptimizer {
    private let stepAction: () -> Void
    private let zeroGradAction: () -> Void
    private let stateAction: () -> Adam.State
    private let restoreAction: (Adam.State) throws -> Void

    /// The known names; anything else is a Catalog error caught by the Training tests.
    static let names = ["adam", "adamw"]

    /// `adam`: PyTorch's Adam (no weight decay); `adamw`: PyTorch's AdamW (weight decay 0.01).
    init(named name: String, parameters: [Parameter], learningRate: Double) {
        switch name {
        case "adam":
            let adam = Adam(parameters: parameters, learningRate: learningRate)
            stepAction = adam.step
            zeroGradAction = adam.zeroGrad
            stateAction = { adam.state }
            restoreAction = adam.restore
        case "adamw":
            let adamW = AdamW(parameters: parameters, learningRate: learningRate)
            stepAction = adamW.step
            zeroGradAction = adamW.zeroGrad
            stateAction = { adamW.state }
            restoreAction = adamW.restore
        default:
            preconditionFailure("unknown optimiser '\(name)' in the Catalog; known: \(Self.names.joined(separator: ", "))")
        }
    }

    func step() { stepAction() }
    func zeroGrad() { zeroGradAction() }
    /// Step counts and moments, for a checkpoint.
    var state: Adam.State { stateAction() }
    /// Continues from a checkpoint's state.
    func restore(_ state: Adam.State) throws { try restoreAction(state) }
}
