/// A validated circuit with its weights bound, for chunks of `lanes` states stored lane-inner (amplitude `k` of
/// lane `b` at `k·lanes + b`): each operation's kernel precomputed where its angle is the same for every sample
/// (a kernel on the lane-inner buffer is the gate on the wire with its stride times `lanes`), and wire numbers
/// turned into basis-index bit strides.
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
        /// Basis-index bit strides of its wires (one state; the fixed kernels use them times `lanes`).
        let strides: (Int, Int)
        let lanes: Int
        let angle: Angle
        /// nil for gates without an angle and for constant angles.
        let derivative: Derivative?

        init(gate: Gate, strides: (Int, Int), parameter: GateParameter?, weights: [Double], lanes: Int) {
            self.gate = gate
            self.strides = strides
            self.lanes = lanes
            switch parameter {
            case nil:
                angle = Self.fixed(gate, 0, strides, lanes)
                derivative = nil
            case let .constant(a)?:
                angle = Self.fixed(gate, a, strides, lanes)
                derivative = nil
            case let .weight(index)?:
                angle = Self.fixed(gate, weights[index], strides, lanes)
                derivative = .weight(index: index)
            case let .input(index, scale)?:
                angle = .input(index: index, scale: scale, offset: 0)
                derivative = .input(index: index, scale: scale)
            }
        }

        private init(gate: Gate, strides: (Int, Int), lanes: Int, angle: Angle, derivative: Derivative?) {
            self.gate = gate
            self.strides = strides
            self.lanes = lanes
            self.angle = angle
            self.derivative = derivative
        }

        private static func fixed(_ gate: Gate, _ a: Double, _ strides: (Int, Int), _ lanes: Int) -> Angle {
            let s = (strides.0 * lanes, strides.1 * lanes)
            return .fixed(value: a, gate.kernel(angle: a, strides: s), inverse: gate.kernel(angle: a, strides: s, inverse: true))
        }

        /// The same operation with its angle increased by `delta` for every sample (parameter shifts).
        func shifted(by delta: Double) -> CompiledOperation {
            switch angle {
            case let .fixed(value, _, _):
                CompiledOperation(gate: gate, strides: strides, lanes: lanes,
                                  angle: Self.fixed(gate, value + delta, strides, lanes), derivative: derivative)
            case let .input(index, scale, offset):
                CompiledOperation(gate: gate, strides: strides, lanes: lanes,
                                  angle: .input(index: index, scale: scale, offset: offset + delta),
                                  derivative: derivative)
            }
        }

        /// Applies the operation (or its inverse) to the chunk in `re`, `im` whose lane `b < samples.count` holds
        /// sample `samples.lowerBound + b`; `matrices` is scratch for `LaneMatrixKernel` (8 · lanes values).
        @inline(__always)
        func apply(re: UnsafeMutablePointer<Double>, im: UnsafeMutablePointer<Double>, dimension: Int,
                   samples: Range<Int>, inputs: UnsafePointer<Double>, inputCount: Int, inverse: Bool,
                   matrices: UnsafeMutablePointer<Double>) {
            switch angle {
            case let .fixed(_, kernel, inverseKernel):
                (inverse ? inverseKernel : kernel).apply(re: re, im: im, count: dimension * lanes)
            case let .input(index, scale, offset):
                for b in 0..<lanes {
                    // Lanes past the chunk's samples hold |0…0⟩ and get angle 0.
                    let a = b < samples.count ? scale * inputs[(samples.lowerBound + b) * inputCount + index] + offset : 0
                    let u = gate.elementaryMatrix(angle: a)!
                    LaneMatrixKernel.store(inverse ? u.adjoint : u, lane: b, lanes: lanes, into: matrices)
                }
                if gate.wireCount == 1 {
                    LaneMatrixKernel.apply(matrices, re: re, im: im, dimension: dimension, stride: strides.0, lanes: lanes)
                } else {
                    LaneMatrixKernel.applyControlled(matrices, re: re, im: im, dimension: dimension,
                                                     controlStride: strides.0, targetStride: strides.1, lanes: lanes)
                }
            }
        }
    }

    let wireCount: Int
    let dimension: Int
    /// States per chunk buffer (`BatchChunks.lanes`).
    let lanes: Int
    let inputCount: Int
    let weightCount: Int
    /// The circuit's operations with decompositions expanded (Rot: RZ, RY, RZ).
    private(set) var operations: [CompiledOperation]
    let observables: [Observable]
    let embedding: AmplitudeEmbedding?
    /// Index of the first operation with a derivative: the adjoint sweep stops there.
    let firstDifferentiable: Int?

    /// Binds `weights` for chunk buffers of `lanes` states; `circuit` must be valid and
    /// `weights.count == circuit.weightCount`.
    init(_ circuit: Circuit, weights: [Double], lanes: Int) {
        do { try circuit.validate() } catch { preconditionFailure("Simulator: \(error)") }
        precondition(weights.count == circuit.weightCount,
                     "Simulator: \(weights.count) weights; the circuit has weightCount \(circuit.weightCount)")
        wireCount = circuit.wireCount
        dimension = 1 << circuit.wireCount
        self.lanes = lanes
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
                                                        parameter: op.parameters[part.parameter], weights: weights,
                                                        lanes: lanes))
                }
            } else {
                operations.append(CompiledOperation(gate: op.gate, strides: strides, parameter: op.parameters.first,
                                                    weights: weights, lanes: lanes))
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

    /// Prepares the states of `samples` (input rows from `inputs`) in the lane-inner `buffer` (`dimension · lanes`
    /// amplitudes); lanes past `samples.count` get `|0…0⟩`. `scratch` holds `scratchCount` values.
    @inline(__always)
    func prepare(_ buffer: StateBuffer, samples: Range<Int>, inputs: UnsafePointer<Double>,
                 scratch: UnsafeMutablePointer<Double>) {
        if let embedding {
            for b in 0..<lanes {
                if b < samples.count {
                    embedding.prepare(row: inputs + (samples.lowerBound + b) * inputCount, re: buffer.re + b,
                                      im: buffer.im + b, dimension: dimension, lanes: lanes)
                } else {
                    for k in 0..<dimension { buffer.re[k * lanes + b] = k == 0 ? 1 : 0; buffer.im[k * lanes + b] = 0 }
                }
            }
        } else {
            buffer.re.update(repeating: 0, count: dimension * lanes)
            buffer.im.update(repeating: 0, count: dimension * lanes)
            buffer.re.update(repeating: 1, count: lanes)
        }
        for op in operations {
            op.apply(re: buffer.re, im: buffer.im, dimension: dimension, samples: samples, inputs: inputs,
                     inputCount: inputCount, inverse: false, matrices: scratch)
        }
    }

    /// Scratch values `prepare`, `measure` and the adjoint sweep need per chunk.
    var scratchCount: Int { 8 * lanes + 2 * lanes }

    /// Writes `⟨O_k⟩` of the `samples` states in `buffer` to `output[sample · K + k]`.
    @inline(__always)
    func measure(_ buffer: StateBuffer, samples: Range<Int>, into output: UnsafeMutablePointer<Double>,
                 scratch: UnsafeMutablePointer<Double>) {
        let k = observables.count
        for (j, observable) in observables.enumerated() {
            observable.expectation(re: buffer.re, im: buffer.im, wireCount: wireCount, lanes: lanes, into: scratch)
            for b in 0..<samples.count { output[(samples.lowerBound + b) * k + j] = scratch[b] }
        }
    }

    /// Runs `body` on each chunk's lane-inner buffer after `prepare`: allocates the buffer and scratch once per chunk.
    @inline(__always)
    func withPreparedChunk(samples: Range<Int>, inputs: UnsafePointer<Double>,
                           _ body: (StateBuffer, UnsafeMutablePointer<Double>) -> Void) {
        let buffer = StateBuffer(count: dimension * lanes)
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: scratchCount)
        defer { buffer.deallocate(); scratch.deallocate() }
        prepare(buffer, samples: samples, inputs: inputs, scratch: scratch)
        body(buffer, scratch)
    }
}
