import Autograd
import Foundation
import Testing
import TestSupport

@Suite("crossEntropy")
struct CrossEntropyTests {
    @Test("value and gradient match PyTorch (one row with logits near 60)")
    func golden() throws {
        let golden = try TorchGoldens.load().cross_entropy
        let logits = golden.logits.tensor(requiresGrad: true)
        let loss = Tensor.crossEntropy(logits, targets: golden.targets)
        #expect(loss.shape == [])
        expectTorchClose([loss.item()], [golden.loss], "loss")
        loss.backward()
        expectTorchClose(logits.grad ?? [], golden.grad_logits.data, "grad logits")
    }

    @Test("equal logits give log K, and gradient (1/K − onehot)/N")
    func uniformLogits() {
        let logits = Tensor(shape: [2, 4], data: [3, 3, 3, 3, -1, -1, -1, -1], requiresGrad: true)
        let loss = Tensor.crossEntropy(logits, targets: [1, 3])
        #expect(abs(Double(loss.item()) - log(4.0)) < 1e-6)
        loss.backward()
        // (0.25 − [k == t]) / 2
        #expect(logits.grad == [0.125, -0.375, 0.125, 0.125, 0.125, 0.125, 0.125, -0.375])
    }

    @Test("stable for logits of ±1000: [1000, 0] with target 0 costs log(1 + e⁻¹⁰⁰⁰) ≈ 0")
    func extremeLogits() {
        let logits = Tensor(shape: [2, 2], data: [1000, 0, -1000, 0], requiresGrad: true)
        let loss = Tensor.crossEntropy(logits, targets: [0, 0])
        // Row 0: ≈ 0; row 1: logsumexp(−1000, 0) + 1000 ≈ 1000. Mean 500.
        #expect(loss.item() == 500)
        loss.backward()
        #expect(logits.grad == [0, 0, -0.5, 0.5])
    }

    @Test("gradient agrees with finite differences")
    func finiteDifferences() {
        var g = SplitMix64(seed: 4)
        let logits = Tensor(shape: [5, 7], data: g.values(35, -3, 3), requiresGrad: true)
        let targets = [0, 6, 3, 3, 1]
        // Also through a linear layer, as in training.
        let w = randomTensor([7, 7], &g, requiresGrad: true)
        expectGradientsMatch([logits]) { Tensor.crossEntropy($0[0], targets: targets) }
        expectGradientsMatch([logits, w]) { Tensor.crossEntropy(Tensor.linear($0[0], weight: $0[1]), targets: targets) }
    }
}
