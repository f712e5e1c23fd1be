extension Tensor {
    /// `sigmoid(gate) * x` element-wise, as one fused op: RWKV's receptance gating
    /// (`sigmoid(r) * wkv` in time mixing, `sigmoid(r) * v` in channel mixing). It equals
    /// `gate.sigmoid() * x` up to rounding (the logistic is evaluated with a vectorised
    /// exponential) without materialising the sigmoid as a tensor of its own.
    /// Backward, with `s = sigmoid(gate)`: `dgate = g·x·s·(1 − s)`, `dx = g·s`.
    /// - Precondition: `gate` and `x` have the same shape.
    public static func sigmoidGate(_ gate: Tensor, _ x: Tensor) -> Tensor {
        precondition(gate.shape == x.shape, "sigmoidGate needs equal shapes, got \(gate.shape) and \(x.shape)")
        let count = x.count
        var sigmoid = VectorKernels.array(count: count) { _ in }
        let out = VectorKernels.array(count: count) { po in
            gate.data.withUnsafeBufferPointer { pg in
                x.data.withUnsafeBufferPointer { px in
                    sigmoid.withUnsafeMutableBufferPointer { ps in
                        let r = pg.baseAddress!, v = px.baseAddress!, s = ps.baseAddress!, y = po.baseAddress!
                        Parallel.forEachRange(count) { range in
                            for i in range {
                                let sv = FastMath.logistic(r[i])
                                s[i] = sv
                                y[i] = sv * v[i]
                            }
                        }
                    }
                }
            }
        }
        let saved = sigmoid
        return Tensor(shape: x.shape, data: out, inputs: [gate, x]) { g in
            guard count > 0 else { return }
            saved.withUnsafeBufferPointer { ps in
                let s = ps.baseAddress!, dy = g.baseAddress!
                if gate.requiresGrad {
                    gate.writeOrAccumulateGrad { t, fresh in
                        x.data.withUnsafeBufferPointer { px in
                            let v = px.baseAddress!, d = t.baseAddress!
                            Parallel.forEachRange(count) { range in
                                if fresh {
                                    for i in range { d[i] = dy[i] * v[i] * (s[i] * (1 - s[i])) }
                                } else {
                                    for i in range { d[i] += dy[i] * v[i] * (s[i] * (1 - s[i])) }
                                }
                            }
                        }
                    }
                }
                if x.requiresGrad {
                    x.writeOrAccumulateGrad { t, fresh in
                        let d = t.baseAddress!
                        Parallel.forEachRange(count) { range in
                            if fresh {
                                for i in range { d[i] = dy[i] * s[i] }
                            } else {
                                for i in range { d[i] += dy[i] * s[i] }
                            }
                        }
                    }
                }
            }
        }
    }
}
