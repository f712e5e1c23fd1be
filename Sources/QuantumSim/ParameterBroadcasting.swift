extension Circuit {
    /// The same circuit with every weight read from the inputs instead: weight `j` becomes input
    /// `inputCount + j` (scale 1), and `weightCount` becomes 0. Rows of the new inputs are a sample's
    /// inputs followed by its own weights (PennyLane parameter broadcasting).
    public func weightsAsInputs() -> Circuit {
        var copy = self
        copy.inputCount = inputCount + weightCount
        copy.weightCount = 0
        copy.operations = operations.map { op in
            var op = op
            op.parameters = op.parameters.map { p in
                if case let .weight(index) = p { return .input(index: inputCount + index, scale: 1) }
                return p
            }
            return op
        }
        return copy
    }
}

extension Simulator {
    /// Parameter broadcasting: sample `b` uses its own weights `weightSets[b·W ..< (b+1)·W]` (row-major
    /// `[batch, circuit.weightCount]`); results as `expectations(of:inputs:batch:weights:)`.
    public static func expectations(of circuit: Circuit, inputs: [Double], batch: Int,
                                    weightSets: [Double]) -> [Double] {
        let (broadcast, rows) = broadcasting(circuit, inputs: inputs, batch: batch, weightSets: weightSets)
        return expectations(of: broadcast, inputs: rows, batch: batch, weights: [])
    }

    /// The adjoint vector-Jacobian product with one weight set per sample: `weightGradients` is per sample,
    /// row-major `[batch, circuit.weightCount]`, not summed over the batch.
    public static func adjointVectorJacobian(of circuit: Circuit, inputs: [Double], batch: Int, weightSets: [Double],
                                             outputGradients: [Double]) -> AdjointResult {
        let (broadcast, rows) = broadcasting(circuit, inputs: inputs, batch: batch, weightSets: weightSets)
        let r = adjointVectorJacobian(of: broadcast, inputs: rows, batch: batch, weights: [],
                                      outputGradients: outputGradients)
        let ni = circuit.inputCount, nw = circuit.weightCount
        var inputGradients: [Double] = [], weightGradients: [Double] = []
        inputGradients.reserveCapacity(batch * ni)
        weightGradients.reserveCapacity(batch * nw)
        for b in 0..<batch {
            let row = r.inputGradients[(b * (ni + nw))..<((b + 1) * (ni + nw))]
            inputGradients += row.prefix(ni)
            weightGradients += row.suffix(nw)
        }
        return AdjointResult(expectations: r.expectations, inputGradients: inputGradients,
                             weightGradients: weightGradients)
    }

    private static func broadcasting(_ circuit: Circuit, inputs: [Double], batch: Int,
                                     weightSets: [Double]) -> (Circuit, [Double]) {
        let ni = circuit.inputCount, nw = circuit.weightCount
        precondition(batch >= 0 && inputs.count == batch * ni && weightSets.count == batch * nw,
                     "Simulator: \(inputs.count) inputs and \(weightSets.count) weights; expected batch \(batch) × inputCount \(ni) and × weightCount \(nw)")
        var rows: [Double] = []
        rows.reserveCapacity(batch * (ni + nw))
        for b in 0..<batch {
            rows += inputs[(b * ni)..<((b + 1) * ni)]
            rows += weightSets[(b * nw)..<((b + 1) * nw)]
        }
        return (circuit.weightsAsInputs(), rows)
    }
}
