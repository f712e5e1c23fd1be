import Autograd
import Models
import NeuralNets
import Testing
import TestSupport

@Suite struct RWKVBlockTests {
    /// `lastToken(x)` skips every row but the last after the recurrence; the full block followed
    /// by a slice of the last token is the independent route. Values and the gradients of the
    /// input and of every parameter must agree up to rounding, classical and quantum, both forms.
    @Test(arguments: [false, true])
    func lastTokenEqualsTheFullBlocksLastRow(quantum: Bool) {
        for form in VisionQRWKVConfiguration.Form.allCases {
            let configuration = VisionQRWKVConfiguration(quantum: quantum, form: form, embedding: 12, blocks: 1,
                                                         heads: 3, intermediate: 20, qubits: 3, depth: 1)
            var g = SplitMix64(seed: 91)
            let block = RWKVBlock(configuration, name: "block", generator: &g)
            let (batch, steps, c) = (3, 5, 12)
            let values = (0..<(batch * steps * c)).map { _ in Float(Double(g.next() >> 11) * 0x1p-53) * 4 - 2 }
            let upstream = (0..<(batch * c)).map { _ in Float(Double(g.next() >> 11) * 0x1p-53) - 0.5 }

            func run(_ useLastToken: Bool) -> (out: [Float], grads: [[Float]]) {
                for parameter in block.parameters { parameter.tensor.grad = nil }
                let x = Tensor(shape: [batch, steps, c], data: values, requiresGrad: true)
                let y = useLastToken
                    ? block.lastToken(x)
                    : block(x).slice(axis: 1, (steps - 1)..<steps).reshaped([batch, c])
                y.backward(gradient: upstream)
                return (y.data, [x.grad ?? []] + block.parameters.map { $0.tensor.grad ?? [] })
            }
            let (fast, reference) = (run(true), run(false))
            expectTorchClose(fast.out, reference.out, "\(form) quantum \(quantum) output")
            let names = ["x"] + block.parameters.map(\.name)
            for (name, (a, b)) in zip(names, zip(fast.grads, reference.grads)) {
                expectTorchClose(a, b, "\(form) quantum \(quantum) gradient of \(name)")
            }
        }
    }
}
