import Foundation

/// A parameter-shift rule: `∂f/∂φ = Σ_r c_r · f(φ + s_r)`, exact for a gate `exp(-iφG/2)` whose
/// generator's eigenvalue gaps are the rule's frequencies (Wierichs et al. 2022, arXiv 2107.12390).
public struct ShiftRule: Hashable, Sendable {
    /// The pairs `(c_r, s_r)`.
    public let terms: [(coefficient: Double, shift: Double)]

    /// `½ [f(φ + π/2) − f(φ − π/2)]`: one frequency (RX, RY, RZ, PhaseShift, each angle of Rot).
    public static let twoTerm = ShiftRule(terms: [(0.5, .pi / 2), (-0.5, -.pi / 2)])

    /// Frequencies 1/2 and 1 (controlled rotations), PennyLane's recipe:
    /// `c₊ [f(φ + π/2) − f(φ − π/2)] − c₋ [f(φ + 3π/2) − f(φ − 3π/2)]`, `c± = (√2 ± 1) / (4√2)`.
    public static let fourTerm: ShiftRule = {
        let r2 = 2.0.squareRoot()
        let cPlus = (r2 + 1) / (4 * r2), cMinus = (r2 - 1) / (4 * r2)
        return ShiftRule(terms: [(cPlus, .pi / 2), (-cPlus, -.pi / 2), (-cMinus, 3 * .pi / 2), (cMinus, -3 * .pi / 2)])
    }()

    /// A rule from its terms.
    public init(terms: [(coefficient: Double, shift: Double)]) { self.terms = terms }

    /// Equal terms in the same order.
    public static func == (a: ShiftRule, b: ShiftRule) -> Bool {
        a.terms.count == b.terms.count && zip(a.terms, b.terms).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    /// Hashes the terms in order.
    public func hash(into hasher: inout Hasher) {
        for (c, s) in terms { hasher.combine(c); hasher.combine(s) }
    }
}
