extension Simulator {
    /// Full Jacobians by the parameter-shift rule (hardware-compatible: only expectation values of shifted
    /// circuits): for every parametrised operation (Rot: each of its three angles), `Gate.shiftRule` gives
    /// `∂⟨O⟩/∂φ = Σ_r c_r ⟨O⟩(φ + s_r)`, which the chain rule adds to the angle's source (`scale` for inputs;
    /// a weight used twice gets both terms). Exact up to rounding; costs 2 (4 for controlled rotations)
    /// batched forward passes per parametrised operation.
    public static func parameterShiftJacobian(of circuit: Circuit, inputs: [Double], batch: Int,
                                              weights: [Double]) -> CircuitJacobian {
        let program = CompiledCircuit(circuit, weights: weights,
                                      lanes: BatchChunks(batch: batch, wireCount: circuit.wireCount).lanes,
                                      productState: false)
        checkInputs(inputs, batch: batch, program: program)
        let ni = circuit.inputCount, nw = circuit.weightCount, k = circuit.observables.count
        var inputJacobian = [Double](repeating: 0, count: batch * k * ni)
        var weightJacobian = [Double](repeating: 0, count: batch * k * nw)
        for (i, op) in program.operations.enumerated() {
            guard let derivative = op.derivative, let rule = op.gate.shiftRule else { continue }
            var d = [Double](repeating: 0, count: batch * k)
            for (c, shift) in rule.terms {
                let f = expectations(of: program.shifting(operation: i, by: shift), inputs: inputs, batch: batch,
                                     concurrently: true)
                for j in d.indices { d[j] += c * f[j] }
            }
            for b in 0..<batch {
                for j in 0..<k {
                    switch derivative {
                    case let .input(index, scale): inputJacobian[(b * k + j) * ni + index] += scale * d[b * k + j]
                    case let .weight(index): weightJacobian[(b * k + j) * nw + index] += d[b * k + j]
                    }
                }
            }
        }
        return CircuitJacobian(inputJacobian: inputJacobian, weightJacobian: weightJacobian)
    }
}
