import Autograd
import Testing
import TestSupport

@Suite("batched matmul")
struct BatchedMatMulTests {
    struct Golden: Decodable {
        struct Case: Decodable {
            let name: String
            let a, b, upstream, output, grad_a, grad_b: TorchGoldens.Values
        }
        let cases: [Case]
    }

    @Test("forward and backward match torch.matmul (batched; 2-D b broadcast; 2-D a broadcast)", arguments: 0..<3)
    func golden(index: Int) throws {
        let golden = try Fixtures.json(Golden.self, "torch/batched_matmul.json").cases[index]
        let a = golden.a.tensor(requiresGrad: true), b = golden.b.tensor(requiresGrad: true)
        let y = Tensor.batchedMatmul(a, b)
        #expect(y.shape == golden.output.shape)
        expectTorchClose(y.data, golden.output.data, "\(golden.name) output")
        y.backward(gradient: golden.upstream.data)
        expectTorchClose(a.grad ?? [], golden.grad_a.data, "\(golden.name) grad a")
        expectTorchClose(b.grad ?? [], golden.grad_b.data, "\(golden.name) grad b")
    }

    @Test("gradients agree with finite differences", arguments: [[3, 4, 5, 2], [2, 3, 4, 0], [2, 3, 4, 1]])
    func finiteDifferences(shape: [Int]) {
        // [B, M, K, layout]: layout 0 both operands 3-D, 1 a 2-D b (broadcast), 2 a 2-D a.
        var g = SplitMix64(seed: UInt64(shape.reduce(0, +)))
        let (batch, m, k) = (shape[0], shape[1], shape[2])
        let aShape = shape[3] == 2 ? [m, k] : [batch, m, k]
        let bShape = shape[3] == 1 ? [k, 3] : [batch, k, 3]
        let a = randomTensor(aShape, &g, requiresGrad: true), b = randomTensor(bShape, &g, requiresGrad: true)
        expectGradientsMatch([a, b]) { Tensor.batchedMatmul($0[0], $0[1]) }
    }

    @Test("each batch entry equals the 2-D matmul of its slices, bit for bit, also when entries run concurrently")
    func entriesAreMatmuls() {
        var g = SplitMix64(seed: 21)
        let a = randomTensor([16, 8, 32], &g), b = randomTensor([16, 32, 24], &g)
        let y = Tensor.batchedMatmul(a, b)
        for i in 0..<16 {
            let ai = Tensor(shape: [8, 32], data: Array(a.data[(i * 256)..<((i + 1) * 256)]))
            let bi = Tensor(shape: [32, 24], data: Array(b.data[(i * 768)..<((i + 1) * 768)]))
            #expect(Array(y.data[(i * 192)..<((i + 1) * 192)]) == Tensor.matmul(ai, bi).data)
        }
    }
}
