/// A validated circuit with its weights bound, for chunks of `lanes` states stored lane-inner (amplitude `k` of
/// lane `b` at `k·lanes + b`): each operation's kernel precomputed where its angle is the same for every sample
/// (a kernel on the lane-inner buffer is the gate on the wire with its stride times `lanes`), and wire numbers
/// turned into basis-index bit strides.
///
/// Three shortcuts, each exact up to rounding: the leading one-wire gates on `|0…0⟩` are kept per wire and the
/// resulting product state is written at once (`prefix`, `ProductStateKernel`); runs of CNOT, SWAP and PauliX
/// become one basis permutation (`BasisPermutation`); single-wire ⟨Z⟩ observables are measured, and their bra
/// built, all together (`PauliKernel.expectationsZ`, `PauliKernel.braZ`).
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
        /// The one-qubit (target) matrix of a fixed angle; nil for input angles and SWAP.
        let matrix: Matrix2?

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
            matrix = Self.matrix(gate, angle)
        }

        private init(gate: Gate, strides: (Int, Int), lanes: Int, angle: Angle, derivative: Derivative?) {
            self.gate = gate
            self.strides = strides
            self.lanes = lanes
            self.angle = angle
            self.derivative = derivative
            matrix = Self.matrix(gate, angle)
        }

        /// A run of CNOT, SWAP and PauliX operations (`BasisPermutation.isPermutation`) as one basis permutation;
        /// `gate` is the run's first gate, and the operation has no angle or derivative.
        init(permutationOf run: [CompiledOperation], dimension: Int, lanes: Int, storage: BasisPermutation.Storage) {
            let p = BasisPermutation(run.map { ($0.gate, $0.strides) }, dimension: dimension, storage: storage)
            self.init(gate: run[0].gate, strides: run[0].strides, lanes: lanes,
                      angle: .fixed(value: 0, .permutation(p), inverse: .permutation(p.inverted)), derivative: nil)
        }

        /// Whether this is a run of permutation gates fused by `init(permutationOf:…)` (several wires).
        var isFusedPermutation: Bool {
            if case .fixed(_, .permutation, _) = angle { return true }
            return false
        }

        private static func matrix(_ gate: Gate, _ angle: Angle) -> Matrix2? {
            if case let .fixed(value, _, _) = angle { return gate.elementaryMatrix(angle: value) }
            return nil
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

        /// Writes the (target) matrix of lane `b < lanes`, or its inverse, to `m` (`LaneMatrixKernel` layout),
        /// lane `b < samples.count` for sample `samples.lowerBound + b`, the others for angle 0; `trig` is
        /// scratch for `3 · lanes` values. Not for SWAP.
        @inline(__always)
        func laneMatrices(samples: Range<Int>, inputs: UnsafePointer<Double>, inputCount: Int, inverse: Bool,
                          into m: UnsafeMutablePointer<Double>, trig: UnsafeMutablePointer<Double>) {
            switch angle {
            case .fixed:
                let u = inverse ? matrix!.adjoint : matrix!
                for b in 0..<lanes { LaneMatrixKernel.store(u, lane: b, lanes: lanes, into: m) }
            case let .input(index, scale, offset):
                let angles = trig, sines = trig + lanes, cosines = trig + 2 * lanes
                let f = gate.trigonometricFactor
                for b in 0..<lanes {
                    // Lanes past the chunk's samples hold |0…0⟩ and get angle 0.
                    angles[b] = b < samples.count
                        ? f * (scale * inputs[(samples.lowerBound + b) * inputCount + index] + offset) : 0
                }
                SinCos.evaluate(angles, count: lanes, sines: sines, cosines: cosines)
                for b in 0..<lanes {
                    let u = gate.elementaryMatrix(cos: cosines[b], sin: sines[b])!
                    LaneMatrixKernel.store(inverse ? u.adjoint : u, lane: b, lanes: lanes, into: m)
                }
            }
        }

        /// Applies the operation (or its inverse) to the chunk in `re`, `im` whose lane `b < samples.count` holds
        /// sample `samples.lowerBound + b`; `scratch` is the chunk's scratch (`CompiledCircuit.scratchCount`).
        @inline(__always)
        func apply(re: UnsafeMutablePointer<Double>, im: UnsafeMutablePointer<Double>, dimension: Int,
                   samples: Range<Int>, inputs: UnsafePointer<Double>, inputCount: Int, inverse: Bool,
                   scratch: UnsafeMutablePointer<Double>) {
            switch angle {
            case let .fixed(_, kernel, inverseKernel):
                (inverse ? inverseKernel : kernel).apply(re: re, im: im, count: dimension * lanes)
            case .input:
                let matrices = scratch + Scratch.matrices(lanes)
                laneMatrices(samples: samples, inputs: inputs, inputCount: inputCount, inverse: inverse,
                             into: matrices, trig: scratch + Scratch.trig(lanes))
                if gate.wireCount == 1 {
                    LaneMatrixKernel.apply(matrices, re: re, im: im, dimension: dimension, stride: strides.0, lanes: lanes)
                } else {
                    LaneMatrixKernel.applyControlled(matrices, re: re, im: im, dimension: dimension,
                                                     controlStride: strides.0, targetStride: strides.1, lanes: lanes)
                }
            }
        }
    }

    /// Offsets into a chunk's scratch (`scratchCount` values) for `lanes` lanes.
    enum Scratch {
        /// `LaneMatrixKernel` matrices of one operation: 8 · lanes.
        static func matrices(_ lanes: Int) -> Int { 0 }
        /// Per-lane values (output gradients of one observable): lanes.
        static func lane(_ lanes: Int) -> Int { 8 * lanes }
        /// Per-lane overlaps: lanes.
        static func overlaps(_ lanes: Int) -> Int { 9 * lanes }
        /// Angles, sines, cosines: 3 · lanes.
        static func trig(_ lanes: Int) -> Int { 10 * lanes }
        /// The product state's per-wire vectors (`ProductStateKernel` layout): 4 · wireCount · lanes.
        static func vectors(_ lanes: Int) -> Int { 13 * lanes }
    }

    let wireCount: Int
    let dimension: Int
    /// States per chunk buffer (`BatchChunks.lanes`).
    let lanes: Int
    let inputCount: Int
    let weightCount: Int
    /// The circuit's operations with decompositions expanded (Rot: RZ, RY, RZ), less the `prefix`.
    private(set) var operations: [CompiledOperation]
    /// Wire by wire, the one-wire operations that act on it before any two-wire gate touches it (in order; they
    /// commute with everything before them on other wires), when the start is `|0…0⟩` (`productState`): the
    /// state after them is a product state, computed wire by wire (`ProductStateKernel`). Empty otherwise.
    /// Wire `w`'s are `prefix[prefixStart[w] ..< prefixStart[w + 1]]`; index `j` is also the slot of the
    /// operation's lane matrices in the scratch.
    let prefix: [CompiledOperation]
    /// Where each wire's prefix starts, and `prefix.count` at the end.
    let prefixStart: [Int]
    /// Number of prefix operations.
    var prefixCount: Int { prefix.count }
    /// Owns the cycles of the permutations in `operations` (their kernels hold plain pointers into it).
    private let permutationStorage: BasisPermutation.Storage
    /// Whether the state before `operations` is the product state of `prefix`.
    let productState: Bool
    /// Whether a prefix operation has a derivative (the adjoint sweep then carries the bra to the product state).
    let prefixDifferentiable: Bool
    let observables: [Observable]
    /// Per observable, its wire when it is a single Pauli Z (measured all at once: `PauliKernel.expectationsZ`).
    let zWires: [Int?]
    let embedding: AmplitudeEmbedding?
    /// Index of the first operation with a derivative: the adjoint sweep stops there.
    let firstDifferentiable: Int?
    /// For each operation, the first index of its group: a run of one-wire operations on distinct wires (any
    /// other operation is a group of its own). Such gates commute, so the adjoint sweep takes all of a group's
    /// overlaps at the group's end and un-applies it from the ket only when an earlier group needs the ket.
    let groupStart: [Int]

    /// Binds `weights` for chunk buffers of `lanes` states; `circuit` must be valid and
    /// `weights.count == circuit.weightCount`. With `productState` (and no amplitude embedding) the leading
    /// one-wire gates become the `prefix`; without, every operation stays in `operations` (parameter shifts).
    init(_ circuit: Circuit, weights: [Double], lanes: Int, productState: Bool = true) {
        do { try circuit.validate() } catch { preconditionFailure("Simulator: \(error)") }
        precondition(weights.count == circuit.weightCount,
                     "Simulator: \(weights.count) weights; the circuit has weightCount \(circuit.weightCount)")
        wireCount = circuit.wireCount
        dimension = 1 << circuit.wireCount
        self.lanes = lanes
        inputCount = circuit.inputCount
        weightCount = circuit.weightCount
        observables = circuit.observables
        zWires = circuit.observables.map { $0.factors.count == 1 && $0.factors[0].pauli == .z ? $0.factors[0].wire : nil }
        embedding = circuit.amplitudeEmbedding
        let n = circuit.wireCount
        self.productState = productState && embedding == nil
        var operations: [CompiledOperation] = []
        var prefixByWire = [[CompiledOperation]](repeating: [], count: n)
        var entangled = [Bool](repeating: !self.productState, count: n)
        for op in circuit.operations {
            let strides = (1 << (n - 1 - op.wires[0]), op.wires.count > 1 ? 1 << (n - 1 - op.wires[1]) : 0)
            let parts: [CompiledOperation]
            if let decomposition = op.gate.decomposition {
                parts = decomposition.map { part in
                    CompiledOperation(gate: part.gate, strides: strides, parameter: op.parameters[part.parameter],
                                      weights: weights, lanes: lanes)
                }
            } else {
                parts = [CompiledOperation(gate: op.gate, strides: strides, parameter: op.parameters.first,
                                           weights: weights, lanes: lanes)]
            }
            if op.wires.count == 1 && !entangled[op.wires[0]] {
                prefixByWire[op.wires[0]] += parts
            } else {
                for w in op.wires { entangled[w] = true }
                operations += parts
            }
        }
        let storage = BasisPermutation.Storage()
        self.operations = Self.fusingPermutations(operations, dimension: dimension, lanes: lanes, storage: storage)
        permutationStorage = storage
        prefix = prefixByWire.flatMap { $0 }
        var start = 0, starts: [Int] = []
        for ops in prefixByWire { starts.append(start); start += ops.count }
        prefixStart = starts + [start]
        prefixDifferentiable = prefix.contains { $0.derivative != nil }
        firstDifferentiable = self.operations.firstIndex { $0.derivative != nil }
        var groupStarts: [Int] = [], groupWires = Set<Int>(), groupFirst = 0
        for (i, op) in self.operations.enumerated() {
            let oneWire = op.gate.wireCount == 1 && !op.isFusedPermutation
            let wire = op.strides.0
            if oneWire && i > 0 && !groupWires.isEmpty && !groupWires.contains(wire) {
                groupWires.insert(wire)
            } else {
                groupFirst = i
                groupWires = oneWire ? [wire] : []
            }
            groupStarts.append(groupFirst)
        }
        groupStart = groupStarts
    }

    /// `operations` with each run of two or more CNOT, SWAP and PauliX operations replaced by one permutation
    /// (for states of at most `BasisPermutation.maxDimension` amplitudes).
    private static func fusingPermutations(_ operations: [CompiledOperation], dimension: Int, lanes: Int,
                                           storage: BasisPermutation.Storage) -> [CompiledOperation] {
        guard dimension <= BasisPermutation.maxDimension else { return operations }
        var fused: [CompiledOperation] = [], run: [CompiledOperation] = []
        func flush() {
            if run.count > 1 {
                fused.append(CompiledOperation(permutationOf: run, dimension: dimension, lanes: lanes,
                                               storage: storage))
            } else {
                fused += run
            }
            run = []
        }
        for op in operations {
            if BasisPermutation.isPermutation(op.gate) { run.append(op) } else { flush(); fused.append(op) }
        }
        flush()
        return fused
    }

    /// This program with operation `index`'s angle increased by `delta` (parameter shifts).
    func shifting(operation index: Int, by delta: Double) -> CompiledCircuit {
        var copy = self
        copy.operations[index] = operations[index].shifted(by: delta)
        return copy
    }

    /// Prepares the states of `samples` (input rows from `inputs`) in the lane-inner `buffer` (`dimension · lanes`
    /// amplitudes); lanes past `samples.count` get `|0…0⟩`. `scratch` holds `scratchCount` values; with a
    /// `productState` it keeps the per-wire vectors and the prefix's lane matrices for the adjoint sweep.
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
        } else if productState {
            let vRe = scratch + Scratch.vectors(lanes), vIm = vRe + 2 * wireCount * lanes
            prefix.withUnsafeBufferPointer { prefix in
                for w in 0..<wireCount {
                    let re = vRe + 2 * w * lanes, im = vIm + 2 * w * lanes
                    re.update(repeating: 0, count: 2 * lanes)
                    im.update(repeating: 0, count: 2 * lanes)
                    re.update(repeating: 1, count: lanes)
                    for j in prefixStart[w]..<prefixStart[w + 1] {
                        if let u = prefix[j].matrix {
                            // The same matrix for every lane: the pair (amplitude 0, amplitude 1) of each lane.
                            DenseKernel.apply(u, re: re, im: im, count: 2 * lanes, stride: lanes)
                            continue
                        }
                        let m = prefixMatrices(scratch, slot: j)
                        prefix[j].laneMatrices(samples: samples, inputs: inputs, inputCount: inputCount,
                                               inverse: false, into: m, trig: scratch + Scratch.trig(lanes))
                        LaneMatrixKernel.apply(m, re: re, im: im, dimension: 2, stride: 1, lanes: lanes)
                    }
                }
            }
            ProductStateKernel.write(vRe: vRe, vIm: vIm, wireCount: wireCount, lanes: lanes,
                                     re: buffer.re, im: buffer.im)
        } else {
            buffer.re.update(repeating: 0, count: dimension * lanes)
            buffer.im.update(repeating: 0, count: dimension * lanes)
            buffer.re.update(repeating: 1, count: lanes)
        }
        operations.withUnsafeBufferPointer { operations in
            for i in operations.indices {
                operations[i].apply(re: buffer.re, im: buffer.im, dimension: dimension, samples: samples,
                                    inputs: inputs, inputCount: inputCount, inverse: false, scratch: scratch)
            }
        }
    }

    /// The lane matrices of prefix operation `slot` in the scratch (8 · lanes values; unused for fixed angles).
    @inline(__always)
    func prefixMatrices(_ scratch: UnsafeMutablePointer<Double>, slot: Int) -> UnsafeMutablePointer<Double> {
        scratch + Scratch.vectors(lanes) + 4 * wireCount * lanes + 8 * lanes * slot
    }

    /// Scratch values `prepare`, `measure` and the adjoint sweep need per chunk: the fixed areas of `Scratch`,
    /// the prefix's lane matrices, 16 · lanes for the adjoint sweep on one wire (ket, bra, inverse matrix), the
    /// environments, the chunk's weight gradients, and the single-Z table and work.
    var scratchCount: Int {
        Scratch.vectors(lanes) + 4 * wireCount * lanes + 8 * lanes * prefixCount + 16 * lanes + 4 * wireCount * lanes
            + weightCount + wireCount * lanes
            + (hasZObservables ? dimension / 2 * lanes : 0)
    }

    /// Whether some observable is a single Pauli Z.
    var hasZObservables: Bool { zWires.contains { $0 != nil } }

    /// After the wire scratch: the one-wire bras of `ProductStateKernel.environments` (4 · wireCount · lanes).
    @inline(__always)
    func environments(_ scratch: UnsafeMutablePointer<Double>) -> UnsafeMutablePointer<Double> {
        wireScratch(scratch) + 16 * lanes
    }

    /// After the environments: the chunk's weight gradients (`weightCount`), summed here and copied out once, so
    /// that chunks on different threads do not write to neighbouring values all the time.
    @inline(__always)
    func chunkWeightGradients(_ scratch: UnsafeMutablePointer<Double>) -> UnsafeMutablePointer<Double> {
        environments(scratch) + 4 * wireCount * lanes
    }

    /// After those: one value per wire and lane (`⟨Z_w⟩`, or the output gradients summed per wire), then
    /// `dimension / 2 · lanes` values of work for `PauliKernel.expectationsZ`.
    @inline(__always)
    func zTable(_ scratch: UnsafeMutablePointer<Double>) -> UnsafeMutablePointer<Double> {
        chunkWeightGradients(scratch) + weightCount
    }

    /// The 16 · lanes values after the prefix's lane matrices.
    @inline(__always)
    func wireScratch(_ scratch: UnsafeMutablePointer<Double>) -> UnsafeMutablePointer<Double> {
        prefixMatrices(scratch, slot: prefixCount)
    }

    /// Writes `⟨O_k⟩` of the `samples` states in `buffer` to `output[sample · K + k]`; `scratch` is the chunk's.
    @inline(__always)
    func measure(_ buffer: StateBuffer, samples: Range<Int>, into output: UnsafeMutablePointer<Double>,
                 scratch: UnsafeMutablePointer<Double>) {
        let k = observables.count, table = zTable(scratch), lane = scratch + Scratch.lane(lanes)
        if hasZObservables {
            PauliKernel.expectationsZ(re: buffer.re, im: buffer.im, wireCount: wireCount, lanes: lanes,
                                      work: table + wireCount * lanes, into: table)
        }
        for j in 0..<k {
            let values: UnsafeMutablePointer<Double>
            if let w = zWires[j] {
                values = table + w * lanes
            } else {
                observables[j].expectation(re: buffer.re, im: buffer.im, wireCount: wireCount, lanes: lanes, into: lane)
                values = lane
            }
            for b in 0..<samples.count { output[(samples.lowerBound + b) * k + j] = values[b] }
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
