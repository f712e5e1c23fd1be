import Foundation
import QuantumSim
import Testing
import TestSupport

/// `FourierCoefficients` against hand-derived series and PennyLane's `qml.fourier.coefficients`.
@Suite struct FourierCoefficientsTests {
    /// The HQNN-Parallel quantum layer (one of its 4 circuits): AngleEmbedding X on 5 wires, 3
    /// StronglyEntanglingLayers, ⟨Y⟩ on every wire.
    static func hqnnParallelCircuit() throws -> Circuit {
        let wires = Array(0..<5)
        return try Circuit(wireCount: 5, inputCount: 5,
                           weightCount: StronglyEntanglingLayers.weightCount(layers: 3, wireCount: 5),
                           operations: AngleEmbedding.operations(wires: wires)
                               + StronglyEntanglingLayers.operations(layers: 3, wires: wires),
                           observables: wires.map { .pauliY(wire: $0) })
    }

    /// `f(x, y) = 0.3 + sin x + cos x · sin 2y` expanded in `e^{i(mx + ny)}`: `sin x = (e^{ix} − e^{−ix}) / 2i`
    /// gives `c_{±1,0} = ∓i/2`; `cos x sin 2y = (e^{ix} + e^{−ix})(e^{2iy} − e^{−2iy}) / 4i` gives
    /// `c_{±1,2} = −i/4`, `c_{±1,−2} = +i/4`; `c_{0,0} = 0.3`; all others 0.
    @Test func twoInputSeriesByHand() throws {
        let c = try FourierCoefficients.compute(inputCount: 2, degrees: [1, 2]) { points in
            points.map { p in 0.3 + sin(p[0]) + cos(p[0]) * sin(2 * p[1]) }
        }
        #expect(c.shape == [3, 5])
        var expected: [[Int]: Complex] = [[0, 0]: Complex(0.3), [1, 0]: Complex(0, -0.5), [-1, 0]: Complex(0, 0.5)]
        for m in [1, -1] {
            expected[[m, 2]] = Complex(0, -0.25)
            expected[[m, -2]] = Complex(0, 0.25)
        }
        for (frequencies, value) in c.byFrequency {
            let e = expected[frequencies] ?? .zero
            #expect((value - e).magnitude <= Tolerance.quantumRounding, "c\(frequencies) = \(value), expected \(e)")
        }
        #expect(c.byFrequency.map(\.frequencies).prefix(3) == [[-1, -2], [-1, -1], [-1, 0]])
        // FFT order: flat index 1 is (m = 0, n = 1), index 5 is (m = 1, n = 0), index 14 is (m = −1, n = −1).
        #expect(c[[0, 0]] == Complex(c.real[0], c.imag[0]))
        #expect(c[[1, 0]] == Complex(c.real[5], c.imag[5]))
        #expect(c[[-1, -1]] == Complex(c.real[14], c.imag[14]))
    }

    /// PennyLane's docstring example, `RX(x)` on wire 0, `RY(x)` on wire 1, `CNOT(1, 0)`, `⟨Z₀⟩ = cos x · cos²(x/2)…`
    /// with `c₀ = 0.5`, `c_{±1} = 0`, `c_{±2} = 0.25` (worked out by hand in the docstring): degree 1 aliases
    /// `c_{±2}` onto `c_{∓1}` ([0.5, 0.25, 0.25]); the low-pass filter (threshold 2) recovers [0.5, 0, 0].
    @Test func lowPassFilterRemovesAliasing() throws {
        let circuit = try Circuit(wireCount: 2, inputCount: 1, weightCount: 0,
                                  operations: [.rx(0, .input(index: 0, scale: 1)), .ry(1, .input(index: 0, scale: 1)),
                                               .cnot(1, 0)],
                                  observables: [.pauliZ(wire: 0)])
        let aliased = try FourierCoefficients.compute(of: circuit, observable: 0, varying: [0], baseInputs: [0],
                                                      weights: [], degrees: [1])
        #expect(Tolerance.maxAbsDifference(aliased.real, [0.5, 0.25, 0.25]) <= Tolerance.quantumRounding)
        let filtered = try FourierCoefficients.compute(of: circuit, observable: 0, varying: [0], baseInputs: [0],
                                                       weights: [], degrees: [1], lowpassFilter: true)
        #expect(Tolerance.maxAbsDifference(filtered.real, [0.5, 0, 0]) <= Tolerance.quantumRounding)
        #expect(Tolerance.maxAbsDifference(filtered.imag, [0, 0, 0]) <= Tolerance.quantumRounding)
    }

    /// `qml.fourier.coefficients` on the HQNN-Parallel layer (degrees 1 and [1, 2, 0], with and without the
    /// low-pass filter, default and custom thresholds) and on the docstring circuit, at `Tolerance.pennyLane`.
    @Test func matchesQmlFourierCoefficients() throws {
        let goldens = PaperGoldens.shared.fourier
        #expect(goldens.count == 6)
        for golden in goldens {
            let circuit: Circuit
            if golden.template == "hqnnParallel" {
                circuit = try Self.hqnnParallelCircuit()
            } else {
                circuit = try Circuit(wireCount: 2, inputCount: 1, weightCount: 0,
                                      operations: [.rx(0, .input(index: 0, scale: 1)), .ry(1, .input(index: 0, scale: 1)),
                                                   .cnot(1, 0)],
                                      observables: [.pauliZ(wire: 0)])
            }
            #expect(circuit.observables == golden.observables)
            let c = try FourierCoefficients.compute(of: circuit, observable: golden.observable, varying: golden.varying,
                                                    baseInputs: golden.baseInputs, weights: golden.weights,
                                                    degrees: golden.degrees, lowpassFilter: golden.lowpassFilter,
                                                    filterThreshold: golden.filterThreshold)
            #expect(c.shape == golden.shape)
            #expect(Tolerance.maxAbsDifference(c.real, golden.real) <= Tolerance.pennyLane, "\(golden.template) \(golden.degrees)")
            #expect(Tolerance.maxAbsDifference(c.imag, golden.imag) <= Tolerance.pennyLane, "\(golden.template) \(golden.degrees)")
        }
    }

    /// The HQNN Fig. 10 sampling: each draw equals the coefficients at the weights the same generator gives when
    /// replayed by hand (`2π · (next() >> 11) · 2⁻⁵³`, weights in order), and the generator advances by exactly
    /// `draws · weightCount` values.
    @Test func randomWeightSamplesReplayTheGenerator() throws {
        let circuit = try Self.hqnnParallelCircuit()
        let base = [0.1, -0.4, 0.7, 1.2, 0.0]
        var g = SplitMix64(seed: 99)
        let samples = try FourierCoefficients.randomWeightSamples(of: circuit, observable: 4, varying: [0, 1],
                                                                  baseInputs: base, degrees: [1, 1], draws: 5, using: &g)
        #expect(samples.count == 5)
        var replay = SplitMix64(seed: 99)
        for sample in samples {
            let weights = (0..<circuit.weightCount).map { _ in 2 * Double.pi * (Double(replay.next() >> 11) * 0x1p-53) }
            let direct = try FourierCoefficients.compute(of: circuit, observable: 4, varying: [0, 1], baseInputs: base,
                                                         weights: weights, degrees: [1, 1])
            #expect(Tolerance.maxAbsDifference(sample.real, direct.real) <= Tolerance.quantumRounding)
            #expect(Tolerance.maxAbsDifference(sample.imag, direct.imag) <= Tolerance.quantumRounding)
        }
        #expect(g.state == replay.state)
        // A real function: c_{−m} = conj(c_m).
        for sample in samples {
            for (m, value) in sample.byFrequency {
                let mirror = sample[m.map { -$0 }]
                #expect((value - mirror.conjugate).magnitude <= Tolerance.quantumRounding)
            }
        }
    }

    @Test func invalidArgumentsThrowOneLine() throws {
        let f: ([[Double]]) -> [Double] = { $0.map { _ in 1 } }
        #expect(throws: FourierError.self) { try FourierCoefficients.compute(inputCount: 0, degrees: [], evaluate: f) }
        #expect(throws: FourierError.self) { try FourierCoefficients.compute(inputCount: 2, degrees: [1], evaluate: f) }
        #expect(throws: FourierError.self) { try FourierCoefficients.compute(inputCount: 1, degrees: [-1], evaluate: f) }
        #expect(throws: FourierError.self) {
            try FourierCoefficients.compute(inputCount: 1, degrees: [2], lowpassFilter: true, filterThreshold: [1], evaluate: f)
        }
        #expect(throws: FourierError.self) { try FourierCoefficients.compute(inputCount: 1, degrees: [1]) { _ in [1] } }
        let circuit = try Self.hqnnParallelCircuit()
        let weights = [Double](repeating: 0, count: 45), base = [Double](repeating: 0, count: 5)
        for (observable, varying, base, weights) in [(5, [0], base, weights), (0, [5], base, weights), (0, [1, 1], base, weights),
                                                     (0, [0], [0], weights), (0, [0], base, [0])] {
            #expect(throws: FourierError.self) {
                try FourierCoefficients.compute(of: circuit, observable: observable, varying: varying, baseInputs: base,
                                                weights: weights, degrees: Array(repeating: 1, count: varying.count))
            }
        }
    }
}
