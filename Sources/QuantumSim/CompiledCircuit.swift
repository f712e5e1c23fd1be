/// A validated circuit with its weights bound: each operation's kernel precomputed where its angle is the
/// same for every sample, and wire numbers turned into basis-index bit strides.
struct CompiledCircuit {
    struct CompiledOperation {
        /// Where the angle comes from at run time.
        enum Angle {
            /// Same for every sample (`value`, 0 for gates without one): kernels built once.
            case fixed(value: Double, GateKernel, inverse: GateKernel)
            /// `scale · inputs[sample][index] + offset`: kernels built per sample (no allocation).
            case input(index: Int, scale: Double, offset: Double)
        }

        /// What a derivative with respect to the angle is accumulated into.
        enum Derivative {
            case input(index: Int, scale: Double)
            case weight(index: Int)
        }

        /// A gate without a decomposition.
        let gate: Gate
        let strides: (Int, Int)
        let angle: Angle
        /// nil for gates without an angle and for constant angles.
        let derivative: Derivative?

        init(gate: Gate, strides: (Int, Int), parameter: GateParameter?, weights: [Double]) {
            self.gate = gate
            self.strides = strides
            switch parameter {
            case nil:
                angle = Self.fixed(gate, 0, strides)
                derivative = nil
            case let .constant(a)?:
                angle = Self.fixed(gate, a, strides)
                derivative = nil
            case let .weight(index)?:
                angle = Self.fixed(gate, weights[index], strides)
                derivative = .weight(index: index)
            case let .input(index, scale)?:
                angle = .input(index: index, scale: scale, offset: 0)
                derivative = .input(index: index, scale: scale)
            }
        }

        private init(gate: Gate, strides: (Int, Int), angle: Angle, derivative: Derivative?) {
            self.gate = gate
            self.strides = strides
            self.angle = angle
            self.derivative = derivative
        }

        private static func fixed(_ gate: Gate, _ a: Double, _ strides: (Int, Int)) -> Angle {
            .fixed(value: a, gate.kernel(angle: a, strides: strides),
                   inverse: gate.kernel(angle: a, strides: strides, inverse: true))
        }

        /// The same operation with its angle increased by `delta` for every sample (parameter shifts).
        func shifted(by delta: Double) -> CompiledOperation {
            switch angle {
            case let .fixed(value, _, _):
                CompiledOperation(gate: gate, strides: strides, angle: Self.fixed(gate, value + delta, strides),
                                  derivative: derivative)
            case let .input(index, scale, offset):
                CompiledOperation(gate: gate, strides: strides,
                                  angle: .input(index: index, scale: scale, offset: offset + delta),
                                  derivative: derivative)
            }
        }

        /// The kernel for one sample whose input row starts at `row`.
        @inline(__always)
        func kernel(row: UnsafePointer<Double>, inverse: Bool) -> GateKernel {
            switch angle {
            case let .fixed(_, k, inv): return inverse ? inv : k
            case let .input(index, scale, offset):
                return gate.kernel(angle: scale * row[index] + offset, strides: strides, inverse: inverse)
            }
        }
    }

    let wireCount: Int
    let dimension: Int
    let inputCount: Int
    let weightCount: Int
    /// The circuit's operations with decompositions expanded (Rot: RZ, RY, RZ).
    private(set) var operations: [CompiledOperation]
    let observables: [Observable]
    let embedding: AmplitudeEmbedding?
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
        embedding = circuit.amplitudeEmbedding
        let n = circuit.wireCount
        var operations: [CompiledOperation] = []
        for op in circuit.operations {
            let strides = (1 << (n - 1 - op.wires[0]), op.wires.count > 1 ? 1 << (n - 1 - op.wires[1]) : 0)
            if let parts = op.gate.decomposition {
                for part in parts {
                    operations.append(CompiledOperation(gate: part.gate, strides: strides,
                                                        parameter: op.parameters[part.parameter], weights: weights))
                }
            } else {
                operations.append(CompiledOperation(gate: op.gate, strides: strides, parameter: op.parameters.first,
                                                    weights: weights))
            }
        }
        self.operations = operations
        firstDifferentiable = operations.firstIndex { $0.derivative != nil }
    }

    /// This program with operation `index`'s angle increased by `delta` (parameter shifts).
    func shifting(operation index: Int, by delta: Double) -> CompiledCircuit {
        var copy = self
        copy.operations[index] = operations[index].shifted(by: delta)
        return copy
    }

    /// Prepares the states of `samples` (input rows from `inputs`) in `buffer`, back to back.
    @inline(__always)
    func prepare(_ buffer: StateBuffer, samples: Range<Int>, inputs: UnsafePointer<Double>) {
        let n = samples.count
        if let embedding {
            for b in 0..<n {
                embedding.prepare(row: inputs + (samples.lowerBound + b) * inputCount, re: buffer.re + b * dimension,
                                  im: buffer.im + b * dimension, dimension: dimension)
            }
        } else {
            buffer.setToZeroStates(samples: n, dimension: dimension)
        }
        for op in operations {
            switch op.angle {
            case let .fixed(_, kernel, _):
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
