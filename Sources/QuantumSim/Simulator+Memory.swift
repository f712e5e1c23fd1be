extension Simulator {
    /// An upper estimate of the bytes simulating `circuit` on `batch` samples takes (expectations and any of the
    /// Jacobians): the state buffers of every worker (up to three per chunk lane: the state, the adjoint's
    /// co-state and a copy), the inputs, and the Jacobians' `batch × observables × (inputs + weights)` entries.
    /// nil when the product overflows `Int` (no machine could hold it).
    public static func memoryEstimate(of circuit: Circuit, batch: Int) -> Int? {
        let chunks = BatchChunks(batch: max(batch, 1), wireCount: circuit.wireCount)
        let parallelStates = chunks.lanes * min(chunks.count, BatchChunks.workerCount) * 3
        let stateBytes = MemoryLayout<Double>.stride * 2
        let columns = circuit.inputCount.addingReportingOverflow(circuit.weightCount)
        guard circuit.wireCount < Int.bitWidth - 8, !columns.overflow else { return nil }
        var total = 0
        for (a, b) in [(stateBytes << circuit.wireCount, parallelStates),
                       (batch, circuit.inputCount * MemoryLayout<Double>.stride),
                       (batch * max(circuit.observables.count, 1), columns.partialValue * MemoryLayout<Double>.stride)] {
            let (product, o1) = a.multipliedReportingOverflow(by: b)
            let (sum, o2) = total.addingReportingOverflow(product)
            if o1 || o2 { return nil }
            total = sum
        }
        return total
    }
}
