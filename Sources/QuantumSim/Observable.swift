/// A measured quantity: a tensor product of Paulis on distinct wires (PennyLane
/// `qml.expval(qml.PauliZ(0) @ qml.PauliX(2))`); the circuit returns `⟨ψ|O|ψ⟩` for each of its observables.
///
/// JSON: `{"pauliZ": 2}`, `{"pauliX": 0}`, `{"pauliY": 1}` for one factor;
/// `{"tensor": [{"pauliZ": 0}, {"pauliX": 2}]}` for a product.
public struct Observable: Hashable, Sendable, Codable {
    /// One Pauli factor on one wire.
    public struct Factor: Hashable, Sendable {
        /// The Pauli.
        public var pauli: Pauli
        /// Its wire.
        public var wire: Int

        /// `pauli` on `wire`.
        public init(_ pauli: Pauli, wire: Int) {
            self.pauli = pauli
            self.wire = wire
        }
    }

    /// The factors, on distinct wires (`Circuit.validate` checks).
    public var factors: [Factor]

    /// The tensor product of `factors`.
    public init(_ factors: [Factor]) { self.factors = factors }

    /// Pauli Z on `wire`.
    public static func pauliZ(wire: Int) -> Observable { Observable([Factor(.z, wire: wire)]) }
    /// Pauli X on `wire`.
    public static func pauliX(wire: Int) -> Observable { Observable([Factor(.x, wire: wire)]) }
    /// Pauli Y on `wire`.
    public static func pauliY(wire: Int) -> Observable { Observable([Factor(.y, wire: wire)]) }

    /// The wires it acts on, in factor order.
    public var wires: [Int] { factors.map(\.wire) }

    /// The basis-index masks of a `wireCount`-qubit state: `flip` has the bits of X and Y factors (`P|j⟩ ∝
    /// |j ^ flip⟩`), `sign` those of Z and Y factors (`(-1)^popcount(j & sign)`), and `yCount` Y factors
    /// (a phase `i^yCount`).
    @inline(__always)
    func masks(wireCount: Int) -> (flip: Int, sign: Int, yCount: Int) {
        var flip = 0, sign = 0, yCount = 0
        for f in factors {
            let bit = 1 << (wireCount - 1 - f.wire)
            switch f.pauli {
            case .x: flip |= bit
            case .y: flip |= bit; sign |= bit; yCount += 1
            case .z: sign |= bit
            }
        }
        return (flip, sign, yCount)
    }

    /// `out[b] = ⟨ψ_b|O|ψ_b⟩` for `lanes` states of `2^wireCount` amplitudes stored lane-inner (`PauliKernel`).
    @inline(__always)
    func expectation(re: UnsafePointer<Double>, im: UnsafePointer<Double>, wireCount: Int, lanes: Int,
                     into out: UnsafeMutablePointer<Double>) {
        if factors.count == 1 && factors[0].pauli == .z {
            PauliKernel.expectationZ(re: re, im: im, dimension: 1 << wireCount,
                                     stride: 1 << (wireCount - 1 - factors[0].wire), lanes: lanes, into: out)
            return
        }
        let (flip, sign, yCount) = masks(wireCount: wireCount)
        PauliKernel.expectation(flip: flip, sign: sign, yCount: yCount, re: re, im: im, dimension: 1 << wireCount,
                                lanes: lanes, into: out)
    }

    /// `λ_b ← λ_b + g[b] · O ψ_b` for `lanes` states stored lane-inner: builds the adjoint method's bra
    /// `Σ_k g_k O_k |ψ⟩`.
    @inline(__always)
    func accumulate(_ g: UnsafePointer<Double>, re: UnsafePointer<Double>, im: UnsafePointer<Double>,
                    intoRe lre: UnsafeMutablePointer<Double>, intoIm lim: UnsafeMutablePointer<Double>,
                    wireCount: Int, lanes: Int) {
        if factors.count == 1 && factors[0].pauli == .z {
            PauliKernel.accumulateZ(g, re: re, im: im, intoRe: lre, intoIm: lim, dimension: 1 << wireCount,
                                    stride: 1 << (wireCount - 1 - factors[0].wire), lanes: lanes)
            return
        }
        let (flip, sign, yCount) = masks(wireCount: wireCount)
        PauliKernel.accumulate(g, flip: flip, sign: sign, yCount: yCount, re: re, im: im, intoRe: lre, intoIm: lim,
                               dimension: 1 << wireCount, lanes: lanes)
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private static let keys: [Pauli: String] = [.x: "pauliX", .y: "pauliY", .z: "pauliZ"]

    /// Decodes the JSON shape above.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        if let tensor = try c.decodeIfPresent([Observable].self, forKey: Key(stringValue: "tensor")) {
            self.init(tensor.flatMap(\.factors))
            return
        }
        for (pauli, key) in Self.keys.sorted(by: { $0.value < $1.value }) {
            if let wire = try c.decodeIfPresent(Int.self, forKey: Key(stringValue: key)) {
                self.init([Factor(pauli, wire: wire)])
                return
            }
        }
        throw DecodingError.dataCorrupted(.init(
            codingPath: decoder.codingPath,
            debugDescription: "observable: expected one of the keys \"pauliX\", \"pauliY\", \"pauliZ\", \"tensor\""))
    }

    /// Encodes the JSON shape above.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        if factors.count == 1 {
            try c.encode(factors[0].wire, forKey: Key(stringValue: Self.keys[factors[0].pauli]!))
        } else {
            try c.encode(factors.map { Observable([$0]) }, forKey: Key(stringValue: "tensor"))
        }
    }
}
