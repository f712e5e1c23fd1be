import Foundation

/// Why a `Circuit` is invalid; `description` is one line naming the field, the value and what was expected.
public enum CircuitError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// `wireCount` outside `1...Circuit.maxWireCount`.
    case wireCountOutOfRange(Int)
    /// `inputCount` or `weightCount` below zero.
    case negativeCount(field: String, value: Int)
    /// `operations[operation]` has the wrong number of wires for its gate.
    case wrongWireCount(operation: Int, gate: Gate, wires: [Int])
    /// `operations[operation]` names a wire outside `0..<wireCount`.
    case wireOutOfRange(operation: Int, wire: Int, wireCount: Int)
    /// `operations[operation]` names a wire twice.
    case repeatedWire(operation: Int, wires: [Int])
    /// `operations[operation]`'s gate takes an angle but has no parameter.
    case missingParameter(operation: Int, gate: Gate)
    /// `operations[operation]`'s gate takes no angle but has a parameter.
    case unexpectedParameter(operation: Int, gate: Gate)
    /// `operations[operation]` has `count` parameters; its gate takes another number (not zero).
    case wrongParameterCount(operation: Int, gate: Gate, count: Int)
    /// `operations[operation]` reads an input index outside `0..<inputCount`.
    case inputIndexOutOfRange(operation: Int, index: Int, inputCount: Int)
    /// `operations[operation]` reads a weight index outside `0..<weightCount`.
    case weightIndexOutOfRange(operation: Int, index: Int, weightCount: Int)
    /// `operations[operation]` has a NaN or infinite input scale or constant angle.
    case nonFiniteParameter(operation: Int, value: Double)
    /// `observables[observable]` names a wire outside `0..<wireCount`.
    case observableWireOutOfRange(observable: Int, wire: Int, wireCount: Int)

    /// `observables[observable]` has no factors.
    case emptyObservable(observable: Int)
    /// `observables[observable]` has two factors on one wire.
    case repeatedObservableWire(observable: Int, wires: [Int])

    /// `amplitudeEmbedding` reads inputs outside `0..<inputCount`, has more features than amplitudes or
    /// none, or a non-finite padding.
    case invalidAmplitudeEmbedding(AmplitudeEmbedding, wireCount: Int, inputCount: Int)

    /// One line: the field, its value and what was expected.
    public var description: String {
        switch self {
        case let .wireCountOutOfRange(n):
            "circuit: wireCount is \(n); expected 1...\(Circuit.maxWireCount)"
        case let .negativeCount(field, value):
            "circuit: \(field) is \(value); expected 0 or more"
        case let .wrongWireCount(op, gate, wires):
            "circuit: operations[\(op)] (\(gate.rawValue)) has \(wires.count) wire(s) \(wires); expected \(gate.wireCount)"
        case let .wireOutOfRange(op, wire, n):
            "circuit: operations[\(op)] uses wire \(wire); expected a wire in 0..<\(n)"
        case let .repeatedWire(op, wires):
            "circuit: operations[\(op)] has wires \(wires); expected distinct wires"
        case let .missingParameter(op, gate):
            "circuit: operations[\(op)] (\(gate.rawValue)) has no parameter; expected an input, weight or constant angle"
        case let .unexpectedParameter(op, gate):
            "circuit: operations[\(op)] (\(gate.rawValue)) has a parameter; expected none, \(gate.rawValue) takes no angle"
        case let .wrongParameterCount(op, gate, count):
            "circuit: operations[\(op)] (\(gate.rawValue)) has \(count) parameters; expected \(gate.parameterCount)"
        case let .inputIndexOutOfRange(op, index, n):
            "circuit: operations[\(op)] reads input \(index); expected an index in 0..<\(n) (inputCount \(n))"
        case let .weightIndexOutOfRange(op, index, n):
            "circuit: operations[\(op)] reads weight \(index); expected an index in 0..<\(n) (weightCount \(n))"
        case let .nonFiniteParameter(op, value):
            "circuit: operations[\(op)] has parameter value \(value); expected a finite number"
        case let .observableWireOutOfRange(obs, wire, n):
            "circuit: observables[\(obs)] uses wire \(wire); expected a wire in 0..<\(n)"
        case let .emptyObservable(obs):
            "circuit: observables[\(obs)] has no factors; expected at least one Pauli"
        case let .repeatedObservableWire(obs, wires):
            "circuit: observables[\(obs)] has wires \(wires); expected distinct wires"
        case let .invalidAmplitudeEmbedding(e, n, inputs):
            "circuit: amplitudeEmbedding has firstInput \(e.firstInput), featureCount \(e.featureCount), padding \(e.padding); "
                + "expected 1...\(1 << n) features within inputCount \(inputs) and a finite padding"
        }
    }

    /// The same line as `description`.
    public var errorDescription: String? { description }
}
