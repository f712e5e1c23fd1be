import Autograd
import Testing
import TestSupport

/// `Tensor.stochasticDepth` (torchvision's `stochastic_depth(mode="row")`) and `scalingSamples`.
@Suite struct StochasticDepthTests {
    /// Sample n is kept (scaled by 1/(1 − p)) exactly when the n-th draw u = (next() >> 11)·2⁻⁵³ is ≥ p, re-derived from
    /// a copy of the generator; dropped samples are 0; the generator advances by one draw per sample.
    @Test("keeps sample n iff its draw is >= p, scaled by 1/(1 - p)")
    func keepPatternAndScale() {
        let p = 0.25
        var g = SplitMix64(seed: 7)
        var copy = g
        var values = SplitMix64(seed: 8)
        let x = randomTensor([40, 2, 3], &values)
        let y = x.stochasticDepth(probability: p, generator: &g)
        #expect(g.next() == { var c = copy; for _ in 0..<40 { _ = c.next() }; return c.next() }())
        for n in 0..<40 {
            let kept = Double(copy.next() >> 11) * 0x1p-53 >= p
            for i in 0..<6 {
                #expect(y.data[n * 6 + i] == (kept ? x.data[n * 6 + i] * Float(1 / (1 - p)) : 0))
            }
        }
    }

    /// Over 20,000 samples the kept fraction is 1 − p within 4 binomial standard errors (sqrt(p(1 − p)/n) = 0.0031 at
    /// p = 0.2), so the expected value of every element is the input's (E[mask · scale] = (1 − p)/(1 − p) = 1).
    @Test("keep rate 1 - p")
    func keepRate() {
        let p = 0.2, n = 20_000
        var g = SplitMix64(seed: 9)
        let y = Tensor(shape: [n, 1], data: [Float](repeating: 1, count: n)).stochasticDepth(probability: p, generator: &g)
        let kept = Double(y.data.filter { $0 != 0 }.count) / Double(n)
        #expect(abs(kept - (1 - p)) < 4 * (p * (1 - p) / Double(n)).squareRoot())
        #expect(Set(y.data) == [0, 1.25])
    }

    @Test("p = 0 is the identity and draws nothing")
    func zeroProbability() {
        var g = SplitMix64(seed: 10)
        let before = g
        let x = Tensor(shape: [3, 2], data: [1, 2, 3, 4, 5, 6], requiresGrad: true)
        #expect(x.stochasticDepth(probability: 0, generator: &g) === x)
        var b = before
        #expect(g.next() == b.next())
    }

    @Test("gradient matches finite differences (fixed draws)")
    func gradient() {
        var values = SplitMix64(seed: 11)
        let x = randomTensor([6, 2, 2], &values, requiresGrad: true)
        expectGradientsMatch([x]) { inputs in
            var g = SplitMix64(seed: 12)
            return inputs[0].stochasticDepth(probability: 0.4, generator: &g)
        }
        expectGradientsMatch([x]) { $0[0].scalingSamples(by: [0, 1.5, -2, 0.25, 1, 3]) }
    }
}
