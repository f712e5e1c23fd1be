/// One state of `2^wireCount` complex amplitudes (split real/imaginary, wire 0 the most significant bit) that
/// gates are applied to one at a time, in place: for large registers and for measuring the kernels' throughput.
/// Circuits with inputs, weights and gradients go through `Simulator` instead.
public final class StateVector {
    /// Qubits.
    public let wireCount: Int
    /// Amplitudes, `2^wireCount`.
    public let dimension: Int
    private let buffer: StateBuffer

    /// `|0…0⟩` on `wireCount` qubits (1 … `Circuit.maxWireCount`).
    public init(wireCount: Int) {
        precondition((1...Circuit.maxWireCount).contains(wireCount),
                     "StateVector: wireCount \(wireCount); expected 1...\(Circuit.maxWireCount)")
        self.wireCount = wireCount
        dimension = 1 << wireCount
        buffer = StateBuffer(count: 1 << wireCount)
        buffer.setToZeroStates(samples: 1, dimension: dimension)
    }

    deinit { buffer.deallocate() }

    /// Applies `gate` with `angles` (`gate.parameterCount` of them) to `wires` (`gate.wireCount` distinct wires in
    /// range; controlled gates `[control, target]`).
    public func apply(_ gate: Gate, wires: [Int], angles: [Double] = []) {
        precondition(wires.count == gate.wireCount && Set(wires).count == wires.count
                     && wires.allSatisfy { (0..<wireCount).contains($0) } && angles.count == gate.parameterCount,
                     "StateVector.apply: \(gate.rawValue) on \(wires) with \(angles.count) angles; expected \(gate.wireCount) distinct wires in 0..<\(wireCount) and \(gate.parameterCount) angles")
        let strides = (1 << (wireCount - 1 - wires[0]), wires.count > 1 ? 1 << (wireCount - 1 - wires[1]) : 0)
        if let parts = gate.decomposition {
            for part in parts {
                part.gate.kernel(angle: angles[part.parameter], strides: strides)
                    .apply(re: buffer.re, im: buffer.im, count: dimension)
            }
        } else {
            gate.kernel(angle: angles.first ?? 0, strides: strides).apply(re: buffer.re, im: buffer.im, count: dimension)
        }
    }

    /// Amplitude `index`.
    public func amplitude(_ index: Int) -> Complex {
        precondition((0..<dimension).contains(index), "StateVector: amplitude \(index); expected 0..<\(dimension)")
        return Complex(buffer.re[index], buffer.im[index])
    }

    /// `⟨ψ|O|ψ⟩`; `observable`'s wires must be in range.
    public func expectation(_ observable: Observable) -> Double {
        precondition(observable.wires.allSatisfy { (0..<wireCount).contains($0) },
                     "StateVector.expectation: wires \(observable.wires); expected wires in 0..<\(wireCount)")
        var value = 0.0
        observable.expectation(re: buffer.re, im: buffer.im, wireCount: wireCount, lanes: 1, into: &value)
        return value
    }
}
