import Autograd
import Foundation
import Testing
import TestSupport

/// `fixtures/torch/wkv_goldens.json`, written by `fixtures/generators/torch_wkv_goldens.py`
/// (torch 2.13.0+cpu, float32): the authors' stable WKV loop and its autograd gradients.
private struct WKVGoldens: Decodable {
    struct Case: Decodable {
        let name: String
        let k, v, time_decay, time_first, upstream, output: TorchGoldens.Values
        let grads: [TorchGoldens.Values]
    }
    let cases: [Case]
}

/// The WKV sum written out term by term in Double (no running state, no max trick):
/// y_t = (Σ_{i<t} e^{k_i − (t−1−i)w} v_i + e^{u+k_t} v_t) / (Σ_{i<t} e^{k_i − (t−1−i)w} + e^{u+k_t}),
/// w = exp(timeDecay). An independent reference for the fused, stabilised Float32 op.
private func directWKV(k: [Double], v: [Double], timeDecay: [Double], timeFirst: [Double],
                       batch: Int, steps: Int, channels: Int) -> [Double] {
    var y = [Double](repeating: 0, count: k.count)
    for b in 0..<batch {
        for c in 0..<channels {
            let w = exp(timeDecay[c]), u = timeFirst[c]
            for t in 0..<steps {
                let own = exp(u + k[(b * steps + t) * channels + c])
                var numerator = own * v[(b * steps + t) * channels + c], denominator = own
                for i in 0..<t {
                    let e = exp(k[(b * steps + i) * channels + c] - Double(t - 1 - i) * w)
                    numerator += e * v[(b * steps + i) * channels + c]
                    denominator += e
                }
                y[(b * steps + t) * channels + c] = numerator / denominator
            }
        }
    }
    return y
}

@Suite struct WKVTests {
    @Test(arguments: ["moderate", "extreme"])
    func matchesTheAuthorsLoopUnderTorchAutograd(_ name: String) throws {
        let goldens = try Fixtures.json(WKVGoldens.self, "torch/wkv_goldens.json")
        let golden = try #require(goldens.cases.first { $0.name == name })
        let inputs = [golden.k, golden.v, golden.time_decay, golden.time_first].map { $0.tensor(requiresGrad: true) }
        let y = Tensor.wkv(key: inputs[0], value: inputs[1], timeDecay: inputs[2], timeFirst: inputs[3])
        expectTorchClose(y.data, golden.output.data, "\(name) output")
        y.backward(gradient: golden.upstream.data)
        for (i, label) in ["k", "v", "time_decay", "time_first"].enumerated() {
            expectTorchClose(inputs[i].grad ?? [], golden.grads[i].data, "\(name) gradient of \(label)")
        }
    }

    /// Central differences of the Double reference (step 1e-5: truncation ~h²·f‴ ≈ 1e-10, rounding
    /// ~1e-16/h ≈ 1e-11, both far below Float32 resolution) against the op's Float32 gradients.
    @Test func gradientsMatchFiniteDifferencesOfTheDirectSum() {
        let (batch, steps, channels) = (2, 7, 9)
        var generator = SplitMix64(seed: 5)
        func normal(_ n: Int, _ scale: Double, _ shift: Double = 0) -> [Float] {
            generator.values(n).map { Float(shift + scale * Double($0)) }
        }
        let k = normal(batch * steps * channels, 2), v = normal(batch * steps * channels, 1)
        let decay = normal(channels, 1, -1), first = normal(channels, 1)
        let projection = generator.values(batch * steps * channels).map(Double.init)
        let tensors = [Tensor(shape: [batch, steps, channels], data: k, requiresGrad: true),
                       Tensor(shape: [batch, steps, channels], data: v, requiresGrad: true),
                       Tensor(shape: [channels], data: decay, requiresGrad: true),
                       Tensor(shape: [channels], data: first, requiresGrad: true)]
        let y = Tensor.wkv(key: tensors[0], value: tensors[1], timeDecay: tensors[2], timeFirst: tensors[3])
        var inputs = [k, v, decay, first].map { $0.map(Double.init) }
        let reference = directWKV(k: inputs[0], v: inputs[1], timeDecay: inputs[2], timeFirst: inputs[3],
                                  batch: batch, steps: steps, channels: channels)
        expectTorchClose(y.data, reference.map(Float.init), "forward vs direct sum")
        y.backward(gradient: projection.map(Float.init))

        func objective() -> Double {
            let out = directWKV(k: inputs[0], v: inputs[1], timeDecay: inputs[2], timeFirst: inputs[3],
                                batch: batch, steps: steps, channels: channels)
            return zip(out, projection).reduce(0) { $0 + $1.0 * $1.1 }
        }
        let h = 1e-5
        for (n, label) in ["k", "v", "time_decay", "time_first"].enumerated() {
            var numeric = [Float](repeating: 0, count: inputs[n].count)
            for j in inputs[n].indices {
                let original = inputs[n][j]
                inputs[n][j] = original + h
                let up = objective()
                inputs[n][j] = original - h
                let down = objective()
                inputs[n][j] = original
                numeric[j] = Float((up - down) / (2 * h))
            }
            expectTorchClose(tensors[n].grad ?? [], numeric, "gradient of \(label) vs finite differences")
        }
    }

    /// Rows are independent: each row of a batch that spans several parallel chunks gives
    /// exactly (bitwise) what it gives alone.
    @Test func rowsAreIndependentOfTheirChunk() {
        let (batch, steps, channels) = (9, 5, 13)
        var generator = SplitMix64(seed: 8)
        let k = generator.values(batch * steps * channels), v = generator.values(batch * steps * channels)
        let decay = Tensor(shape: [channels], data: generator.values(channels))
        let first = Tensor(shape: [channels], data: generator.values(channels))
        let all = Tensor.wkv(key: Tensor(shape: [batch, steps, channels], data: k),
                             value: Tensor(shape: [batch, steps, channels], data: v),
                             timeDecay: decay, timeFirst: first)
        let row = steps * channels
        for b in [0, 4, 8] {
            let alone = Tensor.wkv(key: Tensor(shape: [1, steps, channels], data: Array(k[(b * row)..<((b + 1) * row)])),
                                   value: Tensor(shape: [1, steps, channels], data: Array(v[(b * row)..<((b + 1) * row)])),
                                   timeDecay: decay, timeFirst: first)
            #expect(Array(all.data[(b * row)..<((b + 1) * row)]) == alone.data, "row \(b)")
        }
    }
}
