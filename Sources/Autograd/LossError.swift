/// A loss that came out NaN or infinite: training cannot continue from it. The message names
/// the loss, its value and each input with its shape and how many of its values are not
/// finite, for example
/// `cross-entropy loss is nan: logits [64, 10] (640 non-finite values), targets [64]`.
public struct LossError: Error, CustomStringConvertible, Equatable {
    /// The loss's name, as given to `requireFiniteLoss`.
    public let loss: String
    /// The loss value (NaN or ±infinity).
    public let value: Float
    /// Each input's name, shape and number of non-finite values, in the order given.
    public let inputs: [Input]

    /// One input of the loss.
    public struct Input: Equatable, Sendable {
        public let name: String
        public let shape: [Int]
        public let nonFiniteCount: Int

        public init(name: String, shape: [Int], nonFiniteCount: Int) {
            self.name = name
            self.shape = shape
            self.nonFiniteCount = nonFiniteCount
        }
    }

    public init(loss: String, value: Float, inputs: [Input]) {
        self.loss = loss
        self.value = value
        self.inputs = inputs
    }

    /// Equal fields, two NaN values counting as equal.
    public static func == (a: LossError, b: LossError) -> Bool {
        a.loss == b.loss && a.inputs == b.inputs && (a.value == b.value || (a.value.isNaN && b.value.isNaN))
    }

    public var description: String {
        let parts = inputs.map { input in
            "\(input.name) \(input.shape)" + (input.nonFiniteCount > 0 ? " (\(input.nonFiniteCount) non-finite values)" : "")
        }
        return "\(loss) loss is \(value): " + parts.joined(separator: ", ")
    }
}

extension Tensor {
    /// This one-element loss, after checking that it is a finite number.
    /// - Parameters:
    ///   - name: the loss's name for the message (`"cross-entropy"`).
    ///   - inputs: the tensors the loss was computed from, named (`["logits": logits]`), and
    ///     `targetShapes` any non-tensor inputs' shapes (`["targets": [64]]`), for the message.
    /// - Throws: `LossError` when the value is NaN or infinite.
    @discardableResult
    public func requireFiniteLoss(_ name: String, inputs: KeyValuePairs<String, Tensor>,
                                  targetShapes: KeyValuePairs<String, [Int]> = [:]) throws -> Tensor {
        precondition(count == 1, "requireFiniteLoss(\(name)) needs a one-element loss, shape is \(shape)")
        guard !data[0].isFinite else { return self }
        let described = inputs.map { LossError.Input(name: $0.key, shape: $0.value.shape,
                                                      nonFiniteCount: $0.value.data.reduce(0) { $0 + ($1.isFinite ? 0 : 1) }) }
            + targetShapes.map { LossError.Input(name: $0.key, shape: $0.value, nonFiniteCount: 0) }
        throw LossError(loss: name, value: data[0], inputs: described)
    }
}
