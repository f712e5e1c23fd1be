import Foundation

extension Tensor {
    /// The RWKV-4 WKV recurrence (time mixing's attention substitute) as one fused op, in the
    /// numerically stable form of the Vision-QRWKV code: for each row b and channel c, with
    /// decay rate `w = exp(timeDecay[c])` and bonus `u = timeFirst[c]`,
    ///
    ///     y_t = (Σ_{i<t} e^{k_i − (t−1−i)w}·v_i + e^{u+k_t}·v_t) / (Σ_{i<t} e^{k_i − (t−1−i)w} + e^{u+k_t})
    ///
    /// evaluated with the running state (a, b, p) = (0, 0, −1e38) per row:
    /// `q = max(p, u+k_t)`, `y_t = (e^{p−q}a + e^{u+k_t−q}v_t) / (e^{p−q}b + e^{u+k_t−q})`, then
    /// `q' = max(p−w, k_t)`, `a ← e^{p−w−q'}a + e^{k_t−q'}v_t`, `b ← e^{p−w−q'}b + e^{k_t−q'}`, `p ← q'`.
    ///
    /// Backward (hand-written, stable the same way; see `WKVKernel.backward`): gradients for
    /// `key`, `value`, `timeDecay` (through `w = exp(timeDecay)`) and `timeFirst`.
    /// Sequential over T, vectorised over channels, parallel over fixed chunks of rows.
    /// - Parameters:
    ///   - key: k, `[B, T, C]`.
    ///   - value: v, `[B, T, C]`.
    ///   - timeDecay: `[C]`; the per-step decay factor is `e^{−exp(timeDecay)}`.
    ///   - timeFirst: u, `[C]`, the bonus of the current token.
    /// - Returns: `[B, T, C]`.
    /// - Precondition: shapes as above.
    public static func wkv(key: Tensor, value: Tensor, timeDecay: Tensor, timeFirst: Tensor) -> Tensor {
        precondition(key.rank == 3 && value.shape == key.shape,
                     "wkv key and value must both be [B, T, C], got \(key.shape) and \(value.shape)")
        let channels = key.shape[2]
        precondition(timeDecay.shape == [channels] && timeFirst.shape == [channels],
                     "wkv timeDecay and timeFirst must be [\(channels)], got \(timeDecay.shape) and \(timeFirst.shape)")
        let shape = WKVKernel.Shape(batch: key.shape[0], steps: key.shape[1], channels: channels)
        let rate = timeDecay.data.map { expf($0) }
        let out = VectorKernels.array(count: key.count) { y in
            key.data.withUnsafeBufferPointer { k in
                value.data.withUnsafeBufferPointer { v in
                    rate.withUnsafeBufferPointer { w in
                        timeFirst.data.withUnsafeBufferPointer { u in
                            guard let k = k.baseAddress, let v = v.baseAddress, let w = w.baseAddress,
                                  let u = u.baseAddress, let y = y.baseAddress else { return }
                            WKVKernel.forward(shape, k: k, v: v, w: w, u: u, y: y)
                        }
                    }
                }
            }
        }
        let output = out
        return Tensor(shape: key.shape, data: out, inputs: [key, value, timeDecay, timeFirst]) { g in
            // Written in full by the kernel, so they start uninitialised.
            var dk = VectorKernels.array(count: key.count) { _ in }, dv = VectorKernels.array(count: key.count) { _ in }
            var dw = [Float](repeating: 0, count: channels), du = dw
            key.data.withUnsafeBufferPointer { k in
                value.data.withUnsafeBufferPointer { v in
                    rate.withUnsafeBufferPointer { w in
                        timeFirst.data.withUnsafeBufferPointer { u in
                            output.withUnsafeBufferPointer { y in
                                dk.withUnsafeMutableBufferPointer { dk in
                                    dv.withUnsafeMutableBufferPointer { dv in
                                        dw.withUnsafeMutableBufferPointer { dw in
                                            du.withUnsafeMutableBufferPointer { du in
                                                guard let k = k.baseAddress, let v = v.baseAddress,
                                                      let w = w.baseAddress, let u = u.baseAddress,
                                                      let y = y.baseAddress, let g = g.baseAddress,
                                                      let dk = dk.baseAddress, let dv = dv.baseAddress,
                                                      let dw = dw.baseAddress, let du = du.baseAddress else { return }
                                                WKVKernel.backward(shape, k: k, v: v, w: w, u: u, y: y, g: g,
                                                                   dk: dk, dv: dv, dw: dw, du: du)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if key.requiresGrad { key.accumulateGrad(adopting: dk) }
            if value.requiresGrad { value.accumulateGrad(adopting: dv) }
            if timeDecay.requiresGrad {
                // d/d(timeDecay) = d/dw · dw/d(timeDecay) = d/dw · w.
                timeDecay.accumulateGrad { t in for c in 0..<channels { t[c] += dw[c] * rate[c] } }
            }
            if timeFirst.requiresGrad { timeFirst.accumulateGrad { t in du.withUnsafeBufferPointer { VectorKernels.add(from: $0, into: t) } } }
        }
    }
}
