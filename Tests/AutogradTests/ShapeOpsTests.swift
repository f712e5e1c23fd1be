import Autograd
import Testing
import TestSupport

@Suite("reshape, flatten, permute")
struct ShapeOpsTests {
    @Test("reshaped keeps row-major order and resolves -1")
    func reshape() {
        let x = Tensor(shape: [2, 3], data: [0, 1, 2, 3, 4, 5])
        let y = x.reshaped([3, -1])
        #expect(y.shape == [3, 2])
        #expect(y.data == x.data)
        #expect(x.reshaped([-1]).shape == [6])
    }

    @Test("flattened(fromAxis:) collapses the trailing axes")
    func flatten() {
        let x = Tensor(zeros: [2, 4, 7, 7])
        #expect(x.flattened(fromAxis: 1).shape == [2, 196])
        #expect(x.flattened(fromAxis: 0).shape == [392])
        #expect(x.flattened(fromAxis: 3).shape == [2, 4, 7, 7])
    }

    @Test("permuted moves element [a, b, c] to [c, a, b] for axes (2, 0, 1)")
    func permuteIndexMapping() {
        let x = Tensor(shape: [2, 3, 4], data: (0..<24).map(Float.init))
        let y = x.permuted([2, 0, 1])
        #expect(y.shape == [4, 2, 3])
        for a in 0..<2 {
            for b in 0..<3 {
                for c in 0..<4 {
                    #expect(y.data[(c * 2 + a) * 3 + b] == x.data[(a * 3 + b) * 4 + c])
                }
            }
        }
    }

    @Test("HQNN patch extraction: [B,1,14,14] → [B,7,2,7,2] → permute (0,1,3,2,4) → patch 8 of image 0 is rows 2–3, columns 2–3")
    func patchExtraction() {
        let image = Tensor(shape: [1, 1, 14, 14], data: (0..<196).map(Float.init))
        let patches = image.reshaped([1, 7, 2, 7, 2]).permuted([0, 1, 3, 2, 4]).reshaped([49, 4])
        // Pixel (r, c) holds 14r + c; patch 8 = (row 1, column 1) of the 7×7 grid.
        #expect(Array(patches.data[32..<36]) == [30, 31, 44, 45])
    }

    @Test("gradients pass through reshape, flatten and permute (finite differences)")
    func finiteDifferences() {
        var g = SplitMix64(seed: 6)
        let x = randomTensor([2, 3, 4, 2], &g, requiresGrad: true)
        let w = randomTensor([24], &g)
        expectGradientsMatch([x]) { $0[0].permuted([3, 1, 0, 2]) }
        expectGradientsMatch([x]) { $0[0].reshaped([6, 8]).permuted([1, 0]) * Tensor(shape: [8, 1], data: Array(w.data[0..<8])) }
        expectGradientsMatch([x]) { $0[0].flattened(fromAxis: 1) * $0[0].flattened(fromAxis: 1) }
    }
}
