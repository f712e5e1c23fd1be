/// A parametrised circuit as data: the gates in order, where their angles come from, and what is measured.
///
/// Every `Circuit` made by `init` or decoded from JSON has been validated; the simulator re-checks
/// circuits whose properties were changed afterwards. JSON (field names as below):
/// `{"wireCount": 2, "inputCount": 1, "weightCount": 1, "operations": […], "observables": [{"pauliZ": 0}]}`.
public struct Circuit: Hashable, Sendable, Codable {
    /// The largest supported register: 2^30 amplitudes are 16 GiB per state.
    public static let maxWireCount = 30

    /// Number of qubits; wire 0 is the most significant bit of the basis index (PennyLane).
    public var wireCount: Int
    /// Inputs per sample (the row length of `inputs` in the simulator).
    public var inputCount: Int
    /// Trainable weights, shared by every sample.
    public var weightCount: Int
    /// Gates in application order.
    public var operations: [Operation]
    /// Measured observables, in output order.
    public var observables: [Observable]
    /// The initial state, from the inputs; nil for `|0…0⟩`.
    public var amplitudeEmbedding: AmplitudeEmbedding?

    /// A validated circuit; throws `CircuitError` naming the first problem found.
    public init(wireCount: Int, inputCount: Int, weightCount: Int, operations: [Operation],
                observables: [Observable], amplitudeEmbedding: AmplitudeEmbedding? = nil) throws {
        self.wireCount = wireCount
        self.inputCount = inputCount
        self.weightCount = weightCount
        self.operations = operations
        self.observables = observables
        self.amplitudeEmbedding = amplitudeEmbedding
        try validate()
    }

    private enum CodingKeys: String, CodingKey { case wireCount, inputCount, weightCount, operations, observables, amplitudeEmbedding }

    /// Decodes and validates (a decoded invalid circuit throws its `CircuitError`).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(wireCount: c.decode(Int.self, forKey: .wireCount),
                      inputCount: c.decode(Int.self, forKey: .inputCount),
                      weightCount: c.decode(Int.self, forKey: .weightCount),
                      operations: c.decode([Operation].self, forKey: .operations),
                      observables: c.decode([Observable].self, forKey: .observables),
                      amplitudeEmbedding: c.decodeIfPresent(AmplitudeEmbedding.self, forKey: .amplitudeEmbedding))
    }

    /// Throws the first `CircuitError` found: wires in range and distinct, wire counts matching the
    /// gates, parameters present exactly for gates with an angle, indices in range, values finite.
    public func validate() throws {
        guard (1...Self.maxWireCount).contains(wireCount) else { throw CircuitError.wireCountOutOfRange(wireCount) }
        guard inputCount >= 0 else { throw CircuitError.negativeCount(field: "inputCount", value: inputCount) }
        guard weightCount >= 0 else { throw CircuitError.negativeCount(field: "weightCount", value: weightCount) }
        if let e = amplitudeEmbedding {
            guard (1...(1 << wireCount)).contains(e.featureCount), e.firstInput >= 0,
                  e.firstInput + e.featureCount <= inputCount, e.padding.isFinite else {
                throw CircuitError.invalidAmplitudeEmbedding(e, wireCount: wireCount, inputCount: inputCount)
            }
        }
        for (i, op) in operations.enumerated() {
            guard op.wires.count == op.gate.wireCount else {
                throw CircuitError.wrongWireCount(operation: i, gate: op.gate, wires: op.wires)
            }
            for wire in op.wires where !(0..<wireCount).contains(wire) {
                throw CircuitError.wireOutOfRange(operation: i, wire: wire, wireCount: wireCount)
            }
            guard Set(op.wires).count == op.wires.count else {
                throw CircuitError.repeatedWire(operation: i, wires: op.wires)
            }
            switch (op.gate.parameterCount, op.parameters.count) {
            case let (needed, given) where needed == given: break
            case (_, 0): throw CircuitError.missingParameter(operation: i, gate: op.gate)
            case (0, _): throw CircuitError.unexpectedParameter(operation: i, gate: op.gate)
            case let (_, given): throw CircuitError.wrongParameterCount(operation: i, gate: op.gate, count: given)
            }
            for parameter in op.parameters {
                switch parameter {
                case let .input(index, scale):
                    guard (0..<inputCount).contains(index) else {
                        throw CircuitError.inputIndexOutOfRange(operation: i, index: index, inputCount: inputCount)
                    }
                    guard scale.isFinite else { throw CircuitError.nonFiniteParameter(operation: i, value: scale) }
                case let .weight(index):
                    guard (0..<weightCount).contains(index) else {
                        throw CircuitError.weightIndexOutOfRange(operation: i, index: index, weightCount: weightCount)
                    }
                case let .constant(value):
                    guard value.isFinite else { throw CircuitError.nonFiniteParameter(operation: i, value: value) }
                }
            }
        }
        for (k, observable) in observables.enumerated() {
            guard !observable.factors.isEmpty else { throw CircuitError.emptyObservable(observable: k) }
            guard Set(observable.wires).count == observable.wires.count else {
                throw CircuitError.repeatedObservableWire(observable: k, wires: observable.wires)
            }
            for wire in observable.wires where !(0..<wireCount).contains(wire) {
                throw CircuitError.observableWireOutOfRange(observable: k, wire: wire, wireCount: wireCount)
            }
        }
    }
}
