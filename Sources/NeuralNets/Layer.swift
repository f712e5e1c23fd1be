/// Anything with trainable parameters: a single layer or a whole model (which lists the
/// parameters of its sub-layers, with their names prefixed by the sub-layer's name).
public protocol Layer: AnyObject {
    /// Every trainable parameter, in a fixed order, named like `"fc.weight"`.
    var parameters: [Parameter] { get }
    /// Non-trainable state saved in checkpoints (BatchNorm's running statistics), in a
    /// fixed order, named like the parameters. Default: none.
    var buffers: [Buffer] { get }
    /// The layers this one is built from, for switching train/eval mode; default none. A
    /// model that contains BatchNorm or dropout layers lists them (directly or through its
    /// own sub-layers) so that `setTraining` reaches them.
    var sublayers: [any Layer] { get }
}

extension Layer {
    /// No buffers.
    public var buffers: [Buffer] { [] }
    /// No sub-layers.
    public var sublayers: [any Layer] { [] }

    /// The number of scalar parameters, classical and quantum.
    public var parameterCount: ParameterCount { ParameterCount(parameters) }

    /// Puts this layer and every layer reachable through `sublayers` into training mode
    /// (`true`, batch statistics, dropout active) or evaluation mode (`false`), like
    /// PyTorch's `module.train(mode)`.
    public func setTraining(_ training: Bool) {
        var stack: [any Layer] = [self]
        while let layer = stack.popLast() {
            if let modal = layer as? any ModeDependentLayer { modal.isTraining = training }
            stack.append(contentsOf: layer.sublayers)
        }
    }
}

/// A layer that behaves differently in training and evaluation (BatchNorm, Dropout).
public protocol ModeDependentLayer: Layer {
    /// `true` in training mode (the initial mode, as in PyTorch).
    var isTraining: Bool { get set }
}
