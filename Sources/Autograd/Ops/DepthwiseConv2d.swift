extension Tensor {
    /// A depthwise 2-D convolution, `conv2d` with `groups` = C = O and dilation 1: `x` [N, C, H, W], `weight`
    /// [C, 1, k, k], `bias` [C] → [N, C, H', W'], `H' = (H + 2·padding − k) / stride + 1`, zero padding:
    ///
    ///     out[n, c, y, x] = bias[c] + Σ_ij weight[c, 0, i, j] · x[n, c, y·stride − padding + i, x·stride − padding + j]
    ///
    /// `conv2d` sends such convolutions here: im2col + sgemm would be one matrix-vector product of 9 columns per image
    /// and channel (MaxViT's MBConv has 256-1,024 channels at 7-56 px). Each image-channel plane is computed by one
    /// task as rows of multiply-adds. Backward, side by side:
    ///
    ///     dx[n, c, iy, ix] += Σ weight[c, 0, i, j] · g[n, c, y, x]   over the taps that read (iy, ix)
    ///     dweight[c, 0, i, j] = Σ_n Σ_yx g[n, c, y, x] · x[n, c, y·stride − padding + i, x·stride − padding + j]
    ///     dbias[c] = Σ_n Σ_yx g[n, c, y, x]
    ///
    /// The input gradient is one task per plane; the weight and bias gradients one task per channel, summing images
    /// in order, so no result depends on the thread count.
    /// - Precondition: ranks and shapes as above, `stride >= 1`, `padding >= 0`, the padded input at least k wide.
    static func depthwiseConv2d(_ x: Tensor, weight: Tensor, bias: Tensor?, stride: Int, padding: Int) -> Tensor {
        let (batch, channels, height, width) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let k = weight.shape[2]
        precondition(weight.shape == [channels, 1, k, k] && stride >= 1 && padding >= 0
                     && height + 2 * padding >= k && width + 2 * padding >= k,
                     "depthwiseConv2d needs weight [\(channels), 1, k, k] and a padded input at least k wide, got \(weight.shape) for \(x.shape)")
        let geometry = DepthwiseGeometry(height: height, width: width, kernel: k, stride: stride, padding: padding)
        let inPlane = height * width, outPlane = geometry.outHeight * geometry.outWidth
        let units = batch * channels

        let out = VectorKernels.array(count: units * outPlane) { po in
            x.data.withUnsafeBufferPointer { px in
                weight.data.withUnsafeBufferPointer { pw in
                    Parallel.forEach(units) { unit in
                        let c = unit % channels
                        let o = po.baseAddress! + unit * outPlane
                        o.update(repeating: bias?.data[c] ?? 0, count: outPlane)
                        geometry.forEachTap { i, j, oy, columns, inputRow, inputColumn in
                            let w = pw[c * k * k + i * k + j]
                            let src = px.baseAddress! + unit * inPlane + inputRow * width + inputColumn
                            let dst = o + oy * geometry.outWidth
                            if stride == 1 {
                                for ox in columns { dst[ox] += w * src[ox] }
                            } else {
                                for ox in columns { dst[ox] += w * src[ox * stride] }
                            }
                        }
                    }
                }
            }
        }

        let inputs = bias.map { [x, weight, $0] } ?? [x, weight]
        return Tensor(shape: [batch, channels, geometry.outHeight, geometry.outWidth], data: out, inputs: inputs) { g in
            if x.requiresGrad {
                x.writeOrAccumulateGrad { gx, fresh in
                    weight.data.withUnsafeBufferPointer { pw in
                        Parallel.forEach(units) { unit in
                            let c = unit % channels
                            let target = gx.baseAddress! + unit * inPlane
                            if fresh { target.update(repeating: 0, count: inPlane) }
                            let gradient = g.baseAddress! + unit * outPlane
                            geometry.forEachTap { i, j, oy, columns, inputRow, inputColumn in
                                let w = pw[c * k * k + i * k + j]
                                let src = gradient + oy * geometry.outWidth
                                let dst = target + inputRow * width + inputColumn
                                if stride == 1 {
                                    for ox in columns { dst[ox] += w * src[ox] }
                                } else {
                                    for ox in columns { dst[ox * stride] += w * src[ox] }
                                }
                            }
                        }
                    }
                }
            }
            let needWeight = weight.requiresGrad, needBias = bias?.requiresGrad ?? false
            guard needWeight || needBias else { return }
            var weightGradient = [Float](repeating: 0, count: needWeight ? channels * k * k : 0)
            var biasGradient = [Float](repeating: 0, count: needBias ? channels : 0)
            weightGradient.withUnsafeMutableBufferPointer { dw in
                biasGradient.withUnsafeMutableBufferPointer { db in
                    x.data.withUnsafeBufferPointer { px in
                        Parallel.forEach(channels) { c in
                            for n in 0..<batch {
                                let unit = n * channels + c
                                let gradient = g.baseAddress! + unit * outPlane
                                if needBias { db[c] += VectorKernels.sum(UnsafeBufferPointer(start: gradient, count: outPlane)) }
                                guard needWeight else { continue }
                                geometry.forEachTap { i, j, oy, columns, inputRow, inputColumn in
                                    let src = px.baseAddress! + unit * inPlane + inputRow * width + inputColumn
                                    let row = gradient + oy * geometry.outWidth
                                    let s: Float
                                    if stride == 1 {
                                        s = VectorKernels.dot(row + columns.lowerBound, src + columns.lowerBound, count: columns.count)
                                    } else {
                                        var t: Float = 0
                                        for ox in columns { t += row[ox] * src[ox * stride] }
                                        s = t
                                    }
                                    dw[c * k * k + i * k + j] += s
                                }
                            }
                        }
                    }
                }
            }
            if needWeight { weight.accumulateGrad(adopting: weightGradient) }
            if let bias, needBias { bias.accumulateGrad(adopting: biasGradient) }
        }
    }
}

/// Which input pixels each output row of a depthwise convolution reads, tap by tap.
private struct DepthwiseGeometry {
    let height: Int, width: Int, kernel: Int, stride: Int, padding: Int
    let outHeight: Int, outWidth: Int
    /// For each column tap j: the output columns whose input column `ox·stride − padding + j` lies inside the image.
    let validColumns: [Range<Int>]

    init(height: Int, width: Int, kernel: Int, stride: Int, padding: Int) {
        self.height = height; self.width = width; self.kernel = kernel; self.stride = stride; self.padding = padding
        outHeight = (height + 2 * padding - kernel) / stride + 1
        outWidth = (width + 2 * padding - kernel) / stride + 1
        validColumns = (0..<kernel).map { [outWidth] j in
            // ox·stride − padding + j ≥ 0  and  ≤ width − 1
            let low = max(0, (padding - j + stride - 1) / stride)
            let high = min(outWidth, (width - 1 + padding - j) / stride + 1)
            return low..<max(low, high)
        }
    }

    /// Calls `body(i, j, oy, columns, inputRow, inputColumn)` for every tap (i, j) and output row oy whose input row
    /// `oy·stride − padding + i` is inside the image; output column ox of `columns` reads input column
    /// `inputColumn + ox·stride` (`inputColumn = j − padding`, possibly negative: the range keeps the sum inside).
    @inline(__always)
    func forEachTap(_ body: (Int, Int, Int, Range<Int>, Int, Int) -> Void) {
        for oy in 0..<outHeight {
            for i in 0..<kernel {
                let iy = oy * stride - padding + i
                guard iy >= 0, iy < height else { continue }
                for j in 0..<kernel where !validColumns[j].isEmpty {
                    body(i, j, oy, validColumns[j], iy, j - padding)
                }
            }
        }
    }
}
