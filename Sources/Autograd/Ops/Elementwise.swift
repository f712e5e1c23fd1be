extension Tensor {
    /// The element-wise op `y = forward(x)` whose derivative is `derivative(x, y)`; the
    /// shared machinery of the activations (each defined in its own file).
    @inline(__always)
    func elementwise(_ forward: (Float) -> Float, derivative: @escaping (Float, Float) -> Float) -> Tensor {
        var out = [Float](repeating: 0, count: count)
        data.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { y in
                for i in 0..<x.count { y[i] = forward(x[i]) }
            }
        }
        let saved = out
        return Tensor(shape: shape, data: out, inputs: [self]) { [self] g in
            accumulateGrad { t in
                data.withUnsafeBufferPointer { x in
                    saved.withUnsafeBufferPointer { y in
                        for i in 0..<t.count { t[i] += g[i] * derivative(x[i], y[i]) }
                    }
                }
            }
        }
    }
}
