extension Simulator {
    /// The vector-Jacobian product by the adjoint method (Jones & Gacon 2020, arXiv 2009.02823): what a
    /// neural-network layer's backward calls with `outputGradients = ∂loss/∂expectations`.
    ///
    /// Per sample: one forward pass to `|ψ⟩`, the bra `|λ⟩ = Σ_k g_k O_k |ψ⟩`, then one backward sweep
    /// that, at each gate `U_i(θ)` (`dU/dθ = -i/2 · G · U`, `Gate.generator`), adds `Im ⟨λ|G|φ⟩` (= `2 Re ⟨λ|dU|φ_before⟩`)
    /// to the angle's source and un-applies `U_i` from both `|φ⟩` and `|λ⟩`.
    /// Cost: about three forward passes, independent of the number of parameters.
    ///
    /// - Parameter outputGradients: `g`, row-major `[batch, circuit.observables.count]`.
    public static func adjointVectorJacobian(of circuit: Circuit, inputs: [Double], batch: Int,
                                             weights: [Double], outputGradients: [Double]) -> AdjointResult {
        adjointVectorJacobian(of: circuit, inputs: inputs, batch: batch, weights: weights,
                              outputGradients: outputGradients, concurrently: true)
    }

    static func adjointVectorJacobian(of circuit: Circuit, inputs: [Double], batch: Int, weights: [Double],
                                      outputGradients: [Double], concurrently: Bool) -> AdjointResult {
        let chunks = BatchChunks(batch: batch, wireCount: circuit.wireCount)
        let program = CompiledCircuit(circuit, weights: weights, lanes: chunks.lanes)
        checkInputs(inputs, batch: batch, program: program)
        let observableCount = program.observables.count
        precondition(outputGradients.count == batch * observableCount,
                     "Simulator: \(outputGradients.count) output gradients; expected batch \(batch) × observables \(observableCount)")
        let weightCount = program.weightCount
        var expectations = [Double](repeating: 0, count: batch * observableCount)
        var inputGradients = [Double](repeating: 0, count: batch * program.inputCount)
        var partials = [Double](repeating: 0, count: chunks.count * weightCount)
        inputs.withUnsafeBufferPointer { inputs in
            outputGradients.withUnsafeBufferPointer { g in
                expectations.withUnsafeMutableBufferPointer { expectations in
                    inputGradients.withUnsafeMutableBufferPointer { inputGradients in
                        partials.withUnsafeMutableBufferPointer { partials in
                            let inputs = inputs.baseAddress ?? UnsafePointer(bitPattern: 8)!
                            let g = g.baseAddress ?? UnsafePointer(bitPattern: 8)!
                            let expectations = expectations.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!
                            let inputGradients = inputGradients.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!
                            let partials = partials.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!
                            chunks.forEach(concurrently: concurrently) { c in
                                program.adjointChunk(samples: chunks.samples(c), inputs: inputs, outputGradients: g,
                                                     expectations: expectations, inputGradients: inputGradients,
                                                     weightGradients: partials + c * weightCount)
                            }
                        }
                    }
                }
            }
        }
        var weightGradients = [Double](repeating: 0, count: weightCount)
        for c in 0..<chunks.count {
            for j in 0..<weightCount { weightGradients[j] += partials[c * weightCount + j] }
        }
        return AdjointResult(expectations: expectations, inputGradients: inputGradients,
                             weightGradients: weightGradients)
    }
}

extension CompiledCircuit {
    /// Forward, measurement and adjoint sweep for one chunk; adds this chunk's weight gradients to
    /// `weightGradients` (its own partial row) in a fixed order: operations last to first, samples in order.
    func adjointChunk(samples: Range<Int>, inputs: UnsafePointer<Double>, outputGradients g: UnsafePointer<Double>,
                      expectations: UnsafeMutablePointer<Double>, inputGradients: UnsafeMutablePointer<Double>,
                      weightGradients: UnsafeMutablePointer<Double>) {
        let n = samples.count, start = samples.lowerBound, k = observables.count, count = dimension * lanes
        let phi = StateBuffer(count: count), lambda = StateBuffer(count: count)
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: scratchCount)
        defer { phi.deallocate(); lambda.deallocate(); scratch.deallocate() }
        // scratch: 8 · lanes matrices, then `lane` (per-lane values) and `d` (per-lane overlaps).
        let lane = scratch + 8 * lanes, d = lane + lanes
        prepare(phi, samples: samples, inputs: inputs, scratch: scratch)
        measure(phi, samples: samples, into: expectations, scratch: lane)
        // With an amplitude embedding the bra goes back to |ψ₀⟩ for the feature gradients.
        guard let last = embedding != nil ? 0 : firstDifferentiable else { return }

        lambda.re.update(repeating: 0, count: count)
        lambda.im.update(repeating: 0, count: count)
        for (j, observable) in observables.enumerated() {
            // Padded lanes get g = 0, so their bra stays 0.
            for b in 0..<lanes { lane[b] = b < n ? g[(start + b) * k + j] : 0 }
            observable.accumulate(lane, re: phi.re, im: phi.im, intoRe: lambda.re, intoIm: lambda.im,
                                  wireCount: wireCount, lanes: lanes)
        }

        for i in stride(from: operations.count - 1, through: last, by: -1) {
            let op = operations[i]
            if let derivative = op.derivative, let generator = op.gate.generator {
                generator.imaginaryOverlap(braRe: lambda.re, braIm: lambda.im, ketRe: phi.re, ketIm: phi.im,
                                           dimension: dimension, strides: op.strides, lanes: lanes, into: d)
                switch derivative {
                case let .input(index, scale):
                    for b in 0..<n { inputGradients[(start + b) * inputCount + index] += scale * d[b] }
                case let .weight(index):
                    for b in 0..<n { weightGradients[index] += d[b] }
                }
            }
            guard i > last || embedding != nil else { break }
            op.apply(re: phi.re, im: phi.im, dimension: dimension, samples: samples, inputs: inputs,
                     inputCount: inputCount, inverse: true, matrices: scratch)
            op.apply(re: lambda.re, im: lambda.im, dimension: dimension, samples: samples, inputs: inputs,
                     inputCount: inputCount, inverse: true, matrices: scratch)
        }
        if let embedding {
            for b in 0..<n {
                let row = inputs + (start + b) * inputCount
                embedding.accumulateGradients(row: row, braRe: lambda.re + b, dimension: dimension, lanes: lanes,
                                              into: inputGradients + (start + b) * inputCount)
            }
        }
    }
}
