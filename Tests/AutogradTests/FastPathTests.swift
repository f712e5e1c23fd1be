import Autograd
import Testing
import TestSupport

/// The specialised kernels behind the CNN's speed (2x2 max pooling, fused BatchNorm + ReLU,
/// shifted-block im2col, 1x1 convolutions) against independent definitions or the general
/// code paths they replace.
@Suite("fast paths")
struct FastPathTests {
    /// Max pooling 2x2 / stride 2 by its definition: the first maximum in row-major order of
    /// each window (PyTorch's rule), written out here without any shared code.
    static func referenceMaxPool(_ x: Tensor) -> (values: [Float], argmax: [Int]) {
        let planes = x.shape[0] * x.shape[1], h = x.shape[2], w = x.shape[3], oh = h / 2, ow = w / 2
        var values: [Float] = [], argmax: [Int] = []
        for p in 0..<planes {
            for oy in 0..<oh {
                for ox in 0..<ow {
                    var best = -Float.infinity, at = p * h * w + 2 * oy * w + 2 * ox
                    for (dy, dx) in [(0, 0), (0, 1), (1, 0), (1, 1)] {
                        let i = p * h * w + (2 * oy + dy) * w + 2 * ox + dx
                        if x.data[i] > best { best = x.data[i]; at = i }
                    }
                    values.append(best)
                    argmax.append(at)
                }
            }
        }
        return (values, argmax)
    }

    @Test("2x2 max pooling: values and gradient routing by definition, with ties and odd sizes",
          arguments: [[2, 3, 28, 28], [1, 2, 7, 9], [3, 1, 14, 14], [1, 1, 2, 34]])
    func maxPoolTies(shape: [Int]) {
        var g = SplitMix64(seed: UInt64(shape.reduce(0, +)))
        // Values from a set of 4 levels with many zeros (like ReLU outputs): ties are frequent.
        let count = shape.reduce(1, *)
        let data = (0..<count).map { _ in [Float(0), 0, 0.5, 1, -0.0][Int(g.next() % 5)] }
        let x = Tensor(shape: shape, data: data, requiresGrad: true)
        let y = x.maxPool2d(kernel: 2)
        let reference = Self.referenceMaxPool(x)
        #expect(y.data == reference.values)
        let upstream = g.values(y.count)
        y.backward(gradient: upstream)
        var expected = [Float](repeating: 0, count: count)
        for (o, i) in reference.argmax.enumerated() { expected[i] += upstream[o] }
        #expect(x.grad == expected)
    }

    @Test("2x2 max pooling of a plane with NaN takes the general path: NaN wins its window, other planes unaffected")
    func maxPoolNaN() {
        var g = SplitMix64(seed: 5)
        var data = g.values(2 * 4 * 4)
        data[5] = .nan  // plane 0, row 1, column 1: window (0, 0)
        let x = Tensor(shape: [1, 2, 4, 4], data: data, requiresGrad: true)
        let y = x.maxPool2d(kernel: 2)
        #expect(y.data[0].isNaN)
        #expect(y.data[1...].allSatisfy { !$0.isNaN })
        let clean = Tensor(shape: [1, 1, 4, 4], data: Array(data[16...]))
        #expect(Array(y.data[4...]) == Self.referenceMaxPool(clean).values)
        y.backward(gradient: [Float](repeating: 1, count: 8))
        #expect(x.grad?[5] == 1)
    }

    @Test("fused BatchNorm + ReLU equals batchNorm then relu bit for bit (values, gradients, running statistics)",
          arguments: [true, false])
    func fusedBatchNormReLU(training: Bool) {
        var g = SplitMix64(seed: training ? 11 : 12)
        let xData = g.values(8 * 3 * 5 * 5), wData = g.values(3, 0.5, 1.5), bData = g.values(3)
        let upstream = g.values(8 * 3 * 5 * 5)
        func run(fused: Bool) -> (y: [Float], gx: [Float], gw: [Float], gb: [Float], stats: [Float]) {
            let x = Tensor(shape: [8, 3, 5, 5], data: xData, requiresGrad: true)
            let w = Tensor(shape: [3], data: wData, requiresGrad: true)
            let b = Tensor(shape: [3], data: bData, requiresGrad: true)
            var mean: [Float] = [0.1, -0.2, 0.3], variance: [Float] = [1, 2, 0.5]
            let y = fused
                ? Tensor.batchNormReLU(x, weight: w, bias: b, runningMean: &mean, runningVariance: &variance, training: training)
                : Tensor.batchNorm(x, weight: w, bias: b, runningMean: &mean, runningVariance: &variance, training: training).relu()
            y.backward(gradient: upstream)
            return (y.data, x.grad ?? [], w.grad ?? [], b.grad ?? [], mean + variance)
        }
        let fused = run(fused: true), separate = run(fused: false)
        #expect(fused.y == separate.y)
        #expect(fused.gx == separate.gx)
        #expect(fused.gw == separate.gw)
        #expect(fused.gb == separate.gb)
        #expect(fused.stats == separate.stats)
        #expect(fused.y.contains(0) && fused.y.contains { $0 > 0 })
    }

    @Test("fused BatchNorm + ReLU gradients agree with finite differences")
    func fusedFiniteDifferences() {
        // The first seed whose pre-activations all stay 0.05 away from the ReLU's kink (a ±1e-2
        // step moves one by at most ~0.03), so the finite differences see a smooth function.
        let w = Tensor(shape: [2], data: [0.8, 1.3], requiresGrad: true)
        let b = Tensor(shape: [2], data: [0.05, -0.1], requiresGrad: true)
        var seed: UInt64 = 13, x = Tensor(zeros: [4, 2, 3, 3])
        while true {
            var g = SplitMix64(seed: seed)
            x = Tensor(shape: [4, 2, 3, 3], data: g.values(72), requiresGrad: true)
            var mean: [Float] = [0, 0], variance: [Float] = [1, 1]
            let pre = Tensor.batchNorm(x.detached(), weight: w.detached(), bias: b.detached(),
                                       runningMean: &mean, runningVariance: &variance, training: true)
            if pre.data.allSatisfy({ abs($0) > 0.05 }) { break }
            seed += 1
        }
        expectGradientsMatch([x, w, b]) {
            var mean: [Float] = [0, 0], variance: [Float] = [1, 1]
            return Tensor.batchNormReLU($0[0], weight: $0[1], bias: $0[2], runningMean: &mean, runningVariance: &variance,
                                        training: true)
        }
    }

    @Test("conv2d: 'same' dilated (shifted-block im2col) and 1x1 kernels agree with finite differences",
          arguments: [(3, 2, 2), (1, 0, 1), (5, 2, 1)])
    func convPaths(kernel: Int, padding: Int, dilation: Int) {
        var g = SplitMix64(seed: UInt64(200 + kernel * 10 + dilation))
        let x = randomTensor([5, 3, 6, 7], &g, requiresGrad: true)
        let w = randomTensor([4, 3, kernel, kernel], &g, requiresGrad: true)
        let b = randomTensor([4], &g, requiresGrad: true)
        let y = Tensor.conv2d(x, weight: w, bias: b, padding: padding, dilation: dilation)
        #expect(y.shape == [5, 4, 6, 7])
        // Direct definition of the forward pass.
        var maxError: Float = 0
        for n in 0..<5 { for o in 0..<4 { for oy in 0..<6 { for ox in 0..<7 {
            var sum = b.data[o]
            for c in 0..<3 { for i in 0..<kernel { for j in 0..<kernel {
                let iy = oy - padding + i * dilation, ix = ox - padding + j * dilation
                guard iy >= 0, iy < 6, ix >= 0, ix < 7 else { continue }
                sum += x.data[((n * 3 + c) * 6 + iy) * 7 + ix] * w.data[((o * 3 + c) * kernel + i) * kernel + j]
            } } }
            maxError = max(maxError, abs(sum - y.data[((n * 4 + o) * 6 + oy) * 7 + ox]))
        } } } }
        // At most 3·25 products of magnitude < 1 summed in Float32.
        #expect(maxError < 1e-5)
        expectGradientsMatch([x, w, b]) { Tensor.conv2d($0[0], weight: $0[1], bias: $0[2], padding: padding, dilation: dilation) }
    }
}
