import Autograd
import Testing
import TestSupport

@Suite("sum, mean")
struct ReductionTests {
    @Test("sum and mean agree with a Double sum for lengths around the SIMD block sizes",
          arguments: [0, 1, 15, 16, 17, 63, 64, 65, 1000, 4099])
    func matchesDoubleSum(count: Int) {
        var g = SplitMix64(seed: UInt64(count))
        let values = g.values(count)
        let exact = values.reduce(0.0) { $0 + Double($1) }
        let x = Tensor(shape: [count], data: values)
        // Float32 rounding of ≤ 4099 terms < 1: far below 1e-4.
        #expect(abs(Double(x.sum().item()) - exact) < 1e-4)
        if count > 0 { #expect(abs(Double(x.mean().item()) - exact / Double(count)) < 1e-6) }
    }

    @Test("gradients: sum spreads g, mean spreads g / count")
    func gradients() {
        let x = Tensor(shape: [2, 2], data: [1, 2, 3, 4], requiresGrad: true)
        x.sum().backward(gradient: [3])
        #expect(x.grad == [3, 3, 3, 3])
        x.grad = nil
        x.mean().backward()
        #expect(x.grad == [0.25, 0.25, 0.25, 0.25])
    }

    @Test("gradients agree with finite differences")
    func finiteDifferences() {
        var g = SplitMix64(seed: 11)
        let x = randomTensor([3, 7], &g, requiresGrad: true)
        expectGradientsMatch([x]) { ($0[0] * $0[0]).sum() }
        expectGradientsMatch([x]) { ($0[0] * $0[0]).mean() }
    }
}
