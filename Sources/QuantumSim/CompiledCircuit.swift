/// A validated circuit with its weights bound: each operation's kernel precomputed where its angle is the
/// same for every sample, and wire numbers turned into basis-index bit strides.
struct CompiledCircuit {
    struct CompiledOperation {
        /// Where the angle comes from at run time.
        enum Angle {
            /// Same for every sample: kernels built once.
            case fixed(GateKernel, inverse: GateKernel)
            /// `scale · inputs[sample][index]`: kernels built per sample (no allocation).
            case input(index: Int, scale: Double)
        }

        /// What a derivative with respect to the angle is accumulated into.
        enum Derivative {
            case input(index: Int, scale: Double)
            case weight(index: Int)
        }

        let gate: Gate
        let strides: (Int, Int)
        let angle: Angle
        /// nil for gates without an angle and for constant angles.
        let derivative: Derivative?

        /// The kernel for one sample whose input row starts at `row`.
        @inline(__always)
        func kernel(row: UnsafePointer<Double>, inverse: Bool) -> GateKernel {
            switch angle {
            case let .fixed(k, inv): return inverse ? inv : k
            case let .input(index, scale):
                let a = scale * row[index]
                return gate.kernel(angle: inverse ? gate.inverseAngle(a) : a, strides: strides)
            }
        }
    }

    let wireCount: Int
    let dimension: Int
    let inputCount: Int
    let weightCount: Int
    let operations: [CompiledOperation]
    let observables: [Observable]
    /// Index of the first operation with a derivative: the adjoint sweep stops there.
    let firstDifferentiable: Int?

    /// Binds `weights`; `circuit` must be valid and `weights.count == circuit.weightCount`.
    init(_ circuit: Circuit, weights: [Double]) {
        do { try circuit.validate() } catch { preconditionFailure("Simulator: \(error)") }
        precondition(weights.count == circuit.weightCount,
                     "Simulator: \(weights.count) weights; the circuit has weightCount \(circuit.weightCount)")
        wireCount = circuit.wireCount
        dimension = 1 << circuit.wireCount
        inputCount = circuit.inputCount
        weightCount = circuit.weightCount
        observables = circuit.observables
        let n = circuit.wireCount
        operations = circuit.operations.map { op in
            let strides = (1 << (n - 1 - op.wires[0]), op.wires.count > 1 ? 1 << (n - 1 - op.wires[1]) : 0)
            func fixed(_ a: Double) -> CompiledOperation.Angle {
                .fixed(op.gate.kernel(angle: a, strides: strides),
                       inverse: op.gate.kernel(angle: op.gate.inverseAngle(a), strides: strides))
            }
            switch op.parameter {
            case nil:
                return CompiledOperation(gate: op.gate, strides: strides, angle: fixed(0), derivative: nil)
            case let .constant(a)?:
                return CompiledOperation(gate: op.gate, strides: strides, angle: fixed(a), derivative: nil)
            case let .weight(index)?:
                return CompiledOperation(gate: op.gate, strides: strides, angle: fixed(weights[index]),
                                         derivative: .weight(index: index))
            case let .input(index, scale)?:
                return CompiledOperation(gate: op.gate, strides: strides, angle: .input(index: index, scale: scale),
                                         derivative: .input(index: index, scale: scale))
            }
        }
        firstDifferentiable = operations.firstIndex { $0.derivative != nil }
    }

    /// Prepares the states of `samples` (input rows from `inputs`) in `buffer`, back to back.
    @inline(__always)
    func prepare(_ buffer: StateBuffer, samples: Range<Int>, inputs: UnsafePointer<Double>) {
        let n = samples.count
        buffer.setToZeroStates(samples: n, dimension: dimension)
        for op in operations {
            switch op.angle {
            case let .fixed(kernel, _):
                kernel.apply(re: buffer.re, im: buffer.im, count: n * dimension)
            case .input:
                for b in 0..<n {
                    let row = inputs + (samples.lowerBound + b) * inputCount
                    op.kernel(row: row, inverse: false)
                        .apply(re: buffer.re + b * dimension, im: buffer.im + b * dimension, count: dimension)
                }
            }
        }
    }

    /// Writes `⟨O_k⟩` of the `samples` states in `buffer` to `output[sample · K + k]`.
    @inline(__always)
    func measure(_ buffer: StateBuffer, samples: Range<Int>, into output: UnsafeMutablePointer<Double>) {
        let k = observables.count
        for b in 0..<samples.count {
            let re = buffer.re + b * dimension, im = buffer.im + b * dimension
            for (j, observable) in observables.enumerated() {
                output[(samples.lowerBound + b) * k + j] = observable.expectation(re: re, im: im, wireCount: wireCount)
            }
        }
    }
}
