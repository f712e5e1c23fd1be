extension Tensor {
    /// Images per parallel chunk of a convolution. Fixed, so the order in which the weight and
    /// bias gradients are summed (within a chunk, then over chunks in order) never depends on
    /// the machine.
    static let conv2dImagesPerChunk = 4

    /// A 2-D convolution (cross-correlation, like `torch.nn.functional.conv2d`): `x`
    /// [N, C, H, W], `weight` [O, C/groups, kh, kw], `bias` [O] → [N, O, H', W'] with
    /// `H' = (H + 2·padding − dilation·(kh − 1) − 1) / stride + 1` (likewise `W'`), zero
    /// padding. With `groups` G, input channels `g·C/G ..< (g+1)·C/G` feed only output
    /// channels `g·O/G ..< (g+1)·O/G` (G = C is a depthwise convolution).
    ///
    /// Computed per image and channel group as im2col + one-thread `sgemm` straight into the
    /// output: columns [(C/G)·kh·kw, H'·W'] (kept in L2), the group's weights viewed as
    /// [O/G, (C/G)·kh·kw]. Images are processed in fixed chunks of `conv2dImagesPerChunk`, the
    /// chunks concurrently. Backward recomputes the columns (cheaper than storing them) and
    /// uses `dweightᵀ += cols · gᵀ`, `dcols = weightᵀ · g` scattered back by col2im, and
    /// `dbias += Σ g`; weight and bias gradients are summed per chunk, then over chunks in order.
    /// Depthwise convolutions (G = C = O, square kernel, dilation 1) go to `depthwiseConv2d` instead, and 3×3
    /// convolutions at stride 1 with padding 1 (G = 1, dilation 1) to `winogradConv2d`.
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
        if groups > 1 && groups == x.shape[1] && outChannels == groups && dilation == 1 && weight.shape[2] == weight.shape[3] {
            return depthwiseConv2d(x, weight: weight, bias: bias, stride: stride, padding: padding)
        }
        if groups == 1 && weight.shape[2] == 3 && weight.shape[3] == 3 && stride == 1 && padding == 1 && dilation == 1 {
            return winogradConv2d(x, weight: weight, bias: bias)
        }
        return im2colConv2d(x, weight: weight, bias: bias, stride: stride, padding: padding, dilation: dilation, groups: groups)
    }

    /// `conv2d` by im2col + sgemm, forward and backward (see `conv2d`).
    static func im2colConv2d(_ x: Tensor, weight: Tensor, bias: Tensor?, stride: Int, padding: Int, dilation: Int,
                             groups: Int) -> Tensor {
        let batch = x.shape[0], outChannels = weight.shape[0], groupOut = outChannels / groups
        let groupChannels = x.shape[1] / groups
        let geometry = Im2Col(channels: groupChannels, height: x.shape[2], width: x.shape[3],
                              kernelHeight: weight.shape[2], kernelWidth: weight.shape[3],
                              stride: stride, padding: padding, dilation: dilation)
        let patch = geometry.patchSize, plane = geometry.outPlane
        let groupInputSize = groupChannels * x.shape[2] * x.shape[3]
        let imageSize = x.shape[1] * x.shape[2] * x.shape[3]
        let outImageSize = outChannels * plane
        let identityColumns = geometry.readsImageAsColumns
        let perChunk = conv2dImagesPerChunk, chunks = (batch + perChunk - 1) / perChunk
        let out = im2colConvolution(x, weight: weight, bias: bias, geometry: geometry, groups: groups)

        let inputs = bias.map { [x, weight, $0] } ?? [x, weight]
        return Tensor(shape: [batch, outChannels, geometry.outHeight, geometry.outWidth], data: out, inputs: inputs) { g in
            let needBias = bias?.requiresGrad ?? false, needWeight = weight.requiresGrad, needInput = x.requiresGrad
            let weightSize = outChannels * patch
            // Per-chunk partial sums: dweightᵀ per group [patch, O/G], and dbias [O].
            let partialWeight = UnsafeMutablePointer<Float>.allocate(capacity: needWeight ? chunks * weightSize : 0)
            let partialBias = UnsafeMutablePointer<Float>.allocate(capacity: needBias ? chunks * outChannels : 0)
            defer { partialWeight.deallocate(); partialBias.deallocate() }
            let gradientInput: (UnsafeMutableBufferPointer<Float>?, Bool) -> Void = { gx, fresh in
                x.data.withUnsafeBufferPointer { px in
                    weight.data.withUnsafeBufferPointer { pw in
                        Parallel.forEach(chunks) { chunk in
                            let scratch = identityColumns ? 0 : patch * plane
                            let cols = UnsafeMutablePointer<Float>.allocate(capacity: needWeight ? scratch : 0)
                            let dcols = UnsafeMutablePointer<Float>.allocate(capacity: needInput ? scratch : 0)
                            defer { cols.deallocate(); dcols.deallocate() }
                            let images = (chunk * perChunk)..<min(batch, (chunk + 1) * perChunk)
                            for b in images {
                                let gradImage = g.baseAddress! + b * outImageSize
                                if needBias {
                                    for o in 0..<outChannels {
                                        let s = VectorKernels.sum(UnsafeBufferPointer(start: gradImage + o * plane, count: plane))
                                        let slot = partialBias + chunk * outChannels + o
                                        if b == images.lowerBound { slot.pointee = s } else { slot.pointee += s }
                                    }
                                }
                                if let gx, fresh, !identityColumns {
                                    (gx.baseAddress! + b * imageSize).update(repeating: 0, count: imageSize)
                                }
                                for gi in 0..<groups {
                                    let gradRows = gradImage + gi * groupOut * plane
                                    let image = px.baseAddress! + b * imageSize + gi * groupInputSize
                                    if needWeight {
                                        if !identityColumns {
                                            geometry.im2col(image: image, cols: cols, rowStride: plane, column: 0)
                                        }
                                        GEMM.multiply(transposeA: false, transposeB: true, m: patch, n: groupOut, k: plane,
                                                      a: identityColumns ? image : UnsafePointer(cols), lda: plane,
                                                      b: gradRows, ldb: plane,
                                                      beta: b == images.lowerBound ? 0 : 1,
                                                      c: partialWeight + chunk * weightSize + gi * groupOut * patch, ldc: groupOut)
                                    }
                                    if let gx {
                                        let target = gx.baseAddress! + b * imageSize + gi * groupInputSize
                                        if identityColumns {
                                            GEMM.multiply(transposeA: true, transposeB: false, m: patch, n: plane, k: groupOut,
                                                          a: pw.baseAddress! + gi * groupOut * patch, lda: patch,
                                                          b: gradRows, ldb: plane, beta: fresh ? 0 : 1, c: target, ldc: plane)
                                        } else {
                                            GEMM.multiply(transposeA: true, transposeB: false, m: patch, n: plane, k: groupOut,
                                                          a: pw.baseAddress! + gi * groupOut * patch, lda: patch,
                                                          b: gradRows, ldb: plane, beta: 0, c: dcols, ldc: plane)
                                            geometry.col2im(cols: dcols, rowStride: plane, column: 0, image: target)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if needInput {
                x.writeOrAccumulateGrad { gx, fresh in gradientInput(gx, fresh) }
            } else {
                gradientInput(nil, false)
            }
            if needWeight {
                weight.accumulateGrad { gw in
                    // Chunk partials hold dweightᵀ per group ([patch, O/G]); every element adds them in chunk order.
                    // Tiles of 16 output channels x 256 patch entries (the transposed reads stay in L1), the tiles
                    // concurrently: each element is still summed by one task in the same order.
                    let oTile = 16, pTile = 256, oTiles = (groupOut + oTile - 1) / oTile
                    let target = gw.baseAddress!
                    Parallel.forEach(groups * oTiles) { unit in
                        let gi = unit / oTiles, o0 = (unit % oTiles) * oTile, o1 = min(groupOut, o0 + oTile)
                        for p0 in Swift.stride(from: 0, to: patch, by: pTile) {
                            let p1 = min(patch, p0 + pTile)
                            for chunk in 0..<chunks {
                                let partial = partialWeight + chunk * weightSize + gi * groupOut * patch
                                for o in o0..<o1 {
                                    let row = target + (gi * groupOut + o) * patch
                                    for p in p0..<p1 { row[p] += partial[p * groupOut + o] }
                                }
                            }
                        }
                    }
                }
            }
            if let bias, needBias {
                bias.accumulateGrad { gb in
                    for chunk in 0..<chunks {
                        for o in 0..<outChannels { gb[o] += partialBias[chunk * outChannels + o] }
                    }
                }
            }
        }
    }

    /// The forward of `conv2d` as im2col + one-thread `sgemm` per image and channel group, straight into the output
    /// (images in fixed chunks of `conv2dImagesPerChunk`, the chunks concurrently), plus the bias.
    static func im2colConvolution(_ x: Tensor, weight: Tensor, bias: Tensor?, geometry: Im2Col, groups: Int) -> [Float] {
        let batch = x.shape[0], outChannels = weight.shape[0], groupOut = outChannels / groups
        let patch = geometry.patchSize, plane = geometry.outPlane
        let groupInputSize = geometry.channels * x.shape[2] * x.shape[3]
        let imageSize = x.shape[1] * x.shape[2] * x.shape[3]
        let outImageSize = outChannels * plane
        let identityColumns = geometry.readsImageAsColumns
        let perChunk = conv2dImagesPerChunk, chunks = (batch + perChunk - 1) / perChunk
        return VectorKernels.array(count: batch * outImageSize) { po in
            x.data.withUnsafeBufferPointer { px in
                weight.data.withUnsafeBufferPointer { pw in
                    Parallel.forEach(chunks) { chunk in
                        let cols = UnsafeMutablePointer<Float>.allocate(capacity: identityColumns ? 0 : patch * plane)
                        defer { cols.deallocate() }
                        for b in (chunk * perChunk)..<min(batch, (chunk + 1) * perChunk) {
                            for gi in 0..<groups {
                                let image = px.baseAddress! + b * imageSize + gi * groupInputSize
                                if !identityColumns {
                                    geometry.im2col(image: image, cols: cols, rowStride: plane, column: 0)
                                }
                                GEMM.multiply(transposeA: false, transposeB: false, m: groupOut, n: plane, k: patch,
                                              a: pw.baseAddress! + gi * groupOut * patch, lda: patch,
                                              b: identityColumns ? image : UnsafePointer(cols), ldb: plane,
                                              beta: 0, c: po.baseAddress! + b * outImageSize + gi * groupOut * plane, ldc: plane)
                            }
                            if let bias {
                                for o in 0..<outChannels {
                                    let dst = po.baseAddress! + b * outImageSize + o * plane, shift = bias.data[o]
                                    for p in 0..<plane { dst[p] += shift }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
