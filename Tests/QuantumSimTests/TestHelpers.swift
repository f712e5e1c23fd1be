import QuantumSim

/// Foundation also declares `Operation` (NSOperation); a declaration in this module shadows both imports.
typealias Operation = QuantumSim.Operation


extension RandomNumberGenerator {
    /// Uniform in `[a, b)` from the top 53 bits.
    mutating func uniform(_ a: Double, _ b: Double) -> Double {
        a + (b - a) * (Double(next() >> 11) * 0x1p-53)
    }

    /// Uniform in `0..<n`.
    mutating func index(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    mutating func uniformArray(_ count: Int, _ a: Double, _ b: Double) -> [Double] {
        (0..<count).map { _ in uniform(a, b) }
    }
}

/// A random valid circuit of `wireCount` qubits mixing every gate (`gates`, default all), every parameter
/// kind and Pauli-string observables.
func randomCircuit(wireCount n: Int, inputCount: Int, weightCount: Int, operationCount: Int,
                   gates: [Gate] = Gate.allCases, using g: inout some RandomNumberGenerator) throws -> Circuit {
    let usable = gates.filter { $0.wireCount <= n }
    var operations: [Operation] = []
    func parameter() -> GateParameter {
        let kind = g.index(5)
        if kind < 2 && inputCount > 0 { return .input(index: g.index(inputCount), scale: g.uniform(-3, 3)) }
        if kind < 4 && weightCount > 0 { return .weight(index: g.index(weightCount)) }
        return .constant(g.uniform(-4, 4))
    }
    for _ in 0..<operationCount {
        let gate = usable[g.index(usable.count)]
        let first = g.index(n)
        let wires = gate.wireCount == 1 ? [first] : [first, (first + 1 + g.index(n - 1)) % n]
        operations.append(Operation(gate: gate, wires: wires, parameters: (0..<gate.parameterCount).map { _ in parameter() }))
    }
    var observables: [Observable] = []
    for _ in 0..<(1 + g.index(3)) {
        let wires = (0..<n).filter { _ in g.index(2) == 0 }
        let chosen = wires.isEmpty ? [g.index(n)] : wires
        observables.append(Observable(chosen.map { Observable.Factor(Pauli.allCases[g.index(3)], wire: $0) }))
    }
    return try Circuit(wireCount: n, inputCount: inputCount, weightCount: weightCount, operations: operations,
                       observables: observables)
}

/// Full Jacobians from the adjoint method, one unit output gradient `e_{b,k}` at a time, in the
/// goldens' layouts: inputs `[batch, observables, inputCount]`, weights `[batch, observables, weightCount]`.
func adjointJacobians(of circuit: Circuit, inputs: [Double], batch: Int,
                      weights: [Double]) -> (input: [Double], weight: [Double]) {
    let k = circuit.observables.count, ni = circuit.inputCount, nw = circuit.weightCount
    var input = [Double](repeating: 0, count: batch * k * ni)
    var weight = [Double](repeating: 0, count: batch * k * nw)
    for b in 0..<batch {
        for j in 0..<k {
            var g = [Double](repeating: 0, count: batch * k)
            g[b * k + j] = 1
            let r = Simulator.adjointVectorJacobian(of: circuit, inputs: inputs, batch: batch, weights: weights,
                                                    outputGradients: g)
            for i in 0..<ni { input[(b * k + j) * ni + i] = r.inputGradients[b * ni + i] }
            for w in 0..<nw { weight[(b * k + j) * nw + w] = r.weightGradients[w] }
        }
    }
    return (input, weight)
}

/// `Jᵀg` from full Jacobians (goldens' layouts): per-sample input gradients and batch-summed weight gradients.
func transposedProduct(inputJacobian: [Double], weightJacobian: [Double], g: [Double], batch: Int,
                       observables k: Int, inputCount ni: Int, weightCount nw: Int) -> (input: [Double], weight: [Double]) {
    var input = [Double](repeating: 0, count: batch * ni)
    var weight = [Double](repeating: 0, count: nw)
    for b in 0..<batch {
        for j in 0..<k {
            for i in 0..<ni { input[b * ni + i] += g[b * k + j] * inputJacobian[(b * k + j) * ni + i] }
            for w in 0..<nw { weight[w] += g[b * k + j] * weightJacobian[(b * k + j) * nw + w] }
        }
    }
    return (input, weight)
}
