extension Tensor {
    /// Floats of column matrix built at once; the batch is processed in groups of images
    /// whose columns fit (a group size that depends on the shapes only).
    static let conv2dColumnBudget = 1 << 22

    /// A 2-D convolution (cross-correlation, like `torch.nn.functional.conv2d`): `x`
    /// [N, C, H, W], `weight` [O, C/groups, kh, kw], `bias` [O] → [N, O, H', W'] with
    /// `H' = (H + 2·padding − dilation·(kh − 1) − 1) / stride + 1` (likewise `W'`), zero
    /// padding. With `groups` G, input channels `g·C/G ..< (g+1)·C/G` feed only output
    /// channels `g·O/G ..< (g+1)·O/G` (G = C is a depthwise convolution).
    ///
    /// Computed as im2col + `sgemm` per channel group over groups of images: columns
    /// [(C/G)·kh·kw, b·H'·W'], the group's weights viewed as [O/G, (C/G)·kh·kw]. Backward
    /// recomputes the columns (saving memory) and uses `dweight += g · colsᵀ`,
    /// `dcols = weightᵀ · g` scattered back by col2im, and `dbias += Σ g` over images and positions.
    /// - Precondition: ranks and channel counts as above, `stride >= 1`, `padding >= 0`,
    ///   `dilation >= 1`, `groups` dividing C and O, and the padded input at least as large
    ///   as the dilated kernel.
    public static func conv2d(_ x: Tensor, weight: Tensor, bias: Tensor? = nil, stride: Int = 1, padding: Int = 0,
                              dilation: Int = 1, groups: Int = 1) -> Tensor {
        precondition(x.rank == 4, "conv2d input must be [N, C, H, W], got \(x.shape)")
        precondition(groups >= 1 && x.shape[1] % groups == 0 && weight.rank == 4 && weight.shape[0] % groups == 0,
                     "conv2d groups \(groups) must divide the input channels of \(x.shape) and the output channels of weight \(weight.shape)")
        let groupChannels = x.shape[1] / groups
        precondition(weight.shape[1] == groupChannels,
                     "conv2d weight must be [O, \(groupChannels), kh, kw] for input \(x.shape) and groups \(groups), got \(weight.shape)")
        precondition(stride >= 1 && padding >= 0 && dilation >= 1,
                     "conv2d needs stride >= 1, padding >= 0, dilation >= 1, got \(stride), \(padding), \(dilation)")
        let batch = x.shape[0], outChannels = weight.shape[0], groupOut = outChannels / groups
        if let bias { precondition(bias.shape == [outChannels], "conv2d bias must be [\(outChannels)], got \(bias.shape)") }
        let extentH = dilation * (weight.shape[2] - 1) + 1, extentW = dilation * (weight.shape[3] - 1) + 1
        precondition(x.shape[2] + 2 * padding >= extentH && x.shape[3] + 2 * padding >= extentW,
                     "conv2d kernel \(weight.shape[2])x\(weight.shape[3]) (dilation \(dilation)) larger than padded input \(x.shape)")
        let geometry = Im2Col(channels: groupChannels, height: x.shape[2], width: x.shape[3],
                              kernelHeight: weight.shape[2], kernelWidth: weight.shape[3],
                              stride: stride, padding: padding, dilation: dilation)
        let patch = geometry.patchSize, plane = geometry.outPlane
        let groupInputSize = groupChannels * x.shape[2] * x.shape[3]
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
                                for gi in 0..<groups {
                                    for b in 0..<size {
                                        geometry.im2col(image: px.baseAddress! + (first + b) * imageSize + gi * groupInputSize,
                                                        cols: pc.baseAddress!, rowStride: ld, column: b * plane)
                                    }
                                    GEMM.multiply(transposeA: false, transposeB: false, m: groupOut, n: ld, k: patch,
                                                  a: pw.baseAddress! + gi * groupOut * patch, lda: patch,
                                                  b: pc.baseAddress!, ldb: ld,
                                                  beta: 0, c: pp.baseAddress! + gi * groupOut * ld, ldc: ld)
                                }
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
                        for gi in 0..<groups {
                            let gradRows = pg.baseAddress! + gi * groupOut * ld
                            if weight.requiresGrad {
                                x.data.withUnsafeBufferPointer { px in
                                    for b in 0..<size {
                                        geometry.im2col(image: px.baseAddress! + (first + b) * imageSize + gi * groupInputSize,
                                                        cols: pc.baseAddress!, rowStride: ld, column: b * plane)
                                    }
                                }
                                weight.accumulateGrad { gw in
                                    GEMM.multiply(transposeA: false, transposeB: true, m: groupOut, n: patch, k: ld,
                                                  a: gradRows, lda: ld, b: pc.baseAddress!, ldb: ld,
                                                  beta: 1, c: gw.baseAddress! + gi * groupOut * patch, ldc: patch)
                                }
                            }
                            if x.requiresGrad {
                                weight.data.withUnsafeBufferPointer { pw in
                                    GEMM.multiply(transposeA: true, transposeB: false, m: patch, n: ld, k: groupOut,
                                                  a: pw.baseAddress! + gi * groupOut * patch, lda: patch,
                                                  b: gradRows, ldb: ld,
                                                  beta: 0, c: pc.baseAddress!, ldc: ld)
                                }
                                x.accumulateGrad { gx in
                                    for b in 0..<size {
                                        geometry.col2im(cols: pc.baseAddress!, rowStride: ld, column: b * plane,
                                                        image: gx.baseAddress! + (first + b) * imageSize + gi * groupInputSize)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
