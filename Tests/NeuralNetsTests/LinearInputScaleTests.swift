import Autograd
import NeuralNets
import Testing
import TestSupport

@Suite("Linear with an input scale")
struct LinearInputScaleTests {
    /// `layer(x, inputScale: s)` folds s into the weight; scaling x first and applying the layer
    /// (element-wise multiply, then linear, each checked against PyTorch elsewhere) is the
    /// independent route. Both give the same values and gradients up to rounding.
    @Test("layer(x, inputScale: s) equals layer(x * s), values and gradients of x, weight, bias and s")
    func foldedScaleEqualsScaledInput() {
        var g = SplitMix64(seed: 81)
        let layer = Linear(inFeatures: 12, outFeatures: 5, bias: true, name: "fc", generator: &g)
        let xValues = (0..<(4 * 3 * 12)).map { _ in Float(Double(g.next() >> 11) * 0x1p-53) * 4 - 2 }
        let scale = Tensor(shape: [12], data: (0..<12).map { Float($0) / 11 }, requiresGrad: true)
        let upstream = (0..<(4 * 3 * 5)).map { _ in Float(Double(g.next() >> 11) * 0x1p-53) - 0.5 }

        func run(_ folded: Bool) -> (out: [Float], grads: [[Float]]) {
            for t in [layer.weight.tensor, layer.bias!.tensor, scale] { t.grad = nil }
            let x = Tensor(shape: [4, 3, 12], data: xValues, requiresGrad: true)
            let y = folded ? layer(x, inputScale: scale) : layer(x * scale)
            y.backward(gradient: upstream)
            return (y.data, [x.grad!, layer.weight.tensor.grad!, layer.bias!.tensor.grad!, scale.grad!])
        }
        let (folded, reference) = (run(true), run(false))
        expectTorchClose(folded.out, reference.out, "output")
        for (name, (a, b)) in zip(["x", "weight", "bias", "scale"], zip(folded.grads, reference.grads)) {
            expectTorchClose(a, b, "gradient of \(name)")
        }
    }
}
