/// A measured quantity: the circuit returns `⟨ψ|O|ψ⟩` for each of its observables.
///
/// JSON: `{"pauliZ": 2}`.
public enum Observable: Hashable, Sendable, Codable {
    /// Pauli Z on one wire (PennyLane `qml.expval(qml.PauliZ(wire))`).
    case pauliZ(wire: Int)

    /// The wires it acts on.
    public var wires: [Int] {
        switch self {
        case let .pauliZ(wire): [wire]
        }
    }

    /// `⟨ψ|O|ψ⟩` for one state of `2^wireCount` amplitudes.
    @inline(__always)
    func expectation(re: UnsafePointer<Double>, im: UnsafePointer<Double>, wireCount: Int) -> Double {
        switch self {
        case let .pauliZ(wire):
            PauliKernel.expectationZ(re: re, im: im, dimension: 1 << wireCount, stride: 1 << (wireCount - 1 - wire))
        }
    }

    /// `λ ← λ + g · O ψ` for one state: builds the adjoint method's bra `Σ_k g_k O_k |ψ⟩`.
    @inline(__always)
    func accumulate(_ g: Double, re: UnsafePointer<Double>, im: UnsafePointer<Double>,
                    intoRe lre: UnsafeMutablePointer<Double>, intoIm lim: UnsafeMutablePointer<Double>,
                    wireCount: Int) {
        switch self {
        case let .pauliZ(wire):
            PauliKernel.accumulateZ(g, re: re, im: im, intoRe: lre, intoIm: lim,
                                    dimension: 1 << wireCount, stride: 1 << (wireCount - 1 - wire))
        }
    }

    private enum CodingKeys: String, CodingKey { case pauliZ }

    /// Decodes the JSON shape above.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let wire = try c.decodeIfPresent(Int.self, forKey: .pauliZ) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "observable: expected the key \"pauliZ\""))
        }
        self = .pauliZ(wire: wire)
    }

    /// Encodes the JSON shape above.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .pauliZ(wire): try c.encode(wire, forKey: .pauliZ)
        }
    }
}
