import Autograd
import Foundation
import Testing
import TestSupport

/// `Tensor.windowAttention` (MaxViT's relative-position multi-head attention core): the forward against the formula
/// evaluated naively in Double, and both gradients against finite differences.
@Suite struct WindowAttentionTests {
    /// softmax(scale · q kᵀ + bias[h]) v per window and head, from the definition, in Double.
    static func naive(_ qkv: [Float], windows: Int, tokens p: Int, channels c: Int, heads: Int, bias: [Float], scale: Double) -> [Double] {
        let d = c / heads, width = 3 * c
        var out = [Double](repeating: 0, count: windows * p * c)
        for w in 0..<windows {
            for h in 0..<heads {
                func at(_ i: Int, _ part: Int, _ k: Int) -> Double { Double(qkv[(w * p + i) * width + part * c + h * d + k]) }
                for i in 0..<p {
                    var scores = (0..<p).map { j in
                        scale * (0..<d).reduce(0.0) { $0 + at(i, 0, $1) * at(j, 1, $1) } + Double(bias[(h * p + i) * p + j])
                    }
                    let top = scores.max()!
                    scores = scores.map { exp($0 - top) }
                    let total = scores.reduce(0, +)
                    for k in 0..<d {
                        out[(w * p + i) * c + h * d + k] = (0..<p).reduce(0.0) { $0 + scores[$1] / total * at($1, 2, k) }
                    }
                }
            }
        }
        return out
    }

    @Test("forward equals softmax(scale q kᵀ + bias) v per window and head")
    func forwardMatchesDefinition() {
        var g = SplitMix64(seed: 31)
        let (windows, p, c, heads) = (6, 5, 8, 2)
        let qkv = randomTensor([2, 3, p, 3 * c], &g)
        let bias = randomTensor([heads, p, p], &g)
        let out = Tensor.windowAttention(qkv, bias: bias, heads: heads, scale: 0.7)
        #expect(out.shape == [2, 3, p, c])
        let expected = Self.naive(qkv.data, windows: windows, tokens: p, channels: c, heads: heads, bias: bias.data, scale: 0.7)
        #expect(zip(out.data, expected).allSatisfy { abs(Double($0) - $1) <= 1e-6 + 1e-5 * abs($1) })
    }

    @Test("gradients of qkv and the bias match finite differences")
    func gradients() {
        var g = SplitMix64(seed: 32)
        let qkv = randomTensor([3, 4, 12], &g, requiresGrad: true)
        let bias = randomTensor([2, 4, 4], &g, requiresGrad: true)
        expectGradientsMatch([qkv, bias]) { Tensor.windowAttention($0[0], bias: $0[1], heads: 2, scale: 0.5) }
    }

    @Test("only the bias requires a gradient: qkv gets none, the bias gets the same as with both")
    func biasOnly() {
        var g = SplitMix64(seed: 33)
        let values = g.values(3 * 4 * 12)
        let qkv = Tensor(shape: [3, 4, 12], data: values)
        let bias = randomTensor([2, 4, 4], &g, requiresGrad: true)
        expectGradientsMatch([bias]) { Tensor.windowAttention(qkv, bias: $0[0], heads: 2, scale: 0.5) }
        #expect(qkv.grad == nil)
    }
}
