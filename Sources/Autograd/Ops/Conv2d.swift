extension Tensor {
    /// Floats of column matrix built at once; the batch is processed in groups of images
    /// whose columns fit (a group size that depends on the shapes only).
    static let conv2dColumnBudget = 1 << 22

    /// A 2-D convolution (cross-correlation, like `torch.nn.functional.conv2d` with
    /// dilation 1 and groups 1): `x` [N, C, H, W], `weight` [O, C, kh, kw], `bias` [O] →
    /// [N, O, H', W'] with `H' = (H + 2·padding − kh) / stride + 1` (likewise `W'`), zero padding.
    ///
    /// Computed as im2col + `sgemm` over groups of images: columns [C·kh·kw, g·H'·W'],
    /// `weight` viewed as [O, C·kh·kw]. Backward recomputes the columns (saving memory) and
    /// uses `dweight += g · colsᵀ`, `dcols = weightᵀ · g` scattered back by col2im, and
    /// `dbias += Σ g` over images and positions.
    /// - Precondition: ranks and channel counts as above, `stride >= 1`, `padding >= 0`,
    ///   and the padded input at least as large as the kernel.
    public static func conv2d(_ x: Tensor, weight: Tensor, bias: Tensor? = nil, stride: Int = 1, padding: Int = 0) -> Tensor {
        precondition(x.rank == 4, "conv2d input must be [N, C, H, W], got \(x.shape)")
        precondition(weight.rank == 4 && weight.shape[1] == x.shape[1],
                     "conv2d weight must be [O, \(x.shape[1]), kh, kw] for input \(x.shape), got \(weight.shape)")
        precondition(stride >= 1 && padding >= 0, "conv2d needs stride >= 1 and padding >= 0, got \(stride), \(padding)")
        let batch = x.shape[0], outChannels = weight.shape[0]
        if let bias { precondition(bias.shape == [outChannels], "conv2d bias must be [\(outChannels)], got \(bias.shape)") }
        precondition(x.shape[2] + 2 * padding >= weight.shape[2] && x.shape[3] + 2 * padding >= weight.shape[3],
                     "conv2d kernel \(weight.shape[2])x\(weight.shape[3]) larger than padded input \(x.shape)")
        let geometry = Im2Col(channels: x.shape[1], height: x.shape[2], width: x.shape[3],
                              kernelHeight: weight.shape[2], kernelWidth: weight.shape[3],
                              stride: stride, padding: padding)
        let patch = geometry.patchSize, plane = geometry.outPlane
        let imageSize = x.shape[1] * x.shape[2] * x.shape[3]
        let outImageSize = outChannels * plane
        let group = max(1, min(batch, conv2dColumnBudget / max(1, patch * plane)))

        var out = [Float](repeating: 0, count: batch * outImageSize)
        var cols = [Float](repeating: 0, count: patch * group * plane)
        var product = [Float](repeating: 0, count: outChannels * group * plane)
        x.data.withUnsafeBufferPointer { px in
            weight.data.withUnsafeBufferPointer { pw in
                out.withUnsafeMutableBufferPointer { po in
                    cols.withUnsafeMutableBufferPointer { pc in
                        product.withUnsafeMutableBufferPointer { pp in
                            for first in Swift.stride(from: 0, to: batch, by: group) {
                                let size = min(group, batch - first), ld = size * plane
                                for b in 0..<size {
                                    geometry.im2col(image: px.baseAddress! + (first + b) * imageSize,
                                                    cols: pc.baseAddress!, rowStride: ld, column: b * plane)
                                }
                                GEMM.multiply(transposeA: false, transposeB: false, m: outChannels, n: ld, k: patch,
                                              a: pw.baseAddress!, lda: patch, b: pc.baseAddress!, ldb: ld,
                                              beta: 0, c: pp.baseAddress!, ldc: ld)
                                for b in 0..<size {
                                    for o in 0..<outChannels {
                                        let dst = po.baseAddress! + (first + b) * outImageSize + o * plane
                                        let src = pp.baseAddress! + o * ld + b * plane
                                        let shift = bias?.data[o] ?? 0
                                        for p in 0..<plane { dst[p] = src[p] + shift }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        let inputs = bias.map { [x, weight, $0] } ?? [x, weight]
        return Tensor(shape: [batch, outChannels, geometry.outHeight, geometry.outWidth], data: out, inputs: inputs) { g in
            if let bias, bias.requiresGrad {
                bias.accumulateGrad { gb in
                    for b in 0..<batch {
                        for o in 0..<outChannels {
                            gb[o] += VectorKernels.sum(UnsafeBufferPointer(start: g.baseAddress! + b * outImageSize + o * plane, count: plane))
                        }
                    }
                }
            }
            guard x.requiresGrad || weight.requiresGrad else { return }
            var cols = [Float](repeating: 0, count: patch * group * plane)
            var gradProduct = [Float](repeating: 0, count: outChannels * group * plane)
            cols.withUnsafeMutableBufferPointer { pc in
                gradProduct.withUnsafeMutableBufferPointer { pg in
                    for first in Swift.stride(from: 0, to: batch, by: group) {
                        let size = min(group, batch - first), ld = size * plane
                        for b in 0..<size {
                            for o in 0..<outChannels {
                                (pg.baseAddress! + o * ld + b * plane)
                                    .update(from: g.baseAddress! + (first + b) * outImageSize + o * plane, count: plane)
                            }
                        }
                        if weight.requiresGrad {
                            x.data.withUnsafeBufferPointer { px in
                                for b in 0..<size {
                                    geometry.im2col(image: px.baseAddress! + (first + b) * imageSize,
                                                    cols: pc.baseAddress!, rowStride: ld, column: b * plane)
                                }
                            }
                            weight.accumulateGrad { gw in
                                GEMM.multiply(transposeA: false, transposeB: true, m: outChannels, n: patch, k: ld,
                                              a: pg.baseAddress!, lda: ld, b: pc.baseAddress!, ldb: ld,
                                              beta: 1, c: gw.baseAddress!, ldc: patch)
                            }
                        }
                        if x.requiresGrad {
                            weight.data.withUnsafeBufferPointer { pw in
                                GEMM.multiply(transposeA: true, transposeB: false, m: patch, n: ld, k: outChannels,
                                              a: pw.baseAddress!, lda: patch, b: pg.baseAddress!, ldb: ld,
                                              beta: 0, c: pc.baseAddress!, ldc: ld)
                            }
                            x.accumulateGrad { gx in
                                for b in 0..<size {
                                    geometry.col2im(cols: pc.baseAddress!, rowStride: ld, column: b * plane,
                                                    image: gx.baseAddress! + (first + b) * imageSize)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
