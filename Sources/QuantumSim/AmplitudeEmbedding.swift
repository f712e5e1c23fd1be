import Foundation

/// PennyLane's `qml.AmplitudeEmbedding(features, wires=all, pad_with=p, normalize=True)` (v0.45) as the
/// circuit's initial state: `|ψ₀⟩ = v / ‖v‖` with `v = (f_0, …, f_{n−1}, p, …, p)` of length `2^wireCount`,
/// `f_j = inputs[firstInput + j]` (padding happens before normalising). The state is real, so the circuit's
/// expectations are differentiable with respect to the features (the adjoint method carries the bra back
/// to `|ψ₀⟩` and through the normalisation). A sample whose `v` is zero has no state: its results are NaN.
///
/// JSON (the circuit's `"amplitudeEmbedding"` key): `{"firstInput": 0, "featureCount": 6, "padding": 0}`.
public struct AmplitudeEmbedding: Hashable, Sendable, Codable {
    /// Index of the first feature in each input row.
    public var firstInput: Int
    /// Number of features, `1...2^wireCount`.
    public var featureCount: Int
    /// The value `p` that fills amplitudes `featureCount..<2^wireCount` before normalising.
    public var padding: Double

    /// An embedding of `inputs[firstInput..<firstInput + featureCount]`, padded with `padding`.
    public init(firstInput: Int = 0, featureCount: Int, padding: Double = 0) {
        self.firstInput = firstInput
        self.featureCount = featureCount
        self.padding = padding
    }

    /// Writes `|ψ₀⟩` of the input row `row` to one state of `dimension` amplitudes whose amplitude `k` is at
    /// `re[k · lanes]`, `im[k · lanes]` (one lane of a lane-inner batch).
    @inline(__always)
    func prepare(row: UnsafePointer<Double>, re: UnsafeMutablePointer<Double>, im: UnsafeMutablePointer<Double>,
                 dimension: Int, lanes: Int) {
        let scale = 1 / norm(row: row, dimension: dimension)
        for j in 0..<featureCount { re[j * lanes] = scale * row[firstInput + j] }
        for k in featureCount..<dimension { re[k * lanes] = scale * padding }
        for k in 0..<dimension { im[k * lanes] = 0 }
    }

    /// `‖v‖` for the input row `row`.
    @inline(__always)
    func norm(row: UnsafePointer<Double>, dimension: Int) -> Double {
        let f = row + firstInput
        let sum = Self.sum(count: featureCount) { f[$0] * f[$0] }
        return (Double(dimension - featureCount) * padding * padding + sum).squareRoot()
    }

    /// `Σ_{j < count} term(j)` as four partial sums (`j mod 4`) added as `(s₀ + s₁) + (s₂ + s₃)`: four independent
    /// chains instead of one over the 25 088 features of a row.
    @inline(__always)
    static func sum(count: Int, _ term: (Int) -> Double) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var j = 0
        while j &+ 4 <= count {
            s0 += term(j); s1 += term(j &+ 1); s2 += term(j &+ 2); s3 += term(j &+ 3)
            j &+= 4
        }
        if j < count { s0 += term(j) }
        if j &+ 1 < count { s1 += term(j &+ 1) }
        if j &+ 2 < count { s2 += term(j &+ 2) }
        return (s0 + s1) + (s2 + s3)
    }

    /// Adds `∂E/∂f_j = (G_j − a_j Σ_k G_k a_k) / ‖v‖` to `gradients[firstInput + j]`, where `a = |ψ₀⟩` and
    /// `G_k = ∂E/∂a_k = 2 Re λ_k` for the bra `λ = U† (Σ g O) U |ψ₀⟩` carried back to the start (`λ_k` at
    /// `braRe[k · lanes]`).
    @inline(__always)
    func accumulateGradients(row: UnsafePointer<Double>, braRe: UnsafePointer<Double>, dimension: Int, lanes: Int,
                             into gradients: UnsafeMutablePointer<Double>) {
        let norm = norm(row: row, dimension: dimension)
        let f = row + firstInput
        var projection = Self.sum(count: featureCount) { 2 * braRe[$0 &* lanes] * f[$0] / norm }
        if padding != 0 {
            for k in featureCount..<dimension { projection += 2 * braRe[k * lanes] * padding / norm }
        }
        for j in 0..<featureCount {
            gradients[firstInput + j] += (2 * braRe[j * lanes] - row[firstInput + j] / norm * projection) / norm
        }
    }
}
