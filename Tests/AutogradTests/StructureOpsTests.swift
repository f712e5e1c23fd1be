import Autograd
import Testing
import TestSupport

@Suite("concat, slice, split, pad, dropout, embedding")
struct StructureOpsTests {
    @Test("concat along axis 1 by hand: [[1,2],[3,4]] ++ [[5],[6]] = [[1,2,5],[3,4,6]]")
    func concatByHand() {
        let a = Tensor(shape: [2, 2], data: [1, 2, 3, 4]), b = Tensor(shape: [2, 1], data: [5, 6])
        let y = Tensor.concat([a, b], axis: 1)
        #expect(y.shape == [2, 3] && y.data == [1, 2, 5, 3, 4, 6])
    }

    @Test("split undoes concat, and slice picks the middle rows")
    func splitAndSlice() {
        var g = SplitMix64(seed: 1)
        let x = randomTensor([2, 5, 3], &g)
        let parts = x.split([2, 3], axis: 1)
        #expect(parts.map(\.shape) == [[2, 2, 3], [2, 3, 3]])
        #expect(Tensor.concat(parts, axis: 1).data == x.data)
        // Rows 1..<3 of sample 1: elements (1·5 + 1)·3 ..< (1·5 + 3)·3.
        #expect(x.slice(axis: 1, 1..<3).data.suffix(6) == x.data[18..<24])
    }

    @Test("pad by hand: [[1,2]] padded (1,0) rows and (1,2) columns")
    func padByHand() {
        let y = Tensor(shape: [1, 2], data: [1, 2]).padded([(1, 0), (1, 2)])
        #expect(y.shape == [2, 5] && y.data == [0, 0, 0, 0, 0, 0, 1, 2, 0, 0])
    }

    @Test("gradients of concat, slice, pad and embedding agree with finite differences")
    func finiteDifferences() {
        var g = SplitMix64(seed: 2)
        let a = randomTensor([2, 3, 2], &g, requiresGrad: true), b = randomTensor([2, 1, 2], &g, requiresGrad: true)
        expectGradientsMatch([a, b]) { Tensor.concat([$0[0], $0[1]], axis: 1) }
        expectGradientsMatch([a]) { $0[0].slice(axis: 2, 1..<2) }
        expectGradientsMatch([a]) { $0[0].padded([(0, 1), (2, 0), (1, 1)]) }
        let w = randomTensor([4, 3], &g, requiresGrad: true)
        expectGradientsMatch([w]) { Tensor.embedding([3, 0, 3, 1], shape: [2, 2], weight: $0[0]) }
    }

    @Test("dropout: mask from the generator's draws, kept values scaled by 1/(1−p), gradient masked the same")
    func dropout() {
        var g = SplitMix64(seed: 3)
        let x = Tensor(shape: [1000], data: [Float](repeating: 1, count: 1000), requiresGrad: true)
        var replay = g
        let y = x.dropout(probability: 0.25, generator: &g)
        for i in 0..<1000 {
            let kept = Double(replay.next() >> 11) * 0x1p-53 >= 0.25
            #expect(y.data[i] == (kept ? Float(1 / 0.75) : 0))
        }
        let keptCount = y.data.filter { $0 != 0 }.count
        #expect((700...800).contains(keptCount))  // Binomial(1000, 0.75): mean 750, sd 13.7
        y.sum().backward()
        #expect(x.grad == y.data)
    }

    @Test("stochastic depth drops whole samples")
    func stochasticDepth() {
        var g = SplitMix64(seed: 4)
        let x = Tensor(shape: [64, 3], data: [Float](repeating: 1, count: 192))
        let y = x.stochasticDepth(probability: 0.5, generator: &g)
        for n in 0..<64 { #expect(Set(y.data[(3 * n)..<(3 * n + 3)]).count == 1) }
        #expect(Set(y.data) == [0, 2])
    }
}
