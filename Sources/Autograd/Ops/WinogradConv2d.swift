extension Tensor {
    /// The fewest input and output channels at which `winogradConv2d` also runs the forward by Winograd (see there).
    static let winogradForwardMinimumChannels = 128

    /// A 3×3 convolution at stride 1 with padding 1 (`conv2d`'s ResNet and MaxViT-stem case): `x` [N, C, H, W],
    /// `weight` [O, C, 3, 3], `bias` [O] → [N, O, H, W], by Winograd's F(2×2, 3×3) (`WinogradTiling`): 16 products
    /// per 2×2 output tile and channel pair instead of 36, as 16 matrix products per chunk of tiles,
    ///
    ///     M_ξ [O, tiles] = U_ξ [O, C] · V_ξ [C, tiles],   U = G g Gᵀ per kernel, V = Bᵀ d B per input tile,
    ///
    /// then `Y = Aᵀ M A` per tile. Backward, side by side: the input gradient is the same computation on the output
    /// gradient with the kernels flipped and their channels swapped (the adjoint of a stride-1 "same" correlation);
    /// the kernel gradient sums `(A e Aᵀ) ⊙ V` over tiles (`e` the 2×2 output-gradient tile) as 16 products per chunk
    /// `S_ξ [O, C] = Ê_ξ [O, tiles] · V_ξ [C, tiles]ᵀ` and maps them back with `Gᵀ S G`.
    ///
    /// Tiles are processed in the fixed chunks of `WinogradTiling.chunks`, concurrently, one-thread products each; the
    /// kernel and bias gradients are summed per chunk and then over chunks in order, so no result depends on the
    /// thread count.
    ///
    /// Rounding: the transforms add and halve before multiplying, so a value's float32 error is a few times the
    /// im2col path's. Backward that only perturbs gradients smoothly. Forward it decides ReLU and max-pool branches
    /// downstream: on the torchvision parity golden (`BackboneParity`), Winograd in the forward of ResNet-18's
    /// layer1 (64 channels at 56×56) moved the stem's and layer1's gradients by up to 1.2e-2 relative to torch's
    /// float64 pass (issue 13's bound is 1e-4; torch's own float32 pass is 1.7e-2 off), while from 128 channels on
    /// every tensor stayed within 1e-5. So the forward of a convolution with fewer than
    /// `winogradForwardMinimumChannels` input or output channels runs im2col instead; its backward is Winograd.
    static func winogradConv2d(_ x: Tensor, weight: Tensor, bias: Tensor?) -> Tensor {
        let (batch, channels, height, width) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let outChannels = weight.shape[0]
        precondition(weight.shape == [outChannels, channels, 3, 3], "winogradConv2d needs a [O, \(channels), 3, 3] weight, got \(weight.shape)")
        let tiling = WinogradTiling(batch: batch, height: height, width: width)
        let split = tiling.chunks(channels: max(channels, outChannels))
        let ld = split.capacity
        let plane = height * width
        let forwardByIm2col = min(channels, outChannels) < winogradForwardMinimumChannels

        /// For each chunk: the transformed input [16][inC][ld] → 16 products with `kernels` [16][outC][inC] →
        /// the output transform into `target`.
        func correlate(_ source: UnsafePointer<Float>, inC: Int, kernels: UnsafePointer<Float>, outC: Int,
                       bias: UnsafePointer<Float>?, accumulate: Bool, into target: UnsafeMutablePointer<Float>) {
            Parallel.forEach(split.count) { chunk in
                let rows = split.rows(chunk)
                let tiles = rows.count * tiling.tilesWide
                let v = UnsafeMutablePointer<Float>.allocate(capacity: 16 * inC * ld)
                let m = UnsafeMutablePointer<Float>.allocate(capacity: 16 * outC * ld)
                defer { v.deallocate(); m.deallocate() }
                tiling.inputTransform(source, channels: inC, rows: rows, into: v, slabStride: inC * ld, ld: ld)
                for xi in 0..<16 {
                    GEMM.multiply(transposeA: false, transposeB: false, m: outC, n: tiles, k: inC,
                                  a: kernels + xi * outC * inC, lda: inC, b: v + xi * inC * ld, ldb: ld,
                                  beta: 0, c: m + xi * outC * ld, ldc: ld)
                }
                tiling.outputTransform(m, slabStride: outC * ld, ld: ld, channels: outC, rows: rows,
                                       bias: bias, accumulate: accumulate, into: target)
            }
        }

        let out = forwardByIm2col
            ? im2colConvolution(x, weight: weight, bias: bias,
                                geometry: Im2Col(channels: channels, height: height, width: width, kernelHeight: 3,
                                                 kernelWidth: 3, stride: 1, padding: 1), groups: 1)
            : VectorKernels.array(count: batch * outChannels * plane) { po in
            let u = UnsafeMutablePointer<Float>.allocate(capacity: 16 * outChannels * channels)
            defer { u.deallocate() }
            weight.data.withUnsafeBufferPointer { pw in
                WinogradTiling.kernelTransform(pw.baseAddress!, outChannels: outChannels, inChannels: channels,
                                               flipped: false, into: u)
            }
            x.data.withUnsafeBufferPointer { px in
                (bias?.data ?? []).withUnsafeBufferPointer { pb in
                    correlate(px.baseAddress!, inC: channels, kernels: u, outC: outChannels,
                              bias: bias == nil ? nil : pb.baseAddress, accumulate: false, into: po.baseAddress!)
                }
            }
        }

        let inputs = bias.map { [x, weight, $0] } ?? [x, weight]
        return Tensor(shape: [batch, outChannels, height, width], data: out, inputs: inputs) { g in
            let gradient = UnsafePointer(g.baseAddress!)
            if x.requiresGrad {
                let flipped = UnsafeMutablePointer<Float>.allocate(capacity: 16 * channels * outChannels)
                defer { flipped.deallocate() }
                weight.data.withUnsafeBufferPointer { pw in
                    WinogradTiling.kernelTransform(pw.baseAddress!, outChannels: outChannels, inChannels: channels,
                                                   flipped: true, into: flipped)
                }
                x.writeOrAccumulateGrad { gx, fresh in
                    correlate(gradient, inC: outChannels, kernels: flipped, outC: channels,
                              bias: nil, accumulate: !fresh, into: gx.baseAddress!)
                }
            }
            if weight.requiresGrad {
                let pairs = outChannels * channels
                let partial = UnsafeMutablePointer<Float>.allocate(capacity: split.count * 16 * pairs)
                defer { partial.deallocate() }
                x.data.withUnsafeBufferPointer { px in
                    Parallel.forEach(split.count) { chunk in
                        let rows = split.rows(chunk)
                        let tiles = rows.count * tiling.tilesWide
                        let v = UnsafeMutablePointer<Float>.allocate(capacity: 16 * channels * ld)
                        let e = UnsafeMutablePointer<Float>.allocate(capacity: 16 * outChannels * ld)
                        defer { v.deallocate(); e.deallocate() }
                        tiling.inputTransform(px.baseAddress!, channels: channels, rows: rows, into: v,
                                              slabStride: channels * ld, ld: ld)
                        tiling.gradientTransform(gradient, channels: outChannels, rows: rows, into: e,
                                                 slabStride: outChannels * ld, ld: ld)
                        for xi in 0..<16 {
                            GEMM.multiply(transposeA: false, transposeB: true, m: outChannels, n: channels, k: tiles,
                                          a: e + xi * outChannels * ld, lda: ld, b: v + xi * channels * ld, ldb: ld,
                                          beta: 0, c: partial + (chunk * 16 + xi) * pairs, ldc: channels)
                        }
                    }
                }
                // Chunk partials summed in chunk order, element ranges in parallel.
                Parallel.forEachRange(16 * pairs) { range in
                    for chunk in 1..<max(1, split.count) {
                        let source = partial + chunk * 16 * pairs
                        for i in range { partial[i] += source[i] }
                    }
                }
                weight.accumulateGrad { gw in
                    WinogradTiling.kernelGradient(partial, outChannels: outChannels, inChannels: channels, into: gw.baseAddress!)
                }
            }
            if let bias, bias.requiresGrad {
                bias.accumulateGrad { gb in
                    Parallel.forEach(outChannels) { o in
                        var total: Float = 0
                        for n in 0..<batch {
                            total += VectorKernels.sum(UnsafeBufferPointer(start: gradient + (n * outChannels + o) * plane, count: plane))
                        }
                        gb[o] += total
                    }
                }
            }
        }
    }
}
