extension Simulator {
    /// Runs `body(sample, re, im)` on the final state of every sample, in parallel fixed chunks
    /// (`body` must write only to sample-indexed places).
    static func forEachFinalState(of circuit: Circuit, inputs: [Double], batch: Int, weights: [Double],
                                  _ body: (Int, UnsafePointer<Double>, UnsafePointer<Double>) -> Void) {
        let chunks = BatchChunks(batch: batch, wireCount: circuit.wireCount)
        let program = CompiledCircuit(circuit, weights: weights, lanes: chunks.lanes)
        checkInputs(inputs, batch: batch, program: program)
        let dimension = program.dimension, lanes = program.lanes
        inputs.withUnsafeBufferPointer { inputs in
            let inputs = inputs.baseAddress ?? UnsafePointer(bitPattern: 8)!
            chunks.forEach(concurrently: true) { c in
                let samples = chunks.samples(c)
                // One state at a time, copied out of the lane-inner chunk.
                let state = StateBuffer(count: dimension)
                defer { state.deallocate() }
                program.withPreparedChunk(samples: samples, inputs: inputs) { buffer, _ in
                    for (b, sample) in samples.enumerated() {
                        for k in 0..<dimension {
                            state.re[k] = buffer.re[k * lanes + b]
                            state.im[k] = buffer.im[k * lanes + b]
                        }
                        body(sample, state.re, state.im)
                    }
                }
            }
        }
    }

    /// PennyLane `qml.probs(wires=wires)`: the probability of each basis state of `wires` (`wires[0]` the
    /// most significant bit), marginalised over the other wires; row-major `[batch, 2^wires.count]`.
    /// `wires` must be distinct wires of the circuit.
    public static func probabilities(of circuit: Circuit, inputs: [Double], batch: Int, weights: [Double],
                                     wires: [Int]) -> [Double] {
        let n = circuit.wireCount
        precondition(Set(wires).count == wires.count && wires.allSatisfy { (0..<n).contains($0) },
                     "Simulator.probabilities: wires \(wires); expected distinct wires in 0..<\(n)")
        let outcomes = 1 << wires.count
        var output = [Double](repeating: 0, count: batch * outcomes)
        output.withUnsafeMutableBufferPointer { output in
            let output = output.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!
            forEachFinalState(of: circuit, inputs: inputs, batch: batch, weights: weights) { sample, re, im in
                let row = output + sample * outcomes
                for k in 0..<(1 << n) {
                    var outcome = 0
                    for w in wires { outcome = outcome << 1 | (k >> (n - 1 - w)) & 1 }
                    row[outcome] += re[k] * re[k] + im[k] * im[k]
                }
            }
        }
        return output
    }

    /// PennyLane `qml.var(O)` for every observable: a Pauli string squares to the identity, so
    /// `Var O = 1 − ⟨O⟩²`; row-major `[batch, observables]`.
    public static func variances(of circuit: Circuit, inputs: [Double], batch: Int, weights: [Double]) -> [Double] {
        expectations(of: circuit, inputs: inputs, batch: batch, weights: weights).map { 1 - $0 * $0 }
    }

    /// Expectations estimated from `shots` measurements per sample and observable (PennyLane with
    /// `shots=N`): each observable's outcome is ±1 with `P(+1) = (1 + ⟨O⟩) / 2`, and the estimate is the
    /// mean of `shots` outcomes drawn from `generator` (`Double(next() >> 11) · 2⁻⁵³ < P(+1)`), samples in
    /// order, observables in order. Each observable gets its own shots (PennyLane shares shots between
    /// commuting observables, so the outputs' correlations differ; each output's distribution is the same).
    public static func sampledExpectations(of circuit: Circuit, inputs: [Double], batch: Int, weights: [Double],
                                           shots: Int, using generator: inout some RandomNumberGenerator) -> [Double] {
        precondition(shots > 0, "Simulator.sampledExpectations: shots \(shots); expected 1 or more")
        let exact = expectations(of: circuit, inputs: inputs, batch: batch, weights: weights)
        return exact.map { value in
            let plus = (1 + value) / 2
            var count = 0
            for _ in 0..<shots where Double(generator.next() >> 11) * 0x1p-53 < plus { count += 1 }
            return Double(2 * count - shots) / Double(shots)
        }
    }

    /// PennyLane `qml.sample()`: `shots` basis states per sample (indices, wire 0 the most significant bit)
    /// drawn from the final state's probabilities by inverting their cumulative sum at
    /// `Double(next() >> 11) · 2⁻⁵³`, samples in order; row-major `[batch, shots]`.
    public static func sampledBasisStates(of circuit: Circuit, inputs: [Double], batch: Int, weights: [Double],
                                          shots: Int, using generator: inout some RandomNumberGenerator) -> [Int] {
        precondition(shots >= 0, "Simulator.sampledBasisStates: shots \(shots); expected 0 or more")
        let all = Array(0..<circuit.wireCount)
        let probabilities = probabilities(of: circuit, inputs: inputs, batch: batch, weights: weights, wires: all)
        let dimension = 1 << circuit.wireCount
        var output: [Int] = []
        output.reserveCapacity(batch * shots)
        var cumulative = [Double](repeating: 0, count: dimension)
        for b in 0..<batch {
            var sum = 0.0
            for k in 0..<dimension {
                sum += probabilities[b * dimension + k]
                cumulative[k] = sum
            }
            for _ in 0..<shots {
                let u = Double(generator.next() >> 11) * 0x1p-53 * sum
                // First k with cumulative[k] > u.
                var low = 0, high = dimension - 1
                while low < high {
                    let mid = (low + high) / 2
                    if cumulative[mid] > u { high = mid } else { low = mid + 1 }
                }
                output.append(low)
            }
        }
        return output
    }
}
