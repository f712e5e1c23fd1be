import Autograd
import Testing
import TestSupport

@Suite("pooling")
struct PoolingTests {
    static func apply(_ golden: TorchOpGoldens.Pool, _ x: Tensor) -> Tensor {
        switch golden.kind {
        case "max": x.maxPool2d(kernel: golden.kernel!, stride: golden.stride!, padding: golden.padding!)
        case "avg": x.avgPool2d(kernel: golden.kernel!, stride: golden.stride!, padding: golden.padding!)
        default: x.adaptiveAvgPool2d(outHeight: golden.output_size![0], outWidth: golden.output_size![1])
        }
    }

    @Test("forward and backward match PyTorch", arguments: 0..<8)
    func golden(index: Int) throws {
        let golden = try TorchOpGoldens.load().pool[index]
        let x = golden.x.tensor(requiresGrad: true)
        let y = Self.apply(golden, x)
        #expect(y.shape == golden.output.shape, "\(golden.kind) \(index)")
        expectTorchClose(y.data, golden.output.data, "\(golden.kind) \(index) output")
        y.backward(gradient: golden.upstream.data)
        expectTorchClose(x.grad ?? [], golden.grads[0].data, "\(golden.kind) \(index) grad")
    }

    @Test("gradients agree with finite differences", arguments: 0..<8)
    func finiteDifferences(index: Int) throws {
        let golden = try TorchOpGoldens.load().pool[index]
        // Distinct values spaced ≥ 0.05 apart (a shuffled ramp), so a ±1e-2 step never changes
        // which element of a max-pooling window wins.
        var g = SplitMix64(seed: UInt64(60 + index))
        let n = golden.x.data.count
        var ramp = (0..<n).map { Float($0) * 0.05 - Float(n) * 0.025 }
        for i in stride(from: n - 1, to: 0, by: -1) { ramp.swapAt(i, Int(g.next() % UInt64(i + 1))) }
        let x = Tensor(shape: golden.x.shape, data: ramp, requiresGrad: true)
        expectGradientsMatch([x]) { Self.apply(golden, $0[0]) }
    }

    @Test("global adaptive pooling is the plane mean")
    func globalMean() {
        let x = Tensor(shape: [1, 2, 2, 2], data: [1, 2, 3, 4, 10, 20, 30, 40])
        #expect(x.adaptiveAvgPool2d(outHeight: 1, outWidth: 1).data == [2.5, 25])
    }
}
