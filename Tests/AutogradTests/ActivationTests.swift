import Autograd
import Testing
import TestSupport

@Suite("activations")
struct ActivationTests {
    static let ops: [String: (Tensor) -> Tensor] = [
        "relu_squared": { $0.squaredReLU() },
        "gelu": { $0.gelu() },
        "gelu_tanh": { $0.gelu(approximation: .tanh) },
        "sigmoid": { $0.sigmoid() },
        "tanh": { $0.tanh() },
        "silu": { $0.silu() },
        "softmax": { $0.softmax() },
        "log_softmax": { $0.logSoftmax() },
    ]

    @Test("forward and backward match PyTorch", arguments: ["relu_squared", "gelu", "gelu_tanh", "sigmoid", "tanh", "silu", "softmax", "log_softmax"])
    func golden(name: String) throws {
        let golden = try #require(try TorchOpGoldens.load().unary.first { $0.name == name })
        let op = try #require(Self.ops[name])
        let x = golden.x.tensor(requiresGrad: true)
        let y = op(x)
        #expect(y.shape == golden.output.shape)
        expectTorchClose(y.data, golden.output.data, "\(name) output")
        y.backward(gradient: golden.upstream.data)
        expectTorchClose(x.grad ?? [], golden.grads[0].data, "\(name) grad")
    }

    @Test("gradients agree with finite differences", arguments: ["relu_squared", "gelu", "gelu_tanh", "sigmoid", "tanh", "silu", "softmax", "log_softmax"])
    func finiteDifferences(name: String) throws {
        let op = try #require(Self.ops[name])
        var g = SplitMix64(seed: 41)
        // Away from 0 so the squared ReLU's kink (where its second derivative jumps) is never straddled.
        let x = Tensor(shape: [3, 5], data: g.valuesAwayFromZero(15, minMagnitude: 0.05).map { $0 * 3 }, requiresGrad: true)
        expectGradientsMatch([x]) { op($0[0]) }
    }

    @Test("softmax of huge logits stays finite and sums to one per row")
    func softmaxStable() {
        // exp(1000) overflows Float; the max-shifted form gives e^0 / (e^0 + e^-1) etc.
        let y = Tensor(shape: [1, 2], data: [1000, 999]).softmax()
        let expected: Float = 1 / (1 + 0.36787944)
        expectClose(y.data, [expected, 1 - expected], rel: 1e-6, abs: 0, "softmax")
    }
}
