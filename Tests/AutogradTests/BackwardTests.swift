import Foundation
import Autograd
import Testing
import TestSupport

@Suite("Reverse-mode graph")
struct BackwardTests {
    @Test("ops on tensors without requiresGrad record no graph")
    func noGraphWithoutGrad() {
        let a = Tensor(shape: [2, 2], data: [1, 2, 3, 4])
        let b = Tensor(shape: [2], data: [1, 1])
        let y = (a + b).relu().sum()
        #expect(!y.requiresGrad)
        #expect(y.isLeaf)
        #expect(y.item() == 14)  // (2 + 3 + 4 + 5)
    }

    @Test("a tensor used twice gets both contributions: d/dx (x·x + x) = 2x + 1")
    func diamond() {
        let x = Tensor(shape: [3], data: [0.5, -2, 3], requiresGrad: true)
        (x * x + x).sum().backward()
        #expect(x.grad == [2, -3, 7])
    }

    @Test("leaf gradients accumulate across backward calls; intermediate gradients are freed")
    func accumulation() {
        let x = Tensor(shape: [2], data: [1, -1], requiresGrad: true)
        let w = Tensor(shape: [2], data: [3, 4], requiresGrad: true)
        let product = x * w
        let loss = product.sum()
        loss.backward()
        #expect(x.grad == [3, 4])
        #expect(w.grad == [1, -1])
        #expect(product.grad == nil)
        #expect(loss.grad == nil)
        loss.backward()
        #expect(x.grad == [6, 8])
        #expect(w.grad == [2, -2])
    }

    @Test("only inputs that require a gradient receive one")
    func partialRequiresGrad() {
        let x = Tensor(shape: [2], data: [1, 2], requiresGrad: true)
        let c = Tensor(shape: [2], data: [5, 7])
        (x * c).sum().backward()
        #expect(x.grad == [5, 7])
        #expect(c.grad == nil)
    }

    @Test("backward(gradient:) gives the vector-Jacobian product")
    func vectorJacobian() {
        let x = Tensor(shape: [3], data: [1, 2, 3], requiresGrad: true)
        let y = x * x  // Jacobian diag(2x)
        y.backward(gradient: [1, 10, 100])
        #expect(x.grad == [2, 40, 600])
    }

    @Test("the graph is released with the output: no global tape keeps tensors alive")
    func graphLifetime() {
        weak var intermediate: Tensor?
        let x = Tensor(shape: [4], data: [1, 2, 3, 4], requiresGrad: true)
        do {
            let hidden = (x * x).relu()
            intermediate = hidden
            let loss = hidden.mean()
            loss.backward()
            #expect(intermediate != nil)
        }
        #expect(intermediate == nil)
        #expect(x.grad == [0.5, 1, 1.5, 2])  // d/dx mean(x²) = 2x / 4
    }

    @Test("a chain of 20 000 ops back-propagates without recursion")
    func deepChain() {
        let x = Tensor(shape: [1], data: [1], requiresGrad: true)
        let one = Tensor(shape: [1], data: [1])
        var y = x
        for _ in 0..<20_000 { y = (y + one).reshaped([1]) }
        y.sum().backward()
        #expect(y.item() == 20_001)
        #expect(x.grad == [1])
    }

    @Test("custom op: hand-written backward gets the output gradient; nil entries and non-grad inputs are skipped")
    func customOp() {
        let x = Tensor(shape: [3], data: [1, -2, 0.5], requiresGrad: true)
        let c = Tensor(shape: [3], data: [2, 2, 2])
        var calls = 0
        // y = x³ + c, written as a custom op; dy/dx = 3x², no gradient for c.
        let y = Tensor.custom([x, c], outputShape: [3], outputData: zip(x.data, c.data).map { $0 * $0 * $0 + $1 }) { g in
            calls += 1
            return [zip(g, x.data).map { $0 * 3 * $1 * $1 }, nil]
        }
        #expect(y.requiresGrad)
        (y * Tensor(shape: [3], data: [1, 2, 3])).sum().backward()
        #expect(calls == 1)
        #expect(x.grad == [3, 24, 2.25])
        #expect(c.grad == nil)

        let frozen = Tensor(shape: [1], data: [4])
        let z = Tensor.custom([frozen], outputShape: [], outputData: [16]) { _ in
            Issue.record("backward of an op without grad inputs must not run")
            return [nil]
        }
        #expect(!z.requiresGrad)
    }

    @Test("custom op gradient agrees with finite differences through a larger graph")
    func customOpFiniteDifference() {
        var g = SplitMix64(seed: 5)
        let x = randomTensor([2, 3], &g, requiresGrad: true)
        let w = randomTensor([3, 2], &g, requiresGrad: true)
        expectGradientsMatch([x, w]) { t in
            let h = Tensor.matmul(t[0], t[1])
            // Element-wise sin as a custom op.
            let saved = h.data.map { Double($0) }
            let s = Tensor.custom([h], outputShape: h.shape, outputData: saved.map { Float(sin($0)) }) { grad in
                [zip(grad, saved).map { Float(Double($0) * cos($1)) }]
            }
            return s * s
        }
    }
}
