import Autograd
import NeuralNets
import Testing
import TestSupport

@Suite("Initializer")
struct InitializerTests {
    @Test("unit interval: top 53 bits scaled by 2⁻⁵³")
    func unitInterval() {
        var g = ReplayGenerator([0, UInt64.max, 1 << 63, 0x7FF])
        #expect(Initializer.unitInterval(&g) == 0)
        #expect(Initializer.unitInterval(&g) == 1 - 0x1p-53)  // (2⁵³ − 1)·2⁻⁵³
        #expect(Initializer.unitInterval(&g) == 0.5)
        #expect(Initializer.unitInterval(&g) == 0)  // the low 11 bits are dropped
    }

    @Test("uniform maps u to lower + (upper − lower)·u")
    func uniformFormula() {
        var g = ReplayGenerator([0, 1 << 63, 3 << 62])  // u = 0, 0.5, 0.75
        #expect(Initializer.uniform(count: 3, lower: -2, upper: 2, generator: &g) == [-2, 0, 1])
    }

    /// PyTorch: kaiming_uniform_(w, a=√5) has gain √(2/(1+a²)) = √(2/6) = 1/√3,
    /// std = gain/√fan_in, bound = √3·std = 1/√fan_in. Linear(196, 10): 1/√196 = 1/14.
    /// Conv2d(1, 4, 2): fan_in = 1·2·2 = 4, bound 1/2. Conv2d(3, 16, 5): fan_in 75.
    @Test("PyTorch default bounds derived by hand", arguments: [(196, 1.0 / 14), (4, 0.5), (75, 0.11547005383792516), (1, 1)])
    func bounds(fanIn: Int, expected: Double) {
        #expect(abs(Initializer.kaimingUniformBound(fanIn: fanIn) - expected) < 1e-15)
        #expect(abs(Initializer.biasBound(fanIn: fanIn) - expected) < 1e-15)
    }

    @Test("Linear(196, 10) weights fill U(−1/14, 1/14): range, mean and variance b²/3")
    func linearWeightsStatistics() {
        var g = SplitMix64(seed: 42)
        let layer = Linear(inFeatures: 196, outFeatures: 10, name: "fc", generator: &g)
        let w = layer.weight.tensor.data.map(Double.init)
        let b = 1.0 / 14
        #expect(w.allSatisfy { abs($0) <= b })
        // 1960 draws: the extremes land within 1 % of the bounds with probability 1 − 2·0.995¹⁹⁶⁰ ≈ 1 − 1e-4.
        #expect(w.min()! < -0.99 * b && w.max()! > 0.99 * b)
        let mean = w.reduce(0, +) / Double(w.count)
        let variance = w.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(w.count)
        // Standard error of the mean: b/√3/√1960 ≈ 9e-4; of the variance ≈ b²/3·0.03. Allow 4σ.
        #expect(abs(mean) < 4 * 9.2e-4)
        #expect(abs(variance / (b * b / 3) - 1) < 4 * 0.03)
        #expect(layer.bias!.tensor.data.allSatisfy { abs(Double($0)) <= b })
    }

    @Test("Conv2d(2, 3, 5) weights and biases stay within 1/√50 and use the whole range")
    func convBounds() {
        var g = SplitMix64(seed: 7)
        let layer = Conv2d(inChannels: 2, outChannels: 3, kernelSize: 5, name: "conv", generator: &g)
        let b = 1 / Double(50).squareRoot()
        let w = layer.weight.tensor.data.map(Double.init)
        #expect(layer.weight.tensor.shape == [3, 2, 5, 5])
        #expect(w.allSatisfy { abs($0) <= b })
        #expect(w.min()! < -0.9 * b && w.max()! > 0.9 * b)  // 150 draws: fails with probability ~2·0.95¹⁵⁰ ≈ 1e-3 per seed
        #expect(layer.bias!.tensor.data.allSatisfy { abs(Double($0)) <= b })
    }

    @Test("initialisation depends only on the generator: same seed, same values; weight drawn before bias")
    func determinism() {
        var g1 = SplitMix64(seed: 3), g2 = SplitMix64(seed: 3)
        let a = Linear(inFeatures: 5, outFeatures: 2, name: "a", generator: &g1)
        let b = Linear(inFeatures: 5, outFeatures: 2, name: "b", generator: &g2)
        #expect(a.weight.tensor.data == b.weight.tensor.data)
        #expect(a.bias!.tensor.data == b.bias!.tensor.data)
        var g3 = SplitMix64(seed: 3)
        let bound = 1 / Double(5).squareRoot()
        let weights = Initializer.uniform(count: 10, lower: -bound, upper: bound, generator: &g3)
        let biases = Initializer.uniform(count: 2, lower: -bound, upper: bound, generator: &g3)
        #expect(a.weight.tensor.data == weights)
        #expect(a.bias!.tensor.data == biases)
    }
}
