import Autograd
import Testing
import TestSupport

@Suite("batch norm and layer norm")
struct NormalizationTests {
    @Test("batchNorm matches PyTorch: output, gradients, running statistics", arguments: 0..<4)
    func batchNormGolden(index: Int) throws {
        let golden = try TorchOpGoldens.load().batch_norm[index]
        let x = golden.x.tensor(requiresGrad: true)
        let w = golden.weight.tensor(requiresGrad: true), b = golden.bias.tensor(requiresGrad: true)
        var mean = golden.running_mean.data, variance = golden.running_var.data
        let y = Tensor.batchNorm(x, weight: w, bias: b, runningMean: &mean, runningVariance: &variance,
                                 training: golden.training)
        expectTorchClose(y.data, golden.output.data, "output")
        expectTorchClose(mean, golden.running_mean_after.data, "running mean")
        expectTorchClose(variance, golden.running_var_after.data, "running variance")
        y.backward(gradient: golden.upstream.data)
        expectTorchClose(x.grad ?? [], golden.grads[0].data, "grad x")
        expectTorchClose(w.grad ?? [], golden.grads[1].data, "grad weight")
        expectTorchClose(b.grad ?? [], golden.grads[2].data, "grad bias")
    }

    @Test("batchNorm gradients agree with finite differences", arguments: [true, false])
    func batchNormFiniteDifferences(training: Bool) {
        var g = SplitMix64(seed: 51)
        let x = randomTensor([3, 2, 2, 3], &g, requiresGrad: true)
        let w = randomTensor([2], &g, requiresGrad: true), b = randomTensor([2], &g, requiresGrad: true)
        expectGradientsMatch([x, w, b]) { t in
            var mean: [Float] = [0.1, -0.2], variance: [Float] = [0.8, 1.3]
            return Tensor.batchNorm(t[0], weight: t[1], bias: t[2], runningMean: &mean, runningVariance: &variance,
                                    training: training)
        }
    }

    @Test("layerNorm matches PyTorch")
    func layerNormGolden() throws {
        let golden = try TorchOpGoldens.load().layer_norm
        let x = golden.x.tensor(requiresGrad: true)
        let w = golden.weight.tensor(requiresGrad: true), b = golden.bias.tensor(requiresGrad: true)
        let y = Tensor.layerNorm(x, weight: w, bias: b)
        expectTorchClose(y.data, golden.output.data, "output")
        y.backward(gradient: golden.upstream.data)
        expectTorchClose(x.grad ?? [], golden.grads[0].data, "grad x")
        expectTorchClose(w.grad ?? [], golden.grads[1].data, "grad weight")
        expectTorchClose(b.grad ?? [], golden.grads[2].data, "grad bias")
    }

    @Test("layerNorm gradients agree with finite differences")
    func layerNormFiniteDifferences() {
        var g = SplitMix64(seed: 52)
        let x = randomTensor([3, 5], &g, requiresGrad: true)
        let w = randomTensor([5], &g, requiresGrad: true), b = randomTensor([5], &g, requiresGrad: true)
        expectGradientsMatch([x, w, b]) { Tensor.layerNorm($0[0], weight: $0[1], bias: $0[2]) }
    }
}
