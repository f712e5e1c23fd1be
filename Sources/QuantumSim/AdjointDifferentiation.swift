extension Simulator {
    /// The vector-Jacobian product by the adjoint method (Jones & Gacon 2020, arXiv 2009.02823): what a
    /// neural-network layer's backward calls with `outputGradients = ∂loss/∂expectations`.
    ///
    /// Per sample: one forward pass to `|ψ⟩`, the bra `|λ⟩ = Σ_k g_k O_k |ψ⟩`, then one backward sweep
    /// that, at each gate `U_i(θ)` (`dU/dθ = -i/2 · G · U`, `Gate.generator`), adds `Im ⟨λ|G|φ⟩` (= `2 Re ⟨λ|dU|φ_before⟩`)
    /// to the angle's source and un-applies `U_i` from both `|φ⟩` and `|λ⟩`. The leading one-wire gates (the
    /// product-state prefix, `CompiledCircuit.prefix`) are finished on two amplitudes per wire instead.
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
                            chunks.forEachWorker(concurrently: concurrently) { mine in
                                let count = program.dimension * program.lanes
                                let phi = StateBuffer(count: count), lambda = StateBuffer(count: count)
                                let scratch = UnsafeMutablePointer<Double>.allocate(capacity: program.scratchCount)
                                defer { phi.deallocate(); lambda.deallocate(); scratch.deallocate() }
                                for c in mine {
                                    program.adjointChunk(samples: chunks.samples(c), inputs: inputs,
                                                         outputGradients: g, expectations: expectations,
                                                         inputGradients: inputGradients,
                                                         weightGradients: partials + c * weightCount,
                                                         phi: phi, lambda: lambda, scratch: scratch)
                                }
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
    /// Forward, measurement and adjoint sweep for one chunk; writes this chunk's weight gradients to
    /// `weightGradients` (its own partial row), summed in a fixed order: operations last to first, then the
    /// prefix wire by wire (last operation first), samples in order.
    /// `phi` and `lambda` hold `dimension · lanes` amplitudes, `scratch` `scratchCount` values (the worker's).
    func adjointChunk(samples: Range<Int>, inputs: UnsafePointer<Double>, outputGradients g: UnsafePointer<Double>,
                      expectations: UnsafeMutablePointer<Double>, inputGradients: UnsafeMutablePointer<Double>,
                      weightGradients: UnsafeMutablePointer<Double>, phi: StateBuffer, lambda: StateBuffer,
                      scratch: UnsafeMutablePointer<Double>) {
        let n = samples.count, start = samples.lowerBound, k = observables.count, count = dimension * lanes
        let lane = scratch + Scratch.lane(lanes), d = scratch + Scratch.overlaps(lanes)
        let chunkWeights = chunkWeightGradients(scratch)
        chunkWeights.update(repeating: 0, count: weightCount)
        defer { weightGradients.update(from: chunkWeights, count: weightCount) }
        prepare(phi, samples: samples, inputs: inputs, scratch: scratch)
        measure(phi, samples: samples, into: expectations, scratch: scratch)
        // The bra goes back to the start for the feature gradients of an amplitude embedding and for the
        // prefix's gradients; otherwise to the first operation with a derivative.
        let toStart = embedding != nil || prefixDifferentiable
        guard toStart || firstDifferentiable != nil else { return }
        let first = firstDifferentiable ?? operations.count

        // Padded lanes get g = 0, so their bra stays 0. Single-Z observables first, all in one pass.
        if hasZObservables {
            let gz = zTable(scratch)
            gz.update(repeating: 0, count: wireCount * lanes)
            for j in 0..<k {
                guard let wire = zWires[j] else { continue }
                for b in 0..<n { gz[wire * lanes + b] += g[(start + b) * k + j] }
            }
            PauliKernel.braZ(gz, re: phi.re, im: phi.im, intoRe: lambda.re, intoIm: lambda.im, wireCount: wireCount,
                             lanes: lanes)
        } else {
            lambda.re.update(repeating: 0, count: count)
            lambda.im.update(repeating: 0, count: count)
        }
        for j in 0..<k where zWires[j] == nil {
            for b in 0..<lanes { lane[b] = b < n ? g[(start + b) * k + j] : 0 }
            observables[j].accumulate(lane, re: phi.re, im: phi.im, intoRe: lambda.re, intoIm: lambda.im,
                                      wireCount: wireCount, lanes: lanes)
        }

        operations.withUnsafeBufferPointer { operations in
            // Group by group (`groupStart`), last to first: the overlaps of a group's gates, all taken at its end
            // (the gates act on distinct wires and commute), then the group un-applied from the ket when an
            // earlier group has a derivative, and from the bra then or when it goes back to the start.
            var end = operations.count - 1
            while end >= 0 {
                let start = groupStart[end]
                for i in stride(from: end, through: start, by: -1) {
                    guard let derivative = operations[i].derivative, let generator = operations[i].gate.generator
                    else { continue }
                    generator.imaginaryOverlap(braRe: lambda.re, braIm: lambda.im, ketRe: phi.re, ketIm: phi.im,
                                               dimension: dimension, strides: operations[i].strides, lanes: lanes,
                                               into: d)
                    accumulate(derivative, d, samples: samples, inputGradients: inputGradients,
                               weightGradients: chunkWeights)
                }
                guard start > first || toStart else { break }
                for i in stride(from: end, through: start, by: -1) {
                    if start > first {
                        operations[i].apply(re: phi.re, im: phi.im, dimension: dimension, samples: samples,
                                            inputs: inputs, inputCount: inputCount, inverse: true, scratch: scratch)
                    }
                    operations[i].apply(re: lambda.re, im: lambda.im, dimension: dimension, samples: samples,
                                        inputs: inputs, inputCount: inputCount, inverse: true, scratch: scratch)
                }
                end = start - 1
            }
        }
        if let embedding {
            for b in 0..<n {
                let row = inputs + (start + b) * inputCount
                embedding.accumulateGradients(row: row, braRe: lambda.re + b, dimension: dimension, lanes: lanes,
                                              into: inputGradients + (start + b) * inputCount)
            }
        } else if prefixDifferentiable {
            prefixAdjoint(bra: lambda, work: phi, samples: samples, scratch: scratch, inputGradients: inputGradients,
                          weightGradients: chunkWeights)
        }
    }

    /// The adjoint sweep through the prefix, wire by wire on two amplitudes: the bra `λ` at the product state
    /// contracted with the other wires' vectors (`ProductStateKernel.environments`) is the one-wire bra `μ_w`,
    /// and `Im ⟨λ|G_w|ψ⟩ = Im ⟨μ_w|G|v_w⟩`. `work` is a free chunk buffer.
    private func prefixAdjoint(bra lambda: StateBuffer, work: StateBuffer, samples: Range<Int>,
                               scratch: UnsafeMutablePointer<Double>, inputGradients: UnsafeMutablePointer<Double>,
                               weightGradients: UnsafeMutablePointer<Double>) {
        let vRe = scratch + Scratch.vectors(lanes), vIm = vRe + 2 * wireCount * lanes
        let d = scratch + Scratch.overlaps(lanes)
        let ws = wireScratch(scratch)
        let ketRe = ws, ketIm = ws + 2 * lanes, muRe = ws + 4 * lanes, muIm = ws + 6 * lanes, inverse = ws + 8 * lanes
        let allMuRe = environments(scratch), allMuIm = allMuRe + 2 * wireCount * lanes
        ProductStateKernel.environments(braRe: lambda.re, braIm: lambda.im, vRe: vRe, vIm: vIm, wireCount: wireCount,
                                        lanes: lanes, workRe: work.re, workIm: work.im, muRe: allMuRe, muIm: allMuIm)
        prefix.withUnsafeBufferPointer { prefix in
            for w in 0..<wireCount {
                let ops = prefixStart[w]..<prefixStart[w + 1]
                guard let first = ops.first(where: { prefix[$0].derivative != nil }) else { continue }
                muRe.update(from: allMuRe + 2 * w * lanes, count: 2 * lanes)
                muIm.update(from: allMuIm + 2 * w * lanes, count: 2 * lanes)
                ketRe.update(from: vRe + 2 * w * lanes, count: 2 * lanes)
                ketIm.update(from: vIm + 2 * w * lanes, count: 2 * lanes)
                for j in stride(from: ops.upperBound - 1, through: first, by: -1) {
                    if let derivative = prefix[j].derivative, let generator = prefix[j].gate.generator {
                        generator.imaginaryOverlap(braRe: muRe, braIm: muIm, ketRe: ketRe, ketIm: ketIm, dimension: 2,
                                                   strides: (1, 0), lanes: lanes, into: d)
                        accumulate(derivative, d, samples: samples, inputGradients: inputGradients,
                                   weightGradients: weightGradients)
                    }
                    guard j > first else { break }
                    if let u = prefix[j].matrix {
                        DenseKernel.apply(u.adjoint, re: ketRe, im: ketIm, count: 2 * lanes, stride: lanes)
                        DenseKernel.apply(u.adjoint, re: muRe, im: muIm, count: 2 * lanes, stride: lanes)
                        continue
                    }
                    LaneMatrixKernel.storeAdjoint(of: prefixMatrices(scratch, slot: j), lanes: lanes, into: inverse)
                    LaneMatrixKernel.apply(inverse, re: ketRe, im: ketIm, dimension: 2, stride: 1, lanes: lanes)
                    LaneMatrixKernel.apply(inverse, re: muRe, im: muIm, dimension: 2, stride: 1, lanes: lanes)
                }
            }
        }
    }

    /// Adds the overlaps `d` (one per lane) to the angle's source: each sample's input, or the weight (summed over
    /// the chunk's samples in order).
    @inline(__always)
    private func accumulate(_ derivative: CompiledOperation.Derivative, _ d: UnsafePointer<Double>,
                            samples: Range<Int>, inputGradients: UnsafeMutablePointer<Double>,
                            weightGradients: UnsafeMutablePointer<Double>) {
        switch derivative {
        case let .input(index, scale):
            for b in 0..<samples.count { inputGradients[(samples.lowerBound + b) * inputCount + index] += scale * d[b] }
        case let .weight(index):
            for b in 0..<samples.count { weightGradients[index] += d[b] }
        }
    }
}
