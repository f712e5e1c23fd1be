import Autograd
import NeuralNets
import Testing
import TestSupport

@Suite("Sequential fusion")
struct SequentialFusionTests {
    @Test("BatchNorm + ReLU inside Sequential (fused) equals applying the layers one by one, bit for bit")
    func fusedEqualsLayerByLayer() {
        let fused = hqnnCNN(seed: 3), separate = hqnnCNN(seed: 3)
        var g = SplitMix64(seed: 4)
        let x = Tensor(shape: [6, 1, 28, 28], data: (0..<(6 * 784)).map { _ in Float(Double(g.next() >> 11) * 0x1p-53) })
        let targets = [1, 7, 3, 0, 9, 2]
        let lossFused = Tensor.crossEntropy(fused(x), targets: targets)
        let lossSeparate = Tensor.crossEntropy(separate.layers.reduce(x) { $1($0) }, targets: targets)
        lossFused.backward()
        lossSeparate.backward()
        #expect(lossFused.item() == lossSeparate.item())
        for (a, b) in zip(fused.parameters, separate.parameters) {
            #expect(a.tensor.grad == b.tensor.grad, "\(a.name)")
        }
        for (a, b) in zip(fused.buffers, separate.buffers) {
            #expect(a.values == b.values, "\(a.name)")
        }
    }
}

@Suite("determinism")
struct DeterminismTests {
    @Test("three Adam steps of the CNN (parallel conv, pooling, BatchNorm) repeat bit for bit")
    func repeatable() {
        func train() -> [[Float]] {
            let model = hqnnCNN(seed: 5)
            let optimizer = Adam(parameters: model.parameters, learningRate: 1e-3)
            var g = SplitMix64(seed: 6)
            for _ in 0..<3 {
                // 18 images: 5 conv chunks of 4 (the last of 2), so partial-gradient order matters.
                let x = Tensor(shape: [18, 1, 28, 28], data: (0..<(18 * 784)).map { _ in Float(Double(g.next() >> 11) * 0x1p-53) })
                optimizer.zeroGrad()
                Tensor.crossEntropy(model(x), targets: (0..<18).map { $0 % 10 }).backward()
                optimizer.step()
            }
            return model.parameters.map(\.tensor.data) + model.buffers.map(\.values)
        }
        let first = train(), second = train()
        #expect(first == second)
    }
}
