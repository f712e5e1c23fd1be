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
        let planeIn = window.height * window.width, planeOut = window.outHeight * window.outWidth
        // Planes are independent: the split never changes a result.
        let planesPerChunk = max(1, Parallel.elementGrain / max(1, planeIn))
        let chunks = (window.planes + planesPerChunk - 1) / planesPerChunk
        var argmax = [Int32](repeating: 0, count: window.outCount)
        let out = VectorKernels.array(count: window.outCount) { po in
            data.withUnsafeBufferPointer { x in
                argmax.withUnsafeMutableBufferPointer { pa in
                    Parallel.forEach(chunks) { chunk in
                        for plane in (chunk * planesPerChunk)..<min(window.planes, (chunk + 1) * planesPerChunk) {
                            window.maxPlane(x.baseAddress! + plane * planeIn, values: po.baseAddress! + plane * planeOut,
                                            argmax: pa.baseAddress! + plane * planeOut)
                        }
                    }
                }
            }
        }
        return Tensor(shape: window.outShape, data: out, inputs: [self]) { [self] g in
            writeOrAccumulateGrad { t, fresh in
                argmax.withUnsafeBufferPointer { pa in
                    Parallel.forEach(chunks) { chunk in
                        for plane in (chunk * planesPerChunk)..<min(window.planes, (chunk + 1) * planesPerChunk) {
                            let target = t.baseAddress! + plane * planeIn
                            if fresh { target.update(repeating: 0, count: planeIn) }
                            for p in 0..<planeOut {
                                target[Int(pa[plane * planeOut + p])] += g[plane * planeOut + p]
                            }
                        }
                    }
                }
            }
        }
    }
}

extension PoolWindow {
    /// Max pooling of one plane: each output's value and the in-plane index of its first
    /// maximum in row-major order (a NaN counts as a maximum and ends the scan of its row).
    @inline(__always)
    func maxPlane(_ src: UnsafePointer<Float>, values: UnsafeMutablePointer<Float>, argmax: UnsafeMutablePointer<Int32>) {
        if kernel == 2 && stride == 2 && padding == 0 && maxPlane2x2(src, values: values, argmax: argmax) { return }
        for oy in 0..<outHeight {
            let rows = range(oy, extent: height)
            for ox in 0..<outWidth {
                let cols = range(ox, extent: width)
                var best = -Float.infinity, bestIndex = rows.lowerBound * width + cols.lowerBound
                for iy in rows {
                    for ix in cols where src[iy * width + ix] > best || src[iy * width + ix].isNaN {
                        best = src[iy * width + ix]
                        bestIndex = iy * width + ix
                        if best.isNaN { break }
                    }
                }
                values[oy * outWidth + ox] = best
                argmax[oy * outWidth + ox] = Int32(bestIndex)
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

    /// The 2x2, stride 2 case for planes without NaN, eight windows at a time with vector
    /// compares and blends (scalar code compiles to branches, unpredictable on real data). The
    /// scan is the general loop's: a, b on the top row, then c, d, each replacing the best so
    /// far only if strictly greater, so ties go to the first in row-major order. Returns
    /// `false`, writing nothing, if the plane may hold a NaN (its sum is NaN): the caller then
    /// runs the general loop, which defines where a NaN wins.
    @inline(__always)
    private func maxPlane2x2(_ src: UnsafePointer<Float>, values: UnsafeMutablePointer<Float>,
                             argmax: UnsafeMutablePointer<Int32>) -> Bool {
        guard !VectorKernels.sum(UnsafeBufferPointer(start: src, count: height * width)).isNaN else { return false }
        let padded = (outWidth + 7) / 8 * 8
        // Two input rows padded to whole vectors.
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: 4 * padded) { temporary in
            let top = temporary.baseAddress!, bottom = top + 2 * padded
            top.initialize(repeating: 0, count: 4 * padded)
            let lanes = SIMD8<Int32>(0, 2, 4, 6, 8, 10, 12, 14)
            let offsetB = SIMD8<Int32>(repeating: 1), offsetC = SIMD8<Int32>(repeating: Int32(width))
            let offsetD = SIMD8<Int32>(repeating: Int32(width + 1))
            // Groups of 8 windows whose 16 input columns lie inside the row read the rows in
            // place; the last, partial group goes through the zero-padded copies.
            let inPlace = width >= 16 ? (width - 16) / 16 + 1 : 0
            for oy in 0..<outHeight {
                let topRow = src + 2 * oy * width, bottomRow = topRow + width
                if inPlace * 8 < outWidth {
                    top.update(from: topRow, count: 2 * outWidth)
                    bottom.update(from: bottomRow, count: 2 * outWidth)
                }
                for group in Swift.stride(from: 0, to: outWidth, by: 8) {
                    let direct = group / 8 < inPlace
                    let t = UnsafeRawPointer((direct ? topRow : UnsafePointer(top)) + 2 * group).loadUnaligned(as: SIMD16<Float>.self)
                    let u = UnsafeRawPointer((direct ? bottomRow : UnsafePointer(bottom)) + 2 * group).loadUnaligned(as: SIMD16<Float>.self)
                    var best = t.evenHalf, offset = SIMD8<Int32>()
                    let b = t.oddHalf, c = u.evenHalf, d = u.oddHalf
                    var better = b .> best
                    best.replace(with: b, where: better); offset.replace(with: offsetB, where: better)
                    better = c .> best
                    best.replace(with: c, where: better); offset.replace(with: offsetC, where: better)
                    better = d .> best
                    best.replace(with: d, where: better); offset.replace(with: offsetD, where: better)
                    let index = offset &+ lanes &+ Int32(2 * oy * width + 2 * group)
                    let n = min(8, outWidth - group), o = oy * outWidth + group
                    if n == 8 {
                        UnsafeMutableRawPointer(values + o).storeBytes(of: best, as: SIMD8<Float>.self)
                        UnsafeMutableRawPointer(argmax + o).storeBytes(of: index, as: SIMD8<Int32>.self)
                    } else {
                        for lane in 0..<n {
                            values[o + lane] = best[lane]
                            argmax[o + lane] = index[lane]
                        }
                    }
                }
            }
            return true
        }
    }
}
