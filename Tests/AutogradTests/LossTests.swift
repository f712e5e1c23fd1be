import Autograd
import Testing
import TestSupport

@Suite("BCE-with-logits and label smoothing")
struct LossTests {
    @Test("BCE-with-logits value and gradient match PyTorch (soft targets)")
    func bceGolden() throws {
        let golden = try TorchOpGoldens.load().bce
        let logits = golden.logits.tensor(requiresGrad: true)
        let loss = Tensor.binaryCrossEntropyWithLogits(logits, targets: golden.targets.tensor())
        expectTorchClose([loss.item()], [golden.loss], "loss")
        loss.backward()
        expectTorchClose(logits.grad ?? [], golden.grad_logits.data, "grad logits")
    }

    @Test("BCE-with-logits is stable: logit 100 with target 1 costs log(1 + e⁻¹⁰⁰) ≈ 0, logit −100 with target 1 costs 100")
    func bceStable() {
        let loss = Tensor.binaryCrossEntropyWithLogits(Tensor(shape: [2], data: [100, -100]),
                                                       targets: Tensor(shape: [2], data: [1, 1]))
        #expect(loss.item() == 50)  // (0 + 100) / 2
    }

    @Test("BCE-with-logits gradients agree with finite differences (logits and targets)")
    func bceFiniteDifferences() {
        var g = SplitMix64(seed: 71)
        let x = randomTensor([4, 3], &g, requiresGrad: true)
        let t = Tensor(shape: [4, 3], data: g.values(12, 0, 1), requiresGrad: true)
        expectGradientsMatch([x, t]) { Tensor.binaryCrossEntropyWithLogits($0[0], targets: $0[1]) }
    }

    @Test("cross-entropy with label smoothing 0.1 matches PyTorch")
    func smoothingGolden() throws {
        let golden = try TorchOpGoldens.load().ce_smooth
        let logits = golden.logits.tensor(requiresGrad: true)
        let loss = Tensor.crossEntropy(logits, targets: golden.targets, labelSmoothing: golden.smoothing)
        expectTorchClose([loss.item()], [golden.loss], "loss")
        loss.backward()
        expectTorchClose(logits.grad ?? [], golden.grad_logits.data, "grad logits")
    }

    @Test("cross-entropy with label smoothing: gradient agrees with finite differences")
    func smoothingFiniteDifferences() {
        var g = SplitMix64(seed: 72)
        let x = randomTensor([4, 5], &g, requiresGrad: true)
        expectGradientsMatch([x]) { Tensor.crossEntropy($0[0], targets: [0, 4, 2, 1], labelSmoothing: 0.2) }
    }
}
