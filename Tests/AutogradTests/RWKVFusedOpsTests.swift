import Autograd
import Foundation
import Testing
import TestSupport

/// The vectorised RWKV ops (`sigmoidGate`, exact `gelu`, chunked `layerNorm`) against
/// formulas evaluated here in Double, and their gradients against finite differences.
/// Sizes are chosen to leave partial eight-lane groups and to span several parallel chunks.
@Suite("RWKV fused ops")
struct RWKVFusedOpsTests {
    @Test("sigmoidGate is x / (1 + e^−gate), with dgate = g·x·s(1 − s) and dx = g·s")
    func sigmoidGateMatchesFormula() {
        var g = SplitMix64(seed: 71)
        // 70,013 elements: two parallel chunks of 65,536 (the element grain) and a partial lane group.
        let count = 70_013
        let gateValues = g.values(count, -9, 9), xValues = g.values(count)
        let gate = Tensor(shape: [count], data: gateValues, requiresGrad: true)
        let x = Tensor(shape: [count], data: xValues, requiresGrad: true)
        let y = Tensor.sigmoidGate(gate, x)
        let upstream = g.values(count)
        y.backward(gradient: upstream)
        var expected: [Float] = [], expectedGate: [Float] = [], expectedX: [Float] = []
        for i in 0..<count {
            let s = 1 / (1 + Foundation.exp(-Double(gateValues[i])))
            expected.append(Float(Double(xValues[i]) * s))
            expectedGate.append(Float(Double(upstream[i]) * Double(xValues[i]) * s * (1 - s)))
            expectedX.append(Float(Double(upstream[i]) * s))
        }
        expectTorchClose(y.data, expected, "output")
        expectTorchClose(gate.grad ?? [], expectedGate, "gate gradient")
        expectTorchClose(x.grad ?? [], expectedX, "x gradient")
    }

    @Test("sigmoidGate gradients agree with finite differences, and accumulate into existing ones")
    func sigmoidGateFiniteDifferences() {
        var g = SplitMix64(seed: 72)
        let gate = Tensor(shape: [3, 7], data: g.values(21, -4, 4), requiresGrad: true)
        let x = Tensor(shape: [3, 7], data: g.values(21), requiresGrad: true)
        expectGradientsMatch([gate, x]) { Tensor.sigmoidGate($0[0], $0[1]) }
        // Used twice, the gradient is the sum of both uses: twice that of one use.
        gate.grad = nil; x.grad = nil
        Tensor.sigmoidGate(gate, x).backward(gradient: [Float](repeating: 1, count: 21))
        let once = (gate.grad!, x.grad!)
        gate.grad = nil; x.grad = nil
        let y = Tensor.sigmoidGate(gate, x)
        (y + y).backward(gradient: [Float](repeating: 1, count: 21))
        #expect(gate.grad! == once.0.map { 2 * $0 } && x.grad! == once.1.map { 2 * $0 })
    }

    @Test("sigmoidGate of extreme gates saturates to 0 and x without overflow")
    func sigmoidGateExtremes() {
        let gate = Tensor(shape: [4], data: [-1000, -90, 90, 1000])
        let y = Tensor.sigmoidGate(gate, Tensor(shape: [4], data: [3, 3, 3, 3]))
        #expect(y.data == [0, 0, 3, 3])
    }

    /// GELU(x) = ½·x·erfc(−x/√2) in Double (erfc keeps the lower tail's relative accuracy);
    /// derivative Φ(x) + x·e^{−x²/2}/√(2π).
    @Test("exact GELU and its derivative follow x·Φ(x) from −12 to 12, tails included")
    func geluMatchesErfc() {
        let values = (0...4800).map { Float(-12 + Double($0) * 0.005) }
        let x = Tensor(shape: [values.count], data: values, requiresGrad: true)
        let y = x.gelu()
        y.backward(gradient: [Float](repeating: 1, count: values.count))
        let cdf = values.map { 0.5 * erfc(-Double($0) / 2.0.squareRoot()) }
        expectTorchClose(y.data, zip(values, cdf).map { Float(Double($0) * $1) }, "GELU")
        expectTorchClose(x.grad ?? [], zip(values, cdf).map { v, c in
            Float(c + Double(v) * Foundation.exp(-Double(v) * Double(v) / 2) / (2 * Double.pi).squareRoot())
        }, "GELU derivative")
    }

    /// 700 rows of 40: three chunks of 409 rows (16,384 elements per chunk), the last partial.
    @Test("layerNorm over several parallel chunks matches the formula in Double")
    func layerNormAcrossChunks() {
        var g = SplitMix64(seed: 73)
        let (rows, width) = (700, 40)
        let xValues = g.values(rows * width, -3, 3), w = g.values(width), b = g.values(width)
        let x = Tensor(shape: [rows, width], data: xValues, requiresGrad: true)
        let weight = Tensor(shape: [width], data: w, requiresGrad: true)
        let bias = Tensor(shape: [width], data: b, requiresGrad: true)
        let y = Tensor.layerNorm(x, weight: weight, bias: bias)
        let upstream = g.values(rows * width)
        y.backward(gradient: upstream)
        var out: [Float] = [], dx: [Float] = []
        var dw = [Double](repeating: 0, count: width), db = dw
        for r in 0..<rows {
            let row = (0..<width).map { Double(xValues[r * width + $0]) }
            let gr = (0..<width).map { Double(upstream[r * width + $0]) }
            let mean = row.reduce(0, +) / Double(width)
            let variance = row.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(width)
            let invStd = 1 / (variance + 1e-5).squareRoot()
            let h = row.map { ($0 - mean) * invStd }
            let gw = (0..<width).map { gr[$0] * Double(w[$0]) }
            let meanGW = gw.reduce(0, +) / Double(width)
            let meanGWH = zip(gw, h).map(*).reduce(0, +) / Double(width)
            for k in 0..<width {
                out.append(Float(h[k] * Double(w[k]) + Double(b[k])))
                dx.append(Float(invStd * (gw[k] - meanGW - h[k] * meanGWH)))
                dw[k] += gr[k] * h[k]
                db[k] += gr[k]
            }
        }
        expectTorchClose(y.data, out, "output")
        expectTorchClose(x.grad ?? [], dx, "x gradient")
        expectTorchClose(weight.grad ?? [], dw.map(Float.init), "weight gradient")
        expectTorchClose(bias.grad ?? [], db.map(Float.init), "bias gradient")
    }

    /// 2,100 rows (three row chunks of 1,024) and 40 output features (two chunks of 32), with a
    /// bias; run twice so the second backward accumulates into the first one's gradients.
    /// Every value is a multiple of 1/8 in [−1, 1], so every product is a multiple of 1/64 and
    /// every sum here (below 2¹⁴ in magnitude) is exact in Float in any order: the results
    /// must equal the Double formulas exactly.
    @Test("parallelLinear matches x·Wᵀ + b and its gradients computed in Double, across chunks, accumulating")
    func parallelLinearMatchesFormula() {
        var g = SplitMix64(seed: 74)
        let (rows, inFeatures, outFeatures) = (2100, 12, 40)
        func eighths(_ count: Int) -> [Float] { (0..<count).map { _ in Float(Int(g.next() % 17) - 8) / 8 } }
        let xValues = eighths(rows * inFeatures), w = eighths(outFeatures * inFeatures), b = eighths(outFeatures)
        let x = Tensor(shape: [3, 700, inFeatures], data: xValues, requiresGrad: true)
        let weight = Tensor(shape: [outFeatures, inFeatures], data: w, requiresGrad: true)
        let bias = Tensor(shape: [outFeatures], data: b, requiresGrad: true)
        let upstream = eighths(rows * outFeatures)
        var y = Tensor.parallelLinear(x, weight: weight, bias: bias)
        #expect(y.shape == [3, 700, outFeatures])
        y.backward(gradient: upstream)
        y = Tensor.parallelLinear(x, weight: weight, bias: bias)
        y.backward(gradient: upstream)
        var out = [Double](repeating: 0, count: rows * outFeatures), dx = [Double](repeating: 0, count: rows * inFeatures)
        var dw = [Double](repeating: 0, count: outFeatures * inFeatures), db = [Double](repeating: 0, count: outFeatures)
        for r in 0..<rows {
            for o in 0..<outFeatures {
                let gro = 2 * Double(upstream[r * outFeatures + o])   // two backward passes
                var sum = Double(b[o])
                for i in 0..<inFeatures {
                    sum += Double(xValues[r * inFeatures + i]) * Double(w[o * inFeatures + i])
                    dx[r * inFeatures + i] += gro * Double(w[o * inFeatures + i])
                    dw[o * inFeatures + i] += gro * Double(xValues[r * inFeatures + i])
                }
                out[r * outFeatures + o] = sum
                db[o] += gro
            }
        }
        #expect(y.data == out.map(Float.init), "output")
        #expect(x.grad == dx.map(Float.init), "x gradient")
        #expect(weight.grad == dw.map(Float.init), "weight gradient")
        #expect(bias.grad == db.map(Float.init), "bias gradient")
    }
}
