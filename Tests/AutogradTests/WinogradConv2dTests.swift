import Autograd
import Testing
import TestSupport

/// `conv2d` with a 3x3 kernel at stride 1 and padding 1 runs Winograd's F(2x2, 3x3) (`winogradConv2d`; the forward
/// only from 128 channels on): checked
/// against the correlation's definition in Double, forward and backward, on odd and even image sizes, and for
/// independence of its tile chunking. (Finite differences and the torch goldens: `Conv2dTests`; whole backbones:
/// the torchvision parity tests.)
@Suite("conv2d, 3x3 stride 1 padding 1 (Winograd F(2x2, 3x3))")
struct WinogradConv2dTests {
    /// Input, weight and bias gradients of the correlation from its definition, in Double:
    /// dx[n,c,iy,ix] = Σ g[n,o,y,x] w[o,c,iy−y+1,ix−x+1], dw[o,c,i,j] = Σ g[n,o,y,x] x[n,c,y+i−1,x+j−1], db[o] = Σ g.
    static func referenceGradients(_ x: Tensor, _ w: Tensor, upstream g: [Float]) -> (x: [Float], w: [Float], b: [Float]) {
        let (n, c, h, wd) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let o = w.shape[0]
        var dx = [Double](repeating: 0, count: x.count), dw = [Double](repeating: 0, count: w.count)
        var db = [Double](repeating: 0, count: o)
        for b in 0..<n {
            for oc in 0..<o {
                for y in 0..<h {
                    for xx in 0..<wd {
                        let gv = Double(g[((b * o + oc) * h + y) * wd + xx])
                        db[oc] += gv
                        for ic in 0..<c {
                            for i in 0..<3 {
                                for j in 0..<3 {
                                    let iy = y + i - 1, ix = xx + j - 1
                                    guard iy >= 0, iy < h, ix >= 0, ix < wd else { continue }
                                    let xi = ((b * c + ic) * h + iy) * wd + ix, wi = ((oc * c + ic) * 3 + i) * 3 + j
                                    dx[xi] += gv * Double(w.data[wi])
                                    dw[wi] += gv * Double(x.data[xi])
                                }
                            }
                        }
                    }
                }
            }
        }
        return (dx.map(Float.init), dw.map(Float.init), db.map(Float.init))
    }

    /// Channels 20: the forward runs im2col, the backward Winograd; channels 128 (`winogradForwardMinimumChannels`):
    /// both Winograd.
    @Test("forward and backward match the definition in Double",
          arguments: [(9, 7, 20), (8, 8, 20), (7, 6, 20), (1, 1, 20), (2, 5, 20), (7, 6, 128), (8, 8, 128), (1, 3, 128)])
    func definition(height: Int, width: Int, channels: Int) {
        var g = SplitMix64(seed: UInt64(100 * height + width + channels))
        let x = randomTensor([3, channels, height, width], &g, requiresGrad: true)
        let w = randomTensor([channels, channels, 3, 3], &g, requiresGrad: true)
        let b = randomTensor([channels], &g, requiresGrad: true)
        let upstream = g.values(3 * channels * height * width)
        let y = Tensor.conv2d(x, weight: w, bias: b, stride: 1, padding: 1)
        #expect(y.shape == [3, channels, height, width])
        // Sums of up to 9·C products of magnitude < 1 (C = 128: 1,152, typical size ~10), plus the transforms'
        // additions and halvings: float32 rounding of a few 1e-5 at most; 1e-4 absolute leaves room, and a
        // wrong tap, sign, edge or chunk shows as an error of order 0.1 or more.
        expectClose(y.data, Conv2dTests.reference(x, w, b, stride: 1, padding: 1), rel: 0, abs: 1e-4, "output")
        y.backward(gradient: upstream)
        let reference = Self.referenceGradients(x, w, upstream: upstream)
        expectClose(x.grad ?? [], reference.x, rel: 0, abs: 1e-4, "grad x")
        expectClose(w.grad ?? [], reference.w, rel: 1e-5, abs: 1e-4, "grad weight")
        expectClose(b.grad ?? [], reference.b, rel: 1e-5, abs: 1e-4, "grad bias")
    }

    @Test("gradients accumulate into existing ones (the second convolution of one input adds its input gradient)",
          arguments: [(7, 7), (14, 14), (6, 5)])
    func accumulates(height: Int, width: Int) {
        var g = SplitMix64(seed: 77)
        let x = randomTensor([2, 16, height, width], &g, requiresGrad: true)
        let w = randomTensor([8, 16, 3, 3], &g, requiresGrad: true)
        let w2 = randomTensor([8, 16, 3, 3], &g)
        let upstream = g.values(2 * 8 * height * width)
        let y = Tensor.conv2d(x, weight: w, stride: 1, padding: 1) + Tensor.conv2d(x, weight: w2, stride: 1, padding: 1)
        y.backward(gradient: upstream)
        let first = Self.referenceGradients(x, w, upstream: upstream), second = Self.referenceGradients(x, w2, upstream: upstream)
        expectClose(x.grad ?? [], zip(first.x, second.x).map { $0 + $1 }, rel: 0, abs: 4e-5, "grad x")
        expectClose(w.grad ?? [], first.w, rel: 1e-5, abs: 4e-5, "grad weight")
    }

    @Test("a batch whose tile chunks cross image boundaries equals image-by-image convolution, forward and backward")
    func chunking() {
        var g = SplitMix64(seed: 9)
        // 128 channels (the forward is Winograd too) at 7x7: 4 tile rows per image, 30 per chunk (4 chunks for 30
        // images), so chunks start mid-image; one image alone is a single chunk.
        let x = randomTensor([30, 128, 7, 7], &g, requiresGrad: true)
        let w = randomTensor([128, 128, 3, 3], &g, requiresGrad: true)
        let upstream = g.values(30 * 128 * 49)
        let y = Tensor.conv2d(x, weight: w, stride: 1, padding: 1)
        y.backward(gradient: upstream)
        let imageSize = 128 * 49, outSize = 128 * 49
        let w1 = Tensor(shape: w.shape, data: w.data, requiresGrad: true)
        var outputs = [Float](), gradX = [Float]()
        for n in 0..<30 {
            let xn = Tensor(shape: [1, 128, 7, 7], data: Array(x.data[(n * imageSize)..<((n + 1) * imageSize)]), requiresGrad: true)
            let yn = Tensor.conv2d(xn, weight: w1, stride: 1, padding: 1)
            outputs += yn.data
            yn.backward(gradient: Array(upstream[(n * outSize)..<((n + 1) * outSize)]))
            gradX += xn.grad ?? []
        }
        // Per tile the same arithmetic; the products' widths differ, so BLAS may round differently.
        expectClose(y.data, outputs, rel: 1e-5, abs: 2e-5, "output")
        expectClose(x.grad ?? [], gradX, rel: 1e-5, abs: 2e-5, "grad x")
        expectClose(w.grad ?? [], w1.grad ?? [], rel: 1e-5, abs: 2e-4, "grad weight")
    }
}
