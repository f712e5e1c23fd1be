import Foundation
import QuantumSim
import Testing
import TestSupport

/// Per-gate properties, each checked against something other than the definition it tests.
@Suite struct GateTests {
    static let angles = [-5.1, -1.3, 0, 0.4, 1.0, 2.7, 6.0]

    @Test(arguments: Gate.allCases) func isUnitary(gate: Gate) {
        for a in Self.angles {
            let u = gate.matrix(angle: a)
            #expect(u.dimension == 1 << gate.wireCount)
            #expect((u * u.adjoint).maxDistance(to: .identity(u.dimension)) <= Tolerance.quantumRounding, "\(gate) \(a)")
        }
    }

    @Test(arguments: Gate.allCases) func inverseAngleGivesTheAdjoint(gate: Gate) {
        for a in Self.angles {
            let inverse = gate.matrix(angle: gate.inverseAngle(a))
            #expect(inverse.maxDistance(to: gate.matrix(angle: a).adjoint) <= Tolerance.quantumRounding, "\(gate) \(a)")
            #expect((inverse * gate.matrix(angle: a)).maxDistance(to: .identity(inverse.dimension))
                    <= Tolerance.quantumRounding)
        }
    }

    /// The generator rule `dU/dφ = -i/2 · P · U` against a central difference of the matrix itself.
    @Test(arguments: Gate.allCases) func derivativeMatchesFiniteDifferenceOfTheMatrix(gate: Gate) throws {
        guard gate.isParametrized else {
            #expect(gate.derivative(angle: 0.3) == nil)
            #expect(gate.generator == nil)
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
    /// (`cos π = -1`, `sin π = 0` in every entry of the matrices).
    @Test(arguments: [Gate.rx, .ry, .rz]) func rotationsComposeAndHavePeriodFourPi(gate: Gate) {
        for (a, b) in zip(Self.angles, Self.angles.reversed()) {
            let product = gate.matrix(angle: a) * gate.matrix(angle: b)
            #expect(product.maxDistance(to: gate.matrix(angle: a + b)) <= Tolerance.quantumRounding)
        }
        #expect(gate.matrix(angle: 2 * .pi).maxDistance(to: Complex(-1) * .identity(2)) <= Tolerance.quantumRounding)
        #expect(gate.matrix(angle: 0) == .identity(2))
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
        for gate in [Gate.rx, .ry, .rz] { for q in 0..<n { placements.append((gate, [q])) } }
        for c in 0..<n { for t in 0..<n where c != t { placements.append((.cnot, [c, t])) } }
        for (gate, wires) in placements {
            let angle = 0.9
            let op = Operation(gate: gate, wires: wires, parameter: gate.isParametrized ? .constant(angle) : nil)
            let before = try Circuit(wireCount: n, inputCount: 0, weightCount: 0, operations: preparation, observables: [])
            let after = try Circuit(wireCount: n, inputCount: 0, weightCount: 0, operations: preparation + [op],
                                    observables: [])
            let psi = Simulator.states(of: before, inputs: [], batch: 1, weights: [])
            let expected = applyOnWires(gate.matrix(angle: angle), wires: wires, wireCount: n,
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
