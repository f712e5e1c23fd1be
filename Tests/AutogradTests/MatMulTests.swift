import Foundation
import Autograd
import Testing
import TestSupport

@Suite("matmul")
struct MatMulTests {
    /// Σ_k a[i,k]·b[k,j] in Double, straight from the definition.
    static func reference(_ a: Tensor, _ b: Tensor, row i: Int, column j: Int) -> Double {
        let k = a.shape[1], n = b.shape[1]
        return (0..<k).reduce(0.0) { $0 + Double(a.data[i * k + $1]) * Double(b.data[$1 * n + j]) }
    }

    @Test("forward matches the definition (small, by hand)")
    func handComputed() {
        let a = Tensor(shape: [2, 3], data: [1, 2, 3, 4, 5, 6])
        let b = Tensor(shape: [3, 2], data: [7, 8, 9, 10, 11, 12])
        // [1·7+2·9+3·11, 1·8+2·10+3·12; 4·7+5·9+6·11, 4·8+5·10+6·12]
        #expect(Tensor.matmul(a, b).data == [58, 64, 139, 154])
        #expect(Tensor.matmul(a, b).shape == [2, 2])
    }

    @Test("a product large enough for two BLAS threads is the definition (sampled entries) and repeats bit for bit")
    func largeProduct() {
        var g = SplitMix64(seed: 1)
        let m = 300, k = 700, n = 800  // 2·m·k·n = 0.336 GFLOP ≥ the two-thread threshold
        #expect(BLASThreads.count(forFlops: 2 * m * k * n) == 2)
        let a = randomTensor([m, k], &g), b = randomTensor([k, n], &g)
        let c = Tensor.matmul(a, b)
        for _ in 0..<40 {
            let i = Int(g.next() % UInt64(m)), j = Int(g.next() % UInt64(n))
            let expected = Self.reference(a, b, row: i, column: j)
            // Sum of 700 products of magnitude < 1 in Float32: error well below 1e-4.
            #expect(abs(Double(c.data[i * n + j]) - expected) < 1e-4)
        }
        #expect(Tensor.matmul(a, b).data == c.data)
    }

    @Test("large products run concurrently with small ones keep their bits (the thread count is per product)")
    func concurrentProducts() {
        var g = SplitMix64(seed: 12)
        let a = randomTensor([300, 700], &g), b = randomTensor([700, 800], &g)
        let small = randomTensor([20, 30], &g), smallRight = randomTensor([30, 10], &g)
        let expected = Tensor.matmul(a, b).data
        let expectedSmall = Tensor.matmul(small, smallRight).data
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            if i % 2 == 0 {
                results.record(Tensor.matmul(a, b).data == expected)
            } else {
                for _ in 0..<300 { results.record(Tensor.matmul(small, smallRight).data == expectedSmall) }
            }
        }
        #expect(results.all)
    }

    /// Collects booleans from concurrent closures.
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Bool] = []
        func record(_ value: Bool) { lock.lock(); values.append(value); lock.unlock() }
        var all: Bool { lock.lock(); defer { lock.unlock() }; return !values.isEmpty && values.allSatisfy { $0 } }
    }

    @Test("BLAS thread choice: 1 below 0.3 GFLOP per call, 2 from there on")
    func threadChoice() {
        #expect(BLASThreads.count(forFlops: 2 * 64 * 1568 * 20) == 1)
        #expect(BLASThreads.count(forFlops: 299_999_999) == 1)
        #expect(BLASThreads.count(forFlops: 300_000_000) == 2)
    }

    @Test("gradients agree with finite differences", arguments: [(1, 1, 1), (3, 4, 5), (7, 2, 6)])
    func finiteDifferences(m: Int, k: Int, n: Int) {
        var g = SplitMix64(seed: UInt64(m * 100 + k * 10 + n))
        let a = randomTensor([m, k], &g, requiresGrad: true)
        let b = randomTensor([k, n], &g, requiresGrad: true)
        expectGradientsMatch([a, b]) { Tensor.matmul($0[0], $0[1]) }
    }
}
