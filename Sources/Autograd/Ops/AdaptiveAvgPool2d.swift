extension Tensor {
    /// Adaptive average pooling over [N, C, H, W] to [N, C, outHeight, outWidth], like
    /// `torch.nn.functional.adaptive_avg_pool2d`: output row `i` averages input rows
    /// `⌊i·H/oh⌋ ..< ⌈(i+1)·H/oh⌉` (likewise columns), so windows may differ in size and
    /// overlap. `[1, 1]` is global average pooling. Backward spreads `g / window size` over
    /// each window.
    /// - Precondition: rank 4 and output extents in `1...` the input extents.
    public func adaptiveAvgPool2d(outHeight: Int, outWidth: Int) -> Tensor {
        precondition(rank == 4, "adaptiveAvgPool2d input must be [N, C, H, W], got \(shape)")
        let height = shape[2], width = shape[3], planes = shape[0] * shape[1]
        precondition(outHeight >= 1 && outWidth >= 1 && outHeight <= height && outWidth <= width,
                     "adaptiveAvgPool2d output \(outHeight)x\(outWidth) must be between 1x1 and the input's \(height)x\(width)")
        func bounds(_ i: Int, _ outExtent: Int, _ extent: Int) -> Range<Int> {
            (i * extent / outExtent)..<(((i + 1) * extent + outExtent - 1) / outExtent)
        }
        var out = [Float](repeating: 0, count: planes * outHeight * outWidth)
        data.withUnsafeBufferPointer { x in
            for plane in 0..<planes {
                let src = x.baseAddress! + plane * height * width
                for oy in 0..<outHeight {
                    let rows = bounds(oy, outHeight, height)
                    for ox in 0..<outWidth {
                        let cols = bounds(ox, outWidth, width)
                        var total: Float = 0
                        for iy in rows { for ix in cols { total += src[iy * width + ix] } }
                        out[(plane * outHeight + oy) * outWidth + ox] = total / Float(rows.count * cols.count)
                    }
                }
            }
        }
        return Tensor(shape: [shape[0], shape[1], outHeight, outWidth], data: out, inputs: [self]) { [self] g in
            accumulateGrad { t in
                for plane in 0..<planes {
                    let dst = t.baseAddress! + plane * height * width
                    for oy in 0..<outHeight {
                        let rows = bounds(oy, outHeight, height)
                        for ox in 0..<outWidth {
                            let cols = bounds(ox, outWidth, width)
                            let v = g[(plane * outHeight + oy) * outWidth + ox] / Float(rows.count * cols.count)
                            for iy in rows { for ix in cols { dst[iy * width + ix] += v } }
                        }
                    }
                }
            }
        }
    }
}
