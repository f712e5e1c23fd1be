extension Simulator {
    /// `(f(x + h) − f(x − h)) / 2h` for every input column and every weight (error `O(h²) + O(ε/h)`).
    /// Samples are independent, so each input column is perturbed in all samples at once:
    /// `2 · (inputCount + weightCount)` batched forward passes.
    public static func finiteDifferenceJacobian(of circuit: Circuit, inputs: [Double], batch: Int,
                                                weights: [Double], step: Double = 1e-6) -> CircuitJacobian {
        let ni = circuit.inputCount, nw = circuit.weightCount, k = circuit.observables.count
        var inputJacobian = [Double](repeating: 0, count: batch * k * ni)
        var weightJacobian = [Double](repeating: 0, count: batch * k * nw)
        for i in 0..<ni {
            var plus = inputs, minus = inputs
            for b in 0..<batch {
                plus[b * ni + i] += step
                minus[b * ni + i] -= step
            }
            let fp = expectations(of: circuit, inputs: plus, batch: batch, weights: weights)
            let fm = expectations(of: circuit, inputs: minus, batch: batch, weights: weights)
            for b in 0..<batch {
                for j in 0..<k { inputJacobian[(b * k + j) * ni + i] = (fp[b * k + j] - fm[b * k + j]) / (2 * step) }
            }
        }
        for w in 0..<nw {
            var plus = weights, minus = weights
            plus[w] += step
            minus[w] -= step
            let fp = expectations(of: circuit, inputs: inputs, batch: batch, weights: plus)
            let fm = expectations(of: circuit, inputs: inputs, batch: batch, weights: minus)
            for b in 0..<batch {
                for j in 0..<k { weightJacobian[(b * k + j) * nw + w] = (fp[b * k + j] - fm[b * k + j]) / (2 * step) }
            }
        }
        return CircuitJacobian(inputJacobian: inputJacobian, weightJacobian: weightJacobian)
    }
}
