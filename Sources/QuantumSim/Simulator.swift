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
        expectations(of: CompiledCircuit(circuit, weights: weights), inputs: inputs, batch: batch,
                     concurrently: concurrently)
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
                chunks.forEach(concurrently: concurrently) { c in
                    let samples = chunks.samples(c)
                    let buffer = StateBuffer(count: samples.count * program.dimension)
                    defer { buffer.deallocate() }
                    program.prepare(buffer, samples: samples, inputs: inputs)
                    program.measure(buffer, samples: samples, into: output)
                }
            }
        }
        return output
    }

    /// The final state of every sample.
    public static func states(of circuit: Circuit, inputs: [Double], batch: Int, weights: [Double]) -> StateBatch {
        let program = CompiledCircuit(circuit, weights: weights)
        checkInputs(inputs, batch: batch, program: program)
        let chunks = BatchChunks(batch: batch, wireCount: program.wireCount)
        var states = StateBatch(wireCount: program.wireCount, batch: batch)
        let dimension = program.dimension
        inputs.withUnsafeBufferPointer { inputs in
            states.real.withUnsafeMutableBufferPointer { real in
                states.imag.withUnsafeMutableBufferPointer { imag in
                    let inputs = inputs.baseAddress ?? UnsafePointer(bitPattern: 8)!
                    let real = real.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!
                    let imag = imag.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!
                    chunks.forEach(concurrently: true) { c in
                        let samples = chunks.samples(c)
                        let buffer = StateBuffer(count: samples.count * dimension)
                        defer { buffer.deallocate() }
                        program.prepare(buffer, samples: samples, inputs: inputs)
                        let offset = samples.lowerBound * dimension
                        (real + offset).update(from: buffer.re, count: samples.count * dimension)
                        (imag + offset).update(from: buffer.im, count: samples.count * dimension)
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
