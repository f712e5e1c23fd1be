/// A dense Float32 tensor, stored row-major (images are NCHW), that records the
/// operations applied to it for reverse-mode differentiation.
///
/// ## The graph
/// Every op that has at least one input with `requiresGrad` returns a tensor that keeps
/// strong references to its inputs and a backward closure; `backward()` on a scalar walks
/// those references. There is no tape, registry or any other global state: the graph is
/// exactly the set of tensors reachable from the output, so it lives as long as the step's
/// tensors do and is freed by ARC when the caller drops the output (typically the loss) at
/// the end of a training step. Parameters (leaves) never point at the tensors computed from
/// them, so they do not keep a graph alive.
///
/// If no input requires a gradient, an op records nothing (no references, no closure), so
/// inference costs only the forward computation.
///
/// Backward closures read their inputs' `data` when `backward()` runs: do not mutate the
/// `data` of a tensor that is part of a graph between the forward pass and `backward()`.
/// (Optimisers update parameters after `backward()`, which is fine.)
public final class Tensor {
    /// The extent of each axis; empty for a scalar.
    public let shape: [Int]
    /// The elements in row-major order; `data.count` is the product of `shape`.
    public var data: [Float]
    /// The accumulated gradient of the last `backward()` with respect to this tensor, same
    /// layout as `data`; `nil` until a gradient reaches it. Kept on leaves (tensors created by
    /// the caller with `requiresGrad`) and accumulated across calls until reset; freed on
    /// intermediate tensors once their backward closure has run.
    public var grad: [Float]?

    /// The tensors this one was computed from (empty for leaves and for tensors computed
    /// without gradient tracking).
    let inputs: [Tensor]
    /// Propagates this tensor's gradient (the argument) into its inputs' gradients.
    let backwardFunction: ((UnsafeBufferPointer<Float>) -> Void)?
    private var _requiresGrad: Bool

    /// Whether gradients flow to this tensor. Settable on leaves only; op outputs require a
    /// gradient exactly when one of their inputs does.
    public var requiresGrad: Bool {
        get { _requiresGrad }
        set {
            precondition(isLeaf, "requiresGrad can only be changed on a leaf tensor (one not computed by an op)")
            _requiresGrad = newValue
        }
    }

    /// `true` for tensors created by the caller rather than computed by a recorded op.
    public var isLeaf: Bool { backwardFunction == nil }

    /// A leaf tensor holding `data` in row-major order.
    /// - Precondition: `data.count` equals the product of `shape`, and no extent is negative.
    public init(shape: [Int], data: [Float], requiresGrad: Bool = false) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative extent in shape \(shape)")
        precondition(data.count == shape.reduce(1, *),
                     "shape \(shape) needs \(shape.reduce(1, *)) elements, got \(data.count)")
        self.shape = shape
        self.data = data
        self.grad = nil
        self.inputs = []
        self.backwardFunction = nil
        self._requiresGrad = requiresGrad
    }

    /// A leaf tensor of zeros.
    public convenience init(zeros shape: [Int], requiresGrad: Bool = false) {
        self.init(shape: shape, data: [Float](repeating: 0, count: shape.reduce(1, *)), requiresGrad: requiresGrad)
    }

    /// A leaf scalar (shape `[]`).
    public convenience init(scalar: Float, requiresGrad: Bool = false) {
        self.init(shape: [], data: [scalar], requiresGrad: requiresGrad)
    }

    /// An op result: records `inputs` and `backward` only when one of the inputs requires a
    /// gradient. `backward` receives this tensor's gradient and must accumulate into the
    /// gradients of those inputs that require one (see `accumulateGrad`).
    init(shape: [Int], data: [Float], inputs: [Tensor], backward: @escaping (UnsafeBufferPointer<Float>) -> Void) {
        precondition(data.count == shape.reduce(1, *),
                     "op produced \(data.count) elements for shape \(shape)")
        self.shape = shape
        self.data = data
        self.grad = nil
        if inputs.contains(where: { $0.requiresGrad }) {
            self.inputs = inputs
            self.backwardFunction = backward
            self._requiresGrad = true
        } else {
            self.inputs = []
            self.backwardFunction = nil
            self._requiresGrad = false
        }
    }

    /// The number of elements.
    public var count: Int { data.count }

    /// The number of axes.
    public var rank: Int { shape.count }

    /// The single element of a one-element tensor (for example a loss).
    public func item() -> Float {
        precondition(data.count == 1, "item() needs a one-element tensor, shape is \(shape)")
        return data[0]
    }

    /// A leaf copy of this tensor's values that does not require a gradient.
    public func detached() -> Tensor {
        Tensor(shape: shape, data: data)
    }

    /// Adds into `grad` (allocating it as zeros first if needed) through `body`, which gets
    /// the gradient buffer to accumulate into. Ops call this only for inputs that require a
    /// gradient.
    @inline(__always)
    func accumulateGrad(_ body: (UnsafeMutableBufferPointer<Float>) -> Void) {
        if grad == nil { grad = [Float](repeating: 0, count: data.count) }
        grad!.withUnsafeMutableBufferPointer { body($0) }
    }

    /// Like `accumulateGrad`, but when no gradient has reached this tensor yet, `body` gets an
    /// uninitialised buffer and `fresh` is `true`: it must then *write* every element instead
    /// of adding (saving the zero fill and a read of it, which matter on large activations).
    @inline(__always)
    func writeOrAccumulateGrad(_ body: (_ gradient: UnsafeMutableBufferPointer<Float>, _ fresh: Bool) -> Void) {
        if grad == nil {
            grad = VectorKernels.array(count: data.count) { body($0, true) }
        } else {
            grad!.withUnsafeMutableBufferPointer { body($0, false) }
        }
    }

    /// Adds `gradient` (same layout as `data`) into `grad`, adopting the array itself when no
    /// gradient has reached this tensor yet (no zero fill, no copy).
    @inline(__always)
    func accumulateGrad(adopting gradient: [Float]) {
        if grad == nil {
            grad = gradient
        } else {
            grad!.withUnsafeMutableBufferPointer { t in gradient.withUnsafeBufferPointer { VectorKernels.add(from: $0, into: t) } }
        }
    }

    /// `writeOrAccumulateGrad(body)` when this tensor requires a gradient, else `body(nil, false)`.
    @inline(__always)
    func withWritableGradientIfRequired(_ body: (_ gradient: UnsafeMutableBufferPointer<Float>?, _ fresh: Bool) -> Void) {
        if requiresGrad { writeOrAccumulateGrad { body($0, $1) } } else { body(nil, false) }
    }

    /// `accumulateGrad(body)` when this tensor requires a gradient, else `body(nil)`: lets an op
    /// hold the gradient buffers of several inputs at once (for example inside one parallel loop).
    @inline(__always)
    func withGradientIfRequired(_ body: (UnsafeMutableBufferPointer<Float>?) -> Void) {
        if requiresGrad { accumulateGrad { body($0) } } else { body(nil) }
    }
}

extension Tensor: CustomStringConvertible {
    /// Shape and, for small tensors, the values.
    public var description: String {
        let values = data.count <= 16 ? "\(data)" : "[\(data.count) values]"
        return "Tensor(shape: \(shape), \(values)\(requiresGrad ? ", requiresGrad" : ""))"
    }
}
