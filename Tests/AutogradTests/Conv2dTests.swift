import Autograd
import Testing
import TestSupport

@Suite("conv2d")
struct Conv2dTests {
    /// Direct convolution from the definition, in Double:
    /// out[n,o,y,x] = b[o] + Σ_{c,i,j} w[o,c,i,j] · xpad[n, c, y·s + i − p, x·s + j − p].
    static func reference(_ x: Tensor, _ w: Tensor, _ bias: Tensor?, stride s: Int, padding p: Int) -> [Float] {
        let (n, c, h, wd) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (o, kh, kw) = (w.shape[0], w.shape[2], w.shape[3])
        let oh = (h + 2 * p - kh) / s + 1, ow = (wd + 2 * p - kw) / s + 1
        var out = [Float]()
        out.reserveCapacity(n * o * oh * ow)
        for b in 0..<n {
            for oc in 0..<o {
                for y in 0..<oh {
                    for xx in 0..<ow {
                        var acc = Double(bias?.data[oc] ?? 0)
                        for ic in 0..<c {
                            for i in 0..<kh {
                                for j in 0..<kw {
                                    let iy = y * s + i - p, ix = xx * s + j - p
                                    guard iy >= 0, iy < h, ix >= 0, ix < wd else { continue }
                                    acc += Double(w.data[((oc * c + ic) * kh + i) * kw + j])
                                        * Double(x.data[((b * c + ic) * h + iy) * wd + ix])
                                }
                            }
                        }
                        out.append(Float(acc))
                    }
                }
            }
        }
        return out
    }

    @Test("forward and backward match PyTorch", arguments: 0..<3)
    func golden(index: Int) throws {
        let golden = try TorchGoldens.load().conv2d[index]
        let x = golden.x.tensor(requiresGrad: true)
        let w = golden.weight.tensor(requiresGrad: true)
        let b = golden.bias?.tensor(requiresGrad: true)
        let y = Tensor.conv2d(x, weight: w, bias: b, stride: golden.stride, padding: golden.padding)
        #expect(y.shape == golden.output.shape, "\(golden.name)")
        expectTorchClose(y.data, golden.output.data, "\(golden.name) output")
        y.backward(gradient: golden.upstream.data)
        expectTorchClose(x.grad ?? [], golden.grad_x.data, "\(golden.name) grad x")
        expectTorchClose(w.grad ?? [], golden.grad_weight.data, "\(golden.name) grad weight")
        if let b, let gradBias = golden.grad_bias {
            expectTorchClose(b.grad ?? [], gradBias.data, "\(golden.name) grad bias")
        }
    }

    @Test("forward matches the direct definition",
          arguments: [(1, 0, 2), (2, 0, 2), (1, 2, 5), (2, 2, 5), (2, 1, 3), (3, 2, 3), (1, 1, 3)])
    func directDefinition(stride: Int, padding: Int, kernel: Int) {
        var g = SplitMix64(seed: UInt64(stride * 100 + padding * 10 + kernel))
        let x = randomTensor([2, 3, 9, 8], &g)
        let w = randomTensor([4, 3, kernel, kernel], &g)
        let b = randomTensor([4], &g)
        let y = Tensor.conv2d(x, weight: w, bias: b, stride: stride, padding: padding)
        let oh = (9 + 2 * padding - kernel) / stride + 1, ow = (8 + 2 * padding - kernel) / stride + 1
        #expect(y.shape == [2, 4, oh, ow])
        // 3·k² ≤ 75 products of magnitude < 1: Float32 error well below 1e-5.
        expectClose(y.data, Self.reference(x, w, b, stride: stride, padding: padding), rel: 0, abs: 1e-5, "conv2d")
    }

    @Test("gradients agree with finite differences (stride 1 and 2, padding 0 and 2; stride 1 padding 1 is Winograd's)",
          arguments: [(1, 0), (2, 0), (1, 2), (2, 2), (1, 1)])
    func finiteDifferences(stride: Int, padding: Int) {
        var g = SplitMix64(seed: UInt64(10 * stride + padding))
        let x = randomTensor([2, 2, 6, 5], &g, requiresGrad: true)
        let w = randomTensor([3, 2, 3, 3], &g, requiresGrad: true)
        let b = randomTensor([3], &g, requiresGrad: true)
        expectGradientsMatch([x, w, b]) { Tensor.conv2d($0[0], weight: $0[1], bias: $0[2], stride: stride, padding: padding) }
    }

    @Test("a batch split into parallel chunks equals image-by-image convolution, forward and backward")
    func groupedBatch() {
        var g = SplitMix64(seed: 8)
        // 30 images make 8 chunks of `conv2dImagesPerChunk` = 4 (the last one of 2), run in parallel,
        // whose weight and bias gradients are summed per chunk and then in chunk order. (5x5, HQNN's kernel:
        // a 3x3 at padding 1 would take the Winograd path, tested below.)
        let x = randomTensor([30, 16, 32, 32], &g, requiresGrad: true)
        let w = randomTensor([2, 16, 5, 5], &g, requiresGrad: true)
        let b = randomTensor([2], &g, requiresGrad: true)
        let upstream = g.values(30 * 2 * 32 * 32)
        let y = Tensor.conv2d(x, weight: w, bias: b, stride: 1, padding: 2)
        y.backward(gradient: upstream)

        let imageSize = 16 * 32 * 32, outSize = 2 * 32 * 32
        let w1 = Tensor(shape: w.shape, data: w.data, requiresGrad: true)
        let b1 = Tensor(shape: b.shape, data: b.data, requiresGrad: true)
        var outputs = [Float](), gradX = [Float]()
        for n in 0..<30 {
            let xn = Tensor(shape: [1, 16, 32, 32], data: Array(x.data[(n * imageSize)..<((n + 1) * imageSize)]), requiresGrad: true)
            let yn = Tensor.conv2d(xn, weight: w1, bias: b1, stride: 1, padding: 2)
            outputs += yn.data
            yn.backward(gradient: Array(upstream[(n * outSize)..<((n + 1) * outSize)]))
            gradX += xn.grad ?? []
        }
        // Same sums, but BLAS may order them differently for a different matrix width: rounding only.
        expectClose(y.data, outputs, rel: 1e-5, abs: 1e-5, "output")
        expectClose(x.grad ?? [], gradX, rel: 1e-5, abs: 1e-5, "grad x")
        expectClose(w.grad ?? [], w1.grad ?? [], rel: 1e-5, abs: 1e-4, "grad weight")
        expectClose(b.grad ?? [], b1.grad ?? [], rel: 1e-5, abs: 1e-4, "grad bias")
    }
}
