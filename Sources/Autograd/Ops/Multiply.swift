extension Tensor {
    /// Element-wise `a * b` with NumPy broadcasting (for example a per-channel scale
    /// `[N, C, H, W] * [C, 1, 1]`). Backward: `da = g * b`, `db = g * a`, each summed over
    /// the axes along which that operand was broadcast.
    public static func * (a: Tensor, b: Tensor) -> Tensor {
        let plan = Broadcast(a.shape, b.shape)
        var out = [Float](repeating: 0, count: plan.shape.reduce(1, *))
        a.data.withUnsafeBufferPointer { pa in
            b.data.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { po in
                    let x = pa.baseAddress!, y = pb.baseAddress!, z = po.baseAddress!
                    plan.forEachRun { o, ia, ib, n, sa, sb in
                        switch (sa, sb) {
                        case (1, 1): for i in 0..<n { z[o + i] = x[ia + i] * y[ib + i] }
                        case (1, _): let v = y[ib]; for i in 0..<n { z[o + i] = x[ia + i] * v }
                        case (_, 1): let v = x[ia]; for i in 0..<n { z[o + i] = v * y[ib + i] }
                        default: let v = x[ia] * y[ib]; for i in 0..<n { z[o + i] = v }
                        }
                    }
                }
            }
        }
        return Tensor(shape: plan.shape, data: out, inputs: [a, b]) { g in
            if a.requiresGrad {
                a.accumulateGrad { ga in
                    b.data.withUnsafeBufferPointer { plan.multiplyReduce(g, by: $0, into: ga, operand: 0) }
                }
            }
            if b.requiresGrad {
                b.accumulateGrad { gb in
                    a.data.withUnsafeBufferPointer { plan.multiplyReduce(g, by: $0, into: gb, operand: 1) }
                }
            }
        }
    }
}

extension Broadcast {
    /// Adds `gradient * other` (result-shaped, `other` broadcast from the other operand) into
    /// the gradient of operand `operand`, summing over the axes that operand was broadcast along.
    func multiplyReduce(_ gradient: UnsafeBufferPointer<Float>, by other: UnsafeBufferPointer<Float>,
                        into target: UnsafeMutableBufferPointer<Float>, operand: Int) {
        let g = gradient.baseAddress!, y = other.baseAddress!, t = target.baseAddress!
        forEachRun { o, ia, ib, n, sa, sb in
            let (offset, step) = operand == 0 ? (ia, sa) : (ib, sb)
            let (otherOffset, otherStep) = operand == 0 ? (ib, sb) : (ia, sa)
            switch (step, otherStep) {
            case (1, 1): for i in 0..<n { t[offset + i] += g[o + i] * y[otherOffset + i] }
            case (1, _): let v = y[otherOffset]; for i in 0..<n { t[offset + i] += g[o + i] * v }
            case (_, 1):
                t[offset] += VectorKernels.dot(g + o, y + otherOffset, count: n)
            default:
                t[offset] += VectorKernels.sum(UnsafeBufferPointer(start: g + o, count: n)) * y[otherOffset]
            }
        }
    }
}
