extension Tensor {
    /// Batched matrix products `out[i] = a[i] · b[i]` of `a` [B, M, K] and `b` [B, K, N],
    /// giving [B, M, N], like `torch.matmul` on 3-D operands. Either operand may instead be a
    /// single 2-D matrix ([M, K] or [K, N]), used for every batch entry (broadcast).
    ///
    /// One OpenBLAS `sgemm` per batch entry (the entries run concurrently when each product is
    /// small enough for one BLAS thread); where `b` is 2-D the whole batch is one product
    /// `[B·M, K] · [K, N]`. Backward, also through `sgemm`: `da[i] = g[i] · b[i]ᵀ`,
    /// `db[i] = a[i]ᵀ · g[i]`; the gradient of a broadcast operand sums over the batch (for a
    /// 2-D `b`, one product `a_flatᵀ · g_flat`; for a 2-D `a`, accumulated in batch order).
    /// - Precondition: ranks 3 and 3, 3 and 2, or 2 and 3; equal batch extents when both are
    ///   3-D; matching inner extents.
    public static func batchedMatmul(_ a: Tensor, _ b: Tensor) -> Tensor {
        precondition((a.rank == 3 && (b.rank == 3 || b.rank == 2)) || (a.rank == 2 && b.rank == 3),
                     "batchedMatmul needs [B, M, K] · [B, K, N] (or one operand 2-D), got \(a.shape) · \(b.shape)")
        let batch = a.rank == 3 ? a.shape[0] : b.shape[0]
        let m = a.shape[a.rank - 2], k = a.shape[a.rank - 1], n = b.shape[b.rank - 1]
        precondition(b.shape[b.rank - 2] == k && (a.rank == 2 || b.rank == 2 || a.shape[0] == b.shape[0]),
                     "batchedMatmul needs [B, M, K] · [B, K, N] with equal B and K, got \(a.shape) · \(b.shape)")
        let strideA = a.rank == 3 ? m * k : 0, strideB = b.rank == 3 ? k * n : 0
        // Entries run concurrently only when each product gets one BLAS thread anyway.
        let concurrent = b.rank == 3 && batch > 1 && BLASThreads.count(forFlops: 2 * m * n * k) == 1

        let out = VectorKernels.array(count: batch * m * n) { po in
            a.data.withUnsafeBufferPointer { pa in
                b.data.withUnsafeBufferPointer { pb in
                    if b.rank == 2 {
                        GEMM.multiply(transposeA: false, transposeB: false, m: batch * m, n: n, k: k,
                                      a: pa.baseAddress!, lda: k, b: pb.baseAddress!, ldb: n,
                                      beta: 0, c: po.baseAddress!, ldc: n)
                        return
                    }
                    let entry = { (i: Int) in
                        GEMM.multiply(transposeA: false, transposeB: false, m: m, n: n, k: k,
                                      a: pa.baseAddress! + i * strideA, lda: k, b: pb.baseAddress! + i * strideB, ldb: n,
                                      beta: 0, c: po.baseAddress! + i * m * n, ldc: n)
                    }
                    if concurrent { Parallel.forEach(batch, entry) } else { for i in 0..<batch { entry(i) } }
                }
            }
        }
        return Tensor(shape: [batch, m, n], data: out, inputs: [a, b]) { g in
            if a.requiresGrad {
                a.writeOrAccumulateGrad { ga, fresh in
                    b.data.withUnsafeBufferPointer { pb in
                        if a.rank == 2 {
                            // Σ_i g[i] · b[i]ᵀ, in batch order.
                            for i in 0..<batch {
                                GEMM.multiply(transposeA: false, transposeB: true, m: m, n: k, k: n,
                                              a: g.baseAddress! + i * m * n, lda: n, b: pb.baseAddress! + i * strideB, ldb: n,
                                              beta: fresh && i == 0 ? 0 : 1, c: ga.baseAddress!, ldc: k)
                            }
                            return
                        }
                        let entry = { (i: Int) in
                            GEMM.multiply(transposeA: false, transposeB: true, m: m, n: k, k: n,
                                          a: g.baseAddress! + i * m * n, lda: n, b: pb.baseAddress! + i * strideB, ldb: n,
                                          beta: fresh ? 0 : 1, c: ga.baseAddress! + i * strideA, ldc: k)
                        }
                        if concurrent { Parallel.forEach(batch, entry) } else { for i in 0..<batch { entry(i) } }
                    }
                }
            }
            if b.requiresGrad {
                b.writeOrAccumulateGrad { gb, fresh in
                    a.data.withUnsafeBufferPointer { pa in
                        if b.rank == 2 {
                            // a viewed as [B·M, K], g as [B·M, N]: one product.
                            GEMM.multiply(transposeA: true, transposeB: false, m: k, n: n, k: batch * m,
                                          a: pa.baseAddress!, lda: k, b: g.baseAddress!, ldb: n,
                                          beta: fresh ? 0 : 1, c: gb.baseAddress!, ldc: n)
                            return
                        }
                        let entry = { (i: Int) in
                            GEMM.multiply(transposeA: true, transposeB: false, m: k, n: n, k: m,
                                          a: pa.baseAddress! + i * strideA, lda: k, b: g.baseAddress! + i * m * n, ldb: n,
                                          beta: fresh ? 0 : 1, c: gb.baseAddress! + i * strideB, ldc: n)
                        }
                        if concurrent { Parallel.forEach(batch, entry) } else { for i in 0..<batch { entry(i) } }
                    }
                }
            }
        }
    }
}
