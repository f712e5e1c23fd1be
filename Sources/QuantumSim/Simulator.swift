/// The batched state-vector simulator (complex Double, PennyLane `default.qubit` semantics).
///
/// A batch is `batch` samples that share the weights: `inputs` is row-major `[batch, circuit.inputCount]`.
/// Work is split into fixed chunks of samples (`BatchChunks`) run in parallel, and partial sums are
/// reduced in chunk order, so every result is bitwise identical for any thread count.
/// Mismatched array lengths are programming errors and stop the program with a message naming them.
public enum Simulator {
    /// `⟨O_k⟩` for every sample and observable, row-major `[batch, circuit.observables.count]`.
    public static func expectations(of circuit: Circuit, inputs: [Double], batch: Int,
                                    weights: [Double]) -> [Double] {
        expectations(of: circuit, inputs: inputs, batch: batch, weights: weights, concurrently: true)
    }

    static func expectations(of circuit: Circuit, inputs: [Double], batch: Int, weights: [Double],
                             concurrently: Bool) -> [Double] {
        expectations(of: CompiledCircuit(circuit, weights: weights,
                                         lanes: BatchChunks(batch: batch, wireCount: circuit.wireCount).lanes),
                     inputs: inputs, batch: batch, concurrently: concurrently)
    }

    static func expectations(of program: CompiledCircuit, inputs: [Double], batch: Int,
                             concurrently: Bool) -> [Double] {
        checkInputs(inputs, batch: batch, program: program)
        let chunks = BatchChunks(batch: batch, wireCount: program.wireCount)
        var output = [Double](repeating: 0, count: batch * program.observables.count)
        inputs.withUnsafeBufferPointer { inputs in
            output.withUnsafeMutableBufferPointer { output in
                let inputs = inputs.baseAddress ?? UnsafePointer(bitPattern: 8)!
                let output = output.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!
                chunks.forEachWorker(concurrently: concurrently) { mine in
                    let buffer = StateBuffer(count: program.dimension * program.lanes)
                    let scratch = UnsafeMutablePointer<Double>.allocate(capacity: program.scratchCount)
                    defer { buffer.deallocate(); scratch.deallocate() }
                    for c in mine {
                        let samples = chunks.samples(c)
                        program.prepare(buffer, samples: samples, inputs: inputs, scratch: scratch)
                        program.measure(buffer, samples: samples, into: output, scratch: scratch)
                    }
                }
            }
        }
        return output
    }

    /// The final state of every sample.
    public static func states(of circuit: Circuit, inputs: [Double], batch: Int, weights: [Double]) -> StateBatch {
        let chunks = BatchChunks(batch: batch, wireCount: circuit.wireCount)
        let program = CompiledCircuit(circuit, weights: weights, lanes: chunks.lanes)
        checkInputs(inputs, batch: batch, program: program)
        var states = StateBatch(wireCount: program.wireCount, batch: batch)
        let dimension = program.dimension
        inputs.withUnsafeBufferPointer { inputs in
            states.real.withUnsafeMutableBufferPointer { real in
                states.imag.withUnsafeMutableBufferPointer { imag in
                    let inputs = inputs.baseAddress ?? UnsafePointer(bitPattern: 8)!
                    let real = real.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!
                    let imag = imag.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!
                    let lanes = program.lanes
                    chunks.forEach(concurrently: true) { c in
                        let samples = chunks.samples(c)
                        program.withPreparedChunk(samples: samples, inputs: inputs) { buffer, _ in
                            for (b, sample) in samples.enumerated() {
                                for k in 0..<dimension {
                                    real[sample * dimension + k] = buffer.re[k * lanes + b]
                                    imag[sample * dimension + k] = buffer.im[k * lanes + b]
                                }
                            }
                        }
                    }
                }
            }
        }
        return states
    }

    static func checkInputs(_ inputs: [Double], batch: Int, program: CompiledCircuit) {
        precondition(batch >= 0, "Simulator: batch \(batch); expected 0 or more")
        precondition(inputs.count == batch * program.inputCount,
                     "Simulator: \(inputs.count) inputs; expected batch \(batch) × inputCount \(program.inputCount)")
    }
}
