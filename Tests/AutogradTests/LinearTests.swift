import Autograd
import Testing
import TestSupport

@Suite("linear")
struct LinearTests {
    @Test("forward and backward match PyTorch (F.linear, [5, 7] x [3, 7] + [3])")
    func golden() throws {
        let golden = try TorchGoldens.load().linear
        let x = golden.x.tensor(requiresGrad: true)
        let w = golden.weight.tensor(requiresGrad: true)
        let b = golden.bias.tensor(requiresGrad: true)
        let y = Tensor.linear(x, weight: w, bias: b)
        #expect(y.shape == golden.output.shape)
        expectTorchClose(y.data, golden.output.data, "output")
        y.backward(gradient: golden.upstream.data)
        expectTorchClose(x.grad ?? [], golden.grad_x.data, "grad x")
        expectTorchClose(w.grad ?? [], golden.grad_weight.data, "grad weight")
        expectTorchClose(b.grad ?? [], golden.grad_bias.data, "grad bias")
    }

    @Test("forward by hand: [1, 2] · [[1, 0], [2, -1], [0.5, 0.5]]ᵀ + [0, 1, -1]")
    func handComputed() {
        let x = Tensor(shape: [1, 2], data: [1, 2])
        let w = Tensor(shape: [3, 2], data: [1, 0, 2, -1, 0.5, 0.5])
        let b = Tensor(shape: [3], data: [0, 1, -1])
        #expect(Tensor.linear(x, weight: w, bias: b).data == [1, 1, 0.5])
        #expect(Tensor.linear(x, weight: w).data == [1, 0, 1.5])
    }

    @Test("gradients agree with finite differences, with and without bias")
    func finiteDifferences() {
        var g = SplitMix64(seed: 2)
        let x = randomTensor([4, 5], &g, requiresGrad: true)
        let w = randomTensor([3, 5], &g, requiresGrad: true)
        let b = randomTensor([3], &g, requiresGrad: true)
        expectGradientsMatch([x, w, b]) { Tensor.linear($0[0], weight: $0[1], bias: $0[2]) }
        expectGradientsMatch([x, w]) { Tensor.linear($0[0], weight: $0[1]) }
    }

    @Test("leading axes are batch axes: [2, 3, 5] gives the same rows as [6, 5]")
    func batchAxes() {
        var g = SplitMix64(seed: 3)
        let x = randomTensor([2, 3, 5], &g)
        let w = randomTensor([4, 5], &g), b = randomTensor([4], &g)
        let y = Tensor.linear(x, weight: w, bias: b)
        #expect(y.shape == [2, 3, 4])
        #expect(y.data == Tensor.linear(x.reshaped([6, 5]), weight: w, bias: b).data)
    }
}
