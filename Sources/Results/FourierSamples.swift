/// Fourier coefficients of a circuit's output sampled over random weights (an analysis run's result, HQNN Fig. 10):
/// for each frequency vector, the real and imaginary parts of its coefficient in every draw.
public struct FourierSamples: Codable, Equatable, Sendable {
    /// What was analysed, e.g. "⟨Y⟩ on wire 4 (the last)".
    public var observable: String
    /// The circuit inputs the output is a function of, in frequency-vector order.
    public var varyingInputs: [Int]
    /// Frequency vectors, negative frequencies first (`[[-1, -1], [-1, 0], …]`).
    public var frequencies: [[Int]]
    /// `real[k][d]`: real part of the coefficient of `frequencies[k]` in draw `d`.
    public var real: [[Double]]
    /// `imaginary[k][d]`, same layout.
    public var imaginary: [[Double]]

    public init(observable: String, varyingInputs: [Int], frequencies: [[Int]], real: [[Double]], imaginary: [[Double]]) {
        self.observable = observable
        self.varyingInputs = varyingInputs
        self.frequencies = frequencies
        self.real = real
        self.imaginary = imaginary
    }

    /// Number of weight draws.
    public var draws: Int { real.first?.count ?? 0 }

    /// `|c|` of `frequencies[k]` in every draw.
    public func magnitudes(_ k: Int) -> [Double] {
        zip(real[k], imaginary[k]).map { ($0 * $0 + $1 * $1).squareRoot() }
    }
}
