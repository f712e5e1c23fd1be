extension Tensor {
    /// Element-wise `a + b` with NumPy broadcasting (for example `[N, C, H, W] + [C, 1, 1]`
    /// adds a per-channel bias). The gradient of a broadcast operand is the sum of the
    /// result's gradient over the axes it was stretched along.
    public static func + (a: Tensor, b: Tensor) -> Tensor {
        if a.shape == b.shape, a.count > 0 { return addSameShape(a, b) }
        let plan = Broadcast(a.shape, b.shape)
        var out = [Float](repeating: 0, count: plan.shape.reduce(1, *))
        a.data.withUnsafeBufferPointer { pa in
            b.data.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { po in
                    let x = pa.baseAddress!, y = pb.baseAddress!, z = po.baseAddress!
                    plan.forEachRun { o, ia, ib, n, sa, sb in
                        switch (sa, sb) {
                        case (1, 1): for i in 0..<n { z[o + i] = x[ia + i] + y[ib + i] }
                        case (1, _): let v = y[ib]; for i in 0..<n { z[o + i] = x[ia + i] + v }
                        case (_, 1): let v = x[ia]; for i in 0..<n { z[o + i] = v + y[ib + i] }
                        default: let v = x[ia] + y[ib]; for i in 0..<n { z[o + i] = v }
                        }
                    }
                }
            }
        }
        return Tensor(shape: plan.shape, data: out, inputs: [a, b]) { g in
            if a.requiresGrad { a.accumulateGrad { ga in plan.reduce(g, into: ga, operand: 0) } }
            if b.requiresGrad { b.accumulateGrad { gb in plan.reduce(g, into: gb, operand: 1) } }
        }
    }
}

extension Tensor {
    /// `a + b` for equal shapes (residual connections): no zero fill of the result, and a
    /// gradient reaching an operand for the first time is written rather than added to zeros.
    /// Bitwise the same as the broadcasting path: that path adds `g` to a zero-filled buffer,
    /// and writing `0 + g` gives the same bits (including `+0` for a `−0` gradient).
    private static func addSameShape(_ a: Tensor, _ b: Tensor) -> Tensor {
        let count = a.count
        let out = VectorKernels.array(count: count) { po in
            a.data.withUnsafeBufferPointer { pa in
                b.data.withUnsafeBufferPointer { pb in
                    let x = pa.baseAddress!, y = pb.baseAddress!, z = po.baseAddress!
                    for i in 0..<count { z[i] = x[i] + y[i] }
                }
            }
        }
        return Tensor(shape: a.shape, data: out, inputs: [a, b]) { g in
            for operand in [a, b] where operand.requiresGrad {
                operand.writeOrAccumulateGrad { t, fresh in
                    let d = t.baseAddress!, dy = g.baseAddress!
                    if fresh {
                        for i in 0..<count { d[i] = 0 + dy[i] }
                    } else {
                        for i in 0..<count { d[i] += dy[i] }
                    }
                }
            }
        }
    }
}

extension Broadcast {
    /// Adds the result-shaped `gradient` into an operand's gradient (`operand` 0 is the
    /// first operand), summing over the axes that operand was broadcast along.
    func reduce(_ gradient: UnsafeBufferPointer<Float>, into target: UnsafeMutableBufferPointer<Float>, operand: Int) {
        let g = gradient.baseAddress!, t = target.baseAddress!
        forEachRun { o, ia, ib, n, sa, sb in
            let offset = operand == 0 ? ia : ib
            if (operand == 0 ? sa : sb) == 1 {
                for i in 0..<n { t[offset + i] += g[o + i] }
            } else {
                t[offset] += VectorKernels.sum(UnsafeBufferPointer(start: g + o, count: n))
            }
        }
    }
}
