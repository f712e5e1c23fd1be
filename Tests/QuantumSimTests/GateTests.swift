import Foundation
import QuantumSim
import Testing
import TestSupport

/// Per-gate properties, each checked against something other than the definition it tests.
@Suite struct GateTests {
    static let angles = [-5.1, -1.3, 0, 0.4, 1.0, 2.7, 6.0]

    /// Angle sets for `gate`: each angle of `angles` in every parameter slot, the others fixed and distinct.
    static func angleSets(_ gate: Gate) -> [[Double]] {
        switch gate.parameterCount {
        case 0: [[]]
        case 1: angles.map { [$0] }
        default: angles.flatMap { a in [[a, 0.3, -1.7], [0.9, a, 2.2], [-0.4, 1.1, a]] }
        }
    }

    @Test(arguments: Gate.allCases) func isUnitary(gate: Gate) {
        for a in Self.angleSets(gate) {
            let u = gate.matrix(angles: a)
            #expect(u.dimension == 1 << gate.wireCount)
            #expect((u * u.adjoint).maxDistance(to: .identity(u.dimension)) <= Tolerance.quantumRounding, "\(gate) \(a)")
        }
    }

    @Test(arguments: Gate.allCases) func inverseGivesTheAdjoint(gate: Gate) {
        for a in Self.angleSets(gate) {
            let (inverseGate, inverseAngles) = gate.inverse(angles: a)
            let inverse = inverseGate.matrix(angles: inverseAngles)
            #expect(inverse.maxDistance(to: gate.matrix(angles: a).adjoint) <= Tolerance.quantumRounding, "\(gate) \(a)")
            #expect((inverse * gate.matrix(angles: a)).maxDistance(to: .identity(inverse.dimension))
                    <= Tolerance.quantumRounding)
        }
    }

    /// The generator rule `dU/dφ = -i/2 · G · U` against a central difference of the matrix itself
    /// (including φ = 0, where it says `dU/dφ = -i/2 · G`).
    @Test(arguments: Gate.allCases) func derivativeMatchesFiniteDifferenceOfTheMatrix(gate: Gate) throws {
        guard gate.parameterCount == 1 else {
            #expect(gate.derivative(angle: 0.3) == nil)
            #expect(gate.generator == nil)
            #expect((gate.decomposition != nil) == (gate.parameterCount > 1))
            return
        }
        let h = 1e-6
        for a in Self.angles {
            let derivative = try #require(gate.derivative(angle: a))
            let difference = gate.matrix(angle: a + h) - gate.matrix(angle: a - h)
            let central = Complex(1 / (2 * h)) * difference
            #expect(derivative.maxDistance(to: central) <= Tolerance.quantumFiniteDifference, "\(gate) \(a)")
        }
    }

    /// Rotations are one-parameter groups with period 4π: `U(a)U(b) = U(a+b)` and `U(2π) = -I`
    /// (`cos π = -1`, `sin π = 0` in every entry); the controlled ones have `U(2π) = diag(1, 1, -1, -1)`.
    @Test(arguments: [Gate.rx, .ry, .rz, .crx, .cry, .crz]) func rotationsComposeAndHavePeriodFourPi(gate: Gate) {
        for (a, b) in zip(Self.angles, Self.angles.reversed()) {
            let product = gate.matrix(angle: a) * gate.matrix(angle: b)
            #expect(product.maxDistance(to: gate.matrix(angle: a + b)) <= Tolerance.quantumRounding)
        }
        let d = 1 << gate.wireCount
        var minusOne = ComplexMatrix.identity(d)
        for k in (d - 2)..<d { minusOne[k, k] = Complex(-1) }
        #expect(gate.matrix(angle: 2 * .pi).maxDistance(to: minusOne) <= Tolerance.quantumRounding)
        #expect(gate.matrix(angle: 0) == .identity(d))
    }

    /// `Rot(φ, θ, ω)` against the closed form of PennyLane's `Rot.compute_matrix` (reference §4.6):
    /// `[[e^{-i(φ+ω)/2} cos θ/2, -e^{i(φ-ω)/2} sin θ/2], [e^{-i(φ-ω)/2} sin θ/2, e^{i(φ+ω)/2} cos θ/2]]`.
    @Test func rotMatchesItsClosedForm() {
        for a in Self.angleSets(.rot) {
            let (phi, theta, omega) = (a[0], a[1], a[2])
            let c = cos(theta / 2), s = sin(theta / 2)
            let expected = Matrix2(c * Complex.phase(-(phi + omega) / 2), -s * Complex.phase((phi - omega) / 2),
                                   s * Complex.phase(-(phi - omega) / 2), c * Complex.phase((phi + omega) / 2))
            #expect(Gate.rot.matrix(angles: a).maxDistance(to: expected.complexMatrix) <= Tolerance.quantumRounding)
        }
    }

    /// Fixed gates are powers and products of each other: `T² = S`, `S² = Z`, `HZH = X`, `iXZ = Y`,
    /// `PhaseShift(π/2) = S`, and `CZ`, `SWAP` by their action on basis states.
    @Test func fixedGatesSatisfyTheirAlgebra() {
        func m(_ g: Gate) -> ComplexMatrix { g.matrix() }
        #expect((m(.t) * m(.t)).maxDistance(to: m(.s)) <= Tolerance.quantumRounding)
        #expect((m(.s) * m(.s)).maxDistance(to: m(.pauliZ)) <= Tolerance.quantumRounding)
        #expect((m(.hadamard) * m(.pauliZ) * m(.hadamard)).maxDistance(to: m(.pauliX)) <= Tolerance.quantumRounding)
        #expect((Complex.i * (m(.pauliX) * m(.pauliZ))).maxDistance(to: m(.pauliY)) <= Tolerance.quantumRounding)
        #expect(Gate.phaseShift.matrix(angle: .pi / 2).maxDistance(to: m(.s)) <= Tolerance.quantumRounding)
        var cz = ComplexMatrix.identity(4)
        cz[3, 3] = Complex(-1)
        #expect(m(.cz) == cz)
        let swap = m(.swap)
        #expect(swap[0, 0] == .one && swap[1, 2] == .one && swap[2, 1] == .one && swap[3, 3] == .one)
        #expect(swap * swap == .identity(4))
    }

    /// Each kernel, applied by the simulator to a 4-qubit state, against the gate's matrix expanded to the
    /// full space by index arithmetic (`applyOnWires`), for every wire and every CNOT wire pair.
    @Test func kernelsAgreeWithTheExpandedMatrix() throws {
        let n = 4
        var preparation: [Operation] = []
        for q in 0..<n {
            let x = Double(q)
            preparation.append(.ry(q, .constant(0.3 + 0.7 * x)))
            preparation.append(.rz(q, .constant(1.1 - 0.4 * x)))
            preparation.append(.rx(q, .constant(-0.2 + 0.5 * x)))
        }
        preparation += [.cnot(0, 1), .cnot(2, 3), .cnot(1, 2)]
        var placements: [(Gate, [Int])] = []
        for gate in Gate.allCases {
            if gate.wireCount == 1 {
                for q in 0..<n { placements.append((gate, [q])) }
            } else {
                for c in 0..<n { for t in 0..<n where c != t { placements.append((gate, [c, t])) } }
            }
        }
        for (gate, wires) in placements {
            let angles = Array([0.9, -1.4, 2.3].prefix(gate.parameterCount))
            let op = Operation(gate: gate, wires: wires, parameters: angles.map { .constant($0) })
            let before = try Circuit(wireCount: n, inputCount: 0, weightCount: 0, operations: preparation, observables: [])
            let after = try Circuit(wireCount: n, inputCount: 0, weightCount: 0, operations: preparation + [op],
                                    observables: [])
            let psi = Simulator.states(of: before, inputs: [], batch: 1, weights: [])
            let expected = applyOnWires(gate.matrix(angles: angles), wires: wires, wireCount: n,
                                        state: (0..<16).map { psi.amplitude(sample: 0, index: $0) })
            let result = Simulator.states(of: after, inputs: [], batch: 1, weights: [])
            let distance = (0..<16).map { (result.amplitude(sample: 0, index: $0) - expected[$0]).magnitude }.max()!
            #expect(distance <= Tolerance.quantumRounding, "\(gate) on \(wires)")
        }
    }

    /// `(M ⊗ I) ψ` with `M` acting on `wires` (first = most significant) and wire 0 the index's top bit.
    private func applyOnWires(_ m: ComplexMatrix, wires: [Int], wireCount n: Int, state: [Complex]) -> [Complex] {
        func bit(_ wire: Int) -> Int { 1 << (n - 1 - wire) }
        return state.indices.map { k in
            var local = 0
            for w in wires { local = local << 1 | (k & bit(w) != 0 ? 1 : 0) }
            var sum = Complex.zero
            for l in 0..<m.dimension {
                var source = k
                for (position, w) in wires.enumerated() {
                    let set = l >> (wires.count - 1 - position) & 1 == 1
                    source = set ? source | bit(w) : source & ~bit(w)
                }
                sum += m[local, l] * state[source]
            }
            return sum
        }
    }
}
