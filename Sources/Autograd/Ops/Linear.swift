extension Tensor {
    /// An affine map over the last axis, `x · weightᵀ + bias`, like `torch.nn.functional.linear`:
    /// `x` [..., in] (typically [N, in]), `weight` [out, in], `bias` [out] → [..., out].
    /// Forward and both backward products go through OpenBLAS `sgemm`:
    /// `dx += g · weight`, `dweight += gᵀ · x`, `dbias += Σ_rows g`.
    /// - Precondition: `x` has rank ≥ 1 with last extent `in`; shapes as above.
    public static func linear(_ x: Tensor, weight: Tensor, bias: Tensor? = nil) -> Tensor {
        precondition(weight.rank == 2, "linear weight must be [out, in], got \(weight.shape)")
        let outFeatures = weight.shape[0], inFeatures = weight.shape[1]
        precondition(x.rank >= 1 && x.shape[x.rank - 1] == inFeatures,
                     "linear input \(x.shape) does not end in \(inFeatures) features (weight \(weight.shape))")
        if let bias { precondition(bias.shape == [outFeatures], "linear bias must be [\(outFeatures)], got \(bias.shape)") }
        let rows = inFeatures == 0 ? x.shape.dropLast().reduce(1, *) : x.count / inFeatures
        let out = VectorKernels.array(count: rows * outFeatures) { po in
            if let bias {
                bias.data.withUnsafeBufferPointer { pb in
                    for r in 0..<rows { (po.baseAddress! + r * outFeatures).update(from: pb.baseAddress!, count: outFeatures) }
                }
            }
            x.data.withUnsafeBufferPointer { px in
                weight.data.withUnsafeBufferPointer { pw in
                    GEMM.multiply(transposeA: false, transposeB: true, m: rows, n: outFeatures, k: inFeatures,
                                  a: px.baseAddress!, lda: inFeatures, b: pw.baseAddress!, ldb: inFeatures,
                                  beta: bias == nil ? 0 : 1, c: po.baseAddress!, ldc: outFeatures)
                }
            }
        }
        let inputs = bias.map { [x, weight, $0] } ?? [x, weight]
        return Tensor(shape: x.shape.dropLast() + [outFeatures], data: out, inputs: inputs) { g in
            if x.requiresGrad {
                x.writeOrAccumulateGrad { gx, fresh in
                    weight.data.withUnsafeBufferPointer { pw in
                        GEMM.multiply(transposeA: false, transposeB: false, m: rows, n: inFeatures, k: outFeatures,
                                      a: g.baseAddress!, lda: outFeatures, b: pw.baseAddress!, ldb: inFeatures,
                                      beta: fresh ? 0 : 1, c: gx.baseAddress!, ldc: inFeatures)
                    }
                }
            }
            if weight.requiresGrad {
                weight.writeOrAccumulateGrad { gw, fresh in
                    x.data.withUnsafeBufferPointer { px in
                        GEMM.multiply(transposeA: true, transposeB: false, m: outFeatures, n: inFeatures, k: rows,
                                      a: g.baseAddress!, lda: outFeatures, b: px.baseAddress!, ldb: inFeatures,
                                      beta: fresh ? 0 : 1, c: gw.baseAddress!, ldc: inFeatures)
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
