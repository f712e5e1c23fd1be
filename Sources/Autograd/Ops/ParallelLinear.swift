extension Tensor {
    /// `linear(x, weight:, bias:)` with its products run concurrently, each one single-threaded
    /// `sgemm`: the forward split by rows of `x` (1,024 per chunk), and in the backward `dx`
    /// and `dweight` (equal in size) side by side. For products too small for OpenBLAS's own
    /// second thread (see `BLASThreads`), which RWKV's token projections (4,096 tokens × 64
    /// features) are, this keeps both cores busy without packing any operand twice.
    ///
    /// The split depends on the shapes only, so results are the same on every machine; they
    /// may differ from `linear`'s in the last bits (a product's rounding can depend on its
    /// size), which is why this is a separate op rather than a change to `linear`.
    /// - Precondition: as for `linear`.
    public static func parallelLinear(_ x: Tensor, weight: Tensor, bias: Tensor? = nil) -> Tensor {
        precondition(weight.rank == 2, "linear weight must be [out, in], got \(weight.shape)")
        let outFeatures = weight.shape[0], inFeatures = weight.shape[1]
        precondition(x.rank >= 1 && x.shape[x.rank - 1] == inFeatures,
                     "linear input \(x.shape) does not end in \(inFeatures) features (weight \(weight.shape))")
        if let bias { precondition(bias.shape == [outFeatures], "linear bias must be [\(outFeatures)], got \(bias.shape)") }
        let rows = inFeatures == 0 ? x.shape.dropLast().reduce(1, *) : x.count / inFeatures
        let rowChunks = LinearSplit(total: rows, grain: 1024)
        let out = VectorKernels.array(count: rows * outFeatures) { po in
            x.data.withUnsafeBufferPointer { px in
                weight.data.withUnsafeBufferPointer { pw in
                    let pb = bias?.data
                    Parallel.forEach(rowChunks.count) { chunk in
                        let range = rowChunks.range(chunk)
                        let c = po.baseAddress! + range.lowerBound * outFeatures
                        if let pb {
                            pb.withUnsafeBufferPointer { b in
                                for r in 0..<range.count { (c + r * outFeatures).update(from: b.baseAddress!, count: outFeatures) }
                            }
                        }
                        GEMM.multiply(transposeA: false, transposeB: true, m: range.count, n: outFeatures, k: inFeatures,
                                      a: px.baseAddress! + range.lowerBound * inFeatures, lda: inFeatures,
                                      b: pw.baseAddress!, ldb: inFeatures,
                                      beta: pb == nil ? 0 : 1, c: c, ldc: outFeatures)
                    }
                }
            }
        }
        let inputs = bias.map { [x, weight, $0] } ?? [x, weight]
        return Tensor(shape: x.shape.dropLast() + [outFeatures], data: out, inputs: inputs) { g in
            // dx and dweight: two independent products of equal size, run side by side.
            x.withWritableGradientIfRequired { gx, freshX in
                weight.withWritableGradientIfRequired { gw, freshW in
                    x.data.withUnsafeBufferPointer { px in
                        weight.data.withUnsafeBufferPointer { pw in
                            let products = [gx.map { _ in 0 }, gw.map { _ in 1 }].compactMap { $0 }
                            Parallel.forEach(products.count) { index in
                                if products[index] == 0 {
                                    GEMM.multiply(transposeA: false, transposeB: false, m: rows, n: inFeatures, k: outFeatures,
                                                  a: g.baseAddress!, lda: outFeatures, b: pw.baseAddress!, ldb: inFeatures,
                                                  beta: freshX ? 0 : 1, c: gx!.baseAddress!, ldc: inFeatures)
                                } else {
                                    GEMM.multiply(transposeA: true, transposeB: false, m: outFeatures, n: inFeatures, k: rows,
                                                  a: g.baseAddress!, lda: outFeatures, b: px.baseAddress!, ldb: inFeatures,
                                                  beta: freshW ? 0 : 1, c: gw!.baseAddress!, ldc: inFeatures)
                                }
                            }
                        }
                    }
                }
            }
            if let bias, bias.requiresGrad {
                bias.accumulateGrad { gb in
                    for r in 0..<rows {
                        VectorKernels.add(from: UnsafeBufferPointer(rebasing: g[(r * outFeatures)..<((r + 1) * outFeatures)]), into: gb)
                    }
                }
            }
        }
    }
}

/// `0..<total` in consecutive ranges of `grain` (the last may be shorter); none when `total` is 0.
private struct LinearSplit {
    let total: Int, grain: Int
    var count: Int { (total + grain - 1) / grain }
    func range(_ chunk: Int) -> Range<Int> { (chunk * grain)..<min(total, (chunk + 1) * grain) }
}
