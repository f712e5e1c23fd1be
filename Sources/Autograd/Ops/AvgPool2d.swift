extension Tensor {
    /// 2-D average pooling over [N, C, H, W], like `torch.nn.functional.avg_pool2d` with its
    /// defaults (floor mode, `count_include_pad` true): each output is the sum of its window's
    /// input values divided by `kernel²`, zero padding counted. Backward spreads `g / kernel²`
    /// over the window's in-image positions.
    /// - Precondition: as `maxPool2d`.
    public func avgPool2d(kernel: Int, stride: Int? = nil, padding: Int = 0) -> Tensor {
        let window = PoolWindow(shape, kernel: kernel, stride: stride ?? kernel, padding: padding, op: "avgPool2d")
        let scale = 1 / Float(kernel * kernel)
        var out = [Float](repeating: 0, count: window.outCount)
        data.withUnsafeBufferPointer { x in
            for plane in 0..<window.planes {
                let src = x.baseAddress! + plane * window.height * window.width
                for oy in 0..<window.outHeight {
                    let rows = window.range(oy, extent: window.height)
                    for ox in 0..<window.outWidth {
                        let cols = window.range(ox, extent: window.width)
                        var total: Float = 0
                        for iy in rows { for ix in cols { total += src[iy * window.width + ix] } }
                        out[(plane * window.outHeight + oy) * window.outWidth + ox] = total * scale
                    }
                }
            }
        }
        return Tensor(shape: window.outShape, data: out, inputs: [self]) { [self] g in
            accumulateGrad { t in
                for plane in 0..<window.planes {
                    let dst = t.baseAddress! + plane * window.height * window.width
                    for oy in 0..<window.outHeight {
                        let rows = window.range(oy, extent: window.height)
                        for ox in 0..<window.outWidth {
                            let v = g[(plane * window.outHeight + oy) * window.outWidth + ox] * scale
                            for iy in rows { for ix in window.range(ox, extent: window.width) { dst[iy * window.width + ix] += v } }
                        }
                    }
                }
            }
        }
    }
}
