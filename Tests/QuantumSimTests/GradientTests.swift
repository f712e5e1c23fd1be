import Foundation
import QuantumSim
import Testing
import TestSupport

/// Every parametrised gate, alone after a fixed entangling preparation: the three gradient methods agree,
/// with the angle taken from an input (scaled) and from a weight.
@Suite struct GradientTests {
    static let parametrised = Gate.allCases.filter(\.isParametrized)

    @Test(arguments: parametrised) func threeMethodsAgreeForEveryParametrisedGate(gate: Gate) throws {
        let n = 3
        var preparation: [Operation] = []
        for q in 0..<n {
            preparation.append(.ry(q, .constant(0.4 + 0.9 * Double(q))))
            preparation.append(.rx(q, .constant(-0.3 + 0.55 * Double(q))))
            preparation.append(.rz(q, .constant(0.8 - 0.35 * Double(q))))
        }
        preparation += [.cnot(0, 1), .cnot(1, 2)]
        // Hadamards make Z rotations and phases visible to every observable.
        let mixing = (0..<n).map { Operation(gate: .hadamard, wires: [$0]) } + [.cnot(2, 0), .cnot(0, 1)]
        let wireSets = gate.wireCount == 1 ? [[0], [1], [2]] : [[0, 1], [2, 0], [1, 2], [2, 1]]
        for wires in wireSets {
            // Angle k from input k (scale 1.7) for even k, from weight k for odd k.
            let parameters: [GateParameter] = (0..<gate.parameterCount).map {
                $0 % 2 == 0 ? .input(index: $0, scale: 1.7) : .weight(index: $0)
            }
            let circuit = try Circuit(
                wireCount: n, inputCount: 3, weightCount: 3,
                operations: preparation + [Operation(gate: gate, wires: wires, parameters: parameters)] + mixing,
                observables: [.pauliZ(wire: 0), .pauliX(wire: 1), .pauliY(wire: 1), Observable([.init(.y, wire: 2), .init(.z, wire: 0)])])
            let inputs = [0.3, -0.8, 1.4, 2.2, 0.1, -1.9], weights = [0.7, -2.1, 1.2]
            let adjoint = adjointJacobians(of: circuit, inputs: inputs, batch: 2, weights: weights)
            let shifts = Simulator.parameterShiftJacobian(of: circuit, inputs: inputs, batch: 2, weights: weights)
            let fd = Simulator.finiteDifferenceJacobian(of: circuit, inputs: inputs, batch: 2, weights: weights)
            for (a, b) in [(adjoint.input, shifts.inputJacobian), (adjoint.input, fd.inputJacobian),
                           (adjoint.weight, shifts.weightJacobian), (adjoint.weight, fd.weightJacobian)] {
                #expect(Tolerance.maxAbsDifference(a, b) <= Tolerance.quantumFiniteDifference, "\(gate) on \(wires)")
            }
            // Not vacuous: the gate's angles do move the outputs.
            #expect((adjoint.input + adjoint.weight).contains { abs($0) > 1e-3 }, "\(gate) on \(wires)")
        }
    }

    /// The four-term rule is exact for `f(φ) = a + b cos(φ/2) + c sin(φ/2) + d cos φ + e sin φ` (a
    /// controlled rotation's expectation): checked on that form directly against its derivative.
    @Test func fourTermRuleIsExactForFrequenciesHalfAndOne() {
        let (a, b, c, d, e) = (0.3, -1.1, 0.7, 0.45, -0.9)
        func f(_ x: Double) -> Double { a + b * cos(x / 2) + c * sin(x / 2) + d * cos(x) + e * sin(x) }
        func df(_ x: Double) -> Double { -b / 2 * sin(x / 2) + c / 2 * cos(x / 2) - d * sin(x) + e * cos(x) }
        for x in [-2.0, 0, 0.9, 3.3] {
            let shifted = ShiftRule.fourTerm.terms.reduce(0) { $0 + $1.coefficient * f(x + $1.shift) }
            #expect(abs(shifted - df(x)) <= Tolerance.quantumRounding)
            let twoTerm = ShiftRule.twoTerm.terms.reduce(0) { $0 + $1.coefficient * (d * cos(x + $1.shift) + e * sin(x + $1.shift)) }
            #expect(abs(twoTerm - (-d * sin(x) + e * cos(x))) <= Tolerance.quantumRounding)
        }
    }
}
