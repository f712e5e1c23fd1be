extension Tensor {
    /// 2-D max pooling over [N, C, H, W], like `torch.nn.functional.max_pool2d` (dilation 1,
    /// floor mode): window `kernel`×`kernel` every `stride` (default `kernel`) positions, the
    /// input padded with −∞ by `padding` → [N, C, H', W'], `H' = (H + 2p − k) / s + 1`.
    /// Backward routes each output's gradient to the first maximum of its window (row-major
    /// order, as PyTorch).
    /// - Precondition: rank 4, `kernel >= 1`, `stride >= 1`, `0 <= padding <= kernel / 2`,
    ///   and the padded input at least as large as the kernel.
    public func maxPool2d(kernel: Int, stride: Int? = nil, padding: Int = 0) -> Tensor {
        let window = PoolWindow(shape, kernel: kernel, stride: stride ?? kernel, padding: padding, op: "maxPool2d")
        var out = [Float](repeating: 0, count: window.outCount)
        var argmax = [Int32](repeating: 0, count: window.outCount)
        data.withUnsafeBufferPointer { x in
            for plane in 0..<window.planes {
                let src = x.baseAddress! + plane * window.height * window.width
                for oy in 0..<window.outHeight {
                    let rows = window.range(oy, extent: window.height)
                    for ox in 0..<window.outWidth {
                        let cols = window.range(ox, extent: window.width)
                        var best = -Float.infinity, bestIndex = rows.lowerBound * window.width + cols.lowerBound
                        for iy in rows {
                            for ix in cols where src[iy * window.width + ix] > best || src[iy * window.width + ix].isNaN {
                                best = src[iy * window.width + ix]
                                bestIndex = iy * window.width + ix
                                if best.isNaN { break }
                            }
                        }
                        let o = (plane * window.outHeight + oy) * window.outWidth + ox
                        out[o] = best
                        argmax[o] = Int32(bestIndex)
                    }
                }
            }
        }
        return Tensor(shape: window.outShape, data: out, inputs: [self]) { [self] g in
            accumulateGrad { t in
                let planeIn = window.height * window.width, planeOut = window.outHeight * window.outWidth
                for plane in 0..<window.planes {
                    for p in 0..<planeOut {
                        t[plane * planeIn + Int(argmax[plane * planeOut + p])] += g[plane * planeOut + p]
                    }
                }
            }
        }
    }
}

/// The geometry of a square pooling window over the last two axes of [N, C, H, W].
struct PoolWindow {
    let planes: Int, height: Int, width: Int
    let kernel: Int, stride: Int, padding: Int
    let outHeight: Int, outWidth: Int
    let outShape: [Int]
    var outCount: Int { planes * outHeight * outWidth }

    init(_ shape: [Int], kernel: Int, stride: Int, padding: Int, op: String) {
        precondition(shape.count == 4, "\(op) input must be [N, C, H, W], got \(shape)")
        precondition(kernel >= 1 && stride >= 1 && padding >= 0 && 2 * padding <= kernel,
                     "\(op) needs kernel >= 1, stride >= 1, 0 <= padding <= kernel/2; got kernel \(kernel), stride \(stride), padding \(padding)")
        precondition(shape[2] + 2 * padding >= kernel && shape[3] + 2 * padding >= kernel,
                     "\(op) kernel \(kernel)x\(kernel) larger than padded input \(shape)")
        planes = shape[0] * shape[1]; height = shape[2]; width = shape[3]
        self.kernel = kernel; self.stride = stride; self.padding = padding
        outHeight = (height + 2 * padding - kernel) / stride + 1
        outWidth = (width + 2 * padding - kernel) / stride + 1
        outShape = [shape[0], shape[1], outHeight, outWidth]
    }

    /// The input indices of output position `o` along an axis of `extent`, clipped to the input.
    @inline(__always)
    func range(_ o: Int, extent: Int) -> Range<Int> {
        let start = o * stride - padding
        return max(0, start)..<min(extent, start + kernel)
    }
}
