/// `batch` state vectors of `2^wireCount` complex amplitudes, batch-major, split into real and imaginary
/// arrays (structure of arrays): amplitude `k` of sample `b` is `(real[b·dim + k], imag[b·dim + k])`.
/// Basis index `k` has wire 0 as its most significant bit (PennyLane).
public struct StateBatch: Hashable, Sendable {
    /// Qubits per state.
    public let wireCount: Int
    /// Number of states.
    public let batch: Int
    /// Real parts, `[batch, dimension]`.
    public internal(set) var real: [Double]
    /// Imaginary parts, `[batch, dimension]`.
    public internal(set) var imag: [Double]

    /// Amplitudes per state, `2^wireCount`.
    public var dimension: Int { 1 << wireCount }

    /// `batch` copies of `|0…0⟩`.
    public init(wireCount: Int, batch: Int) {
        precondition(wireCount >= 1 && wireCount <= Circuit.maxWireCount && batch >= 0,
                     "StateBatch: wireCount \(wireCount), batch \(batch); expected 1...\(Circuit.maxWireCount) and ≥ 0")
        self.wireCount = wireCount
        self.batch = batch
        let dimension = 1 << wireCount
        real = Array(repeating: 0, count: batch * dimension)
        imag = Array(repeating: 0, count: batch * dimension)
        for b in 0..<batch { real[b * dimension] = 1 }
    }

    /// Amplitude `index` of state `sample`.
    public func amplitude(sample: Int, index: Int) -> Complex {
        Complex(real[sample * dimension + index], imag[sample * dimension + index])
    }
}
