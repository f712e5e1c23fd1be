import Autograd
import Testing
import TestSupport

@Suite("relu, add, multiply")
struct ElementwiseTests {
    @Test("relu forward, and gradient 1 for x > 0, 0 for x ≤ 0 (PyTorch's choice at 0)")
    func reluByHand() {
        let x = Tensor(shape: [4], data: [-1, 0, 0.5, 2], requiresGrad: true)
        let y = x.relu()
        #expect(y.data == [0, 0, 0.5, 2])
        (y * Tensor(shape: [4], data: [10, 20, 30, 40])).sum().backward()
        #expect(x.grad == [0, 0, 30, 40])
    }

    @Test("relu gradient agrees with finite differences (inputs away from the kink)")
    func reluFiniteDifferences() {
        var g = SplitMix64(seed: 7)
        let x = Tensor(shape: [3, 5], data: g.valuesAwayFromZero(15, minMagnitude: 0.05), requiresGrad: true)
        expectGradientsMatch([x]) { $0[0].relu() }
    }

    @Test("broadcast add by hand: [2, 3] + [3] and [2, 1] + [1, 3]")
    func broadcastAddByHand() {
        let a = Tensor(shape: [2, 3], data: [1, 2, 3, 4, 5, 6])
        #expect((a + Tensor(shape: [3], data: [10, 20, 30])).data == [11, 22, 33, 14, 25, 36])
        let column = Tensor(shape: [2, 1], data: [100, 200]), row = Tensor(shape: [1, 3], data: [1, 2, 3])
        let sum = column + row
        #expect(sum.shape == [2, 3])
        #expect(sum.data == [101, 102, 103, 201, 202, 203])
        #expect((Tensor(scalar: 2) * a).data == [2, 4, 6, 8, 10, 12])
    }

    @Test("NCHW per-channel bias: out[n,c,h,w] = x[n,c,h,w] + b[c], gradient of b sums over n, h, w")
    func channelBias() {
        var g = SplitMix64(seed: 9)
        let x = randomTensor([2, 3, 4, 5], &g, requiresGrad: true)
        let b = Tensor(shape: [3, 1, 1], data: [1, 2, 3], requiresGrad: true)
        let y = x + b
        for i in 0..<120 {
            #expect(y.data[i] == x.data[i] + b.data[(i / 20) % 3])
        }
        y.sum().backward()
        #expect(b.grad == [40, 40, 40])  // 2 images × 4 × 5 positions
    }

    @Test("add and multiply gradients agree with finite differences under broadcasting",
          arguments: [([2, 3, 4, 5], [3, 1, 1]), ([4, 5], [5]), ([3, 1], [1, 4]), ([2, 3], []), ([6], [6]),
                      ([1, 3, 1], [2, 1, 4]), ([70], [1])])
    func broadcastFiniteDifferences(shapeA: [Int], shapeB: [Int]) {
        var g = SplitMix64(seed: UInt64(shapeA.count * 10 + shapeB.count))
        let a = randomTensor(shapeA, &g, requiresGrad: true)
        let b = randomTensor(shapeB, &g, requiresGrad: true)
        expectGradientsMatch([a, b]) { $0[0] + $0[1] }
        expectGradientsMatch([a, b]) { $0[0] * $0[1] }
        expectGradientsMatch([a, b]) { $0[1] * $0[0] }
    }

    @Test("multiply by hand with broadcasting, forward and gradients")
    func multiplyByHand() {
        let a = Tensor(shape: [2, 2], data: [1, 2, 3, 4], requiresGrad: true)
        let s = Tensor(shape: [2], data: [10, -1], requiresGrad: true)
        let y = a * s
        #expect(y.data == [10, -2, 30, -4])
        y.sum().backward()
        #expect(a.grad == [10, -1, 10, -1])
        #expect(s.grad == [4, 6])  // column sums of a
    }
}
