extension Tensor {
    /// The matrix product `a · b` of `a` [m, k] and `b` [k, n], giving [m, n] (OpenBLAS
    /// `sgemm`). Backward, also through `sgemm`, accumulating straight into the gradients:
    /// `da += g · bᵀ`, `db += aᵀ · g`.
    /// - Precondition: both are 2-D with matching inner extents.
    public static func matmul(_ a: Tensor, _ b: Tensor) -> Tensor {
        precondition(a.rank == 2 && b.rank == 2 && a.shape[1] == b.shape[0],
                     "matmul needs [m, k] · [k, n], got \(a.shape) · \(b.shape)")
        let m = a.shape[0], k = a.shape[1], n = b.shape[1]
        let out = VectorKernels.array(count: m * n) { pc in
            a.data.withUnsafeBufferPointer { pa in
                b.data.withUnsafeBufferPointer { pb in
                    GEMM.multiply(transposeA: false, transposeB: false, m: m, n: n, k: k,
                                  a: pa.baseAddress!, lda: k, b: pb.baseAddress!, ldb: n,
                                  beta: 0, c: pc.baseAddress!, ldc: n)
                }
            }
        }
        return Tensor(shape: [m, n], data: out, inputs: [a, b]) { g in
            if a.requiresGrad {
                a.writeOrAccumulateGrad { ga, fresh in
                    b.data.withUnsafeBufferPointer { pb in
                        GEMM.multiply(transposeA: false, transposeB: true, m: m, n: k, k: n,
                                      a: g.baseAddress!, lda: n, b: pb.baseAddress!, ldb: n,
                                      beta: fresh ? 0 : 1, c: ga.baseAddress!, ldc: k)
                    }
                }
            }
            if b.requiresGrad {
                b.writeOrAccumulateGrad { gb, fresh in
                    a.data.withUnsafeBufferPointer { pa in
                        GEMM.multiply(transposeA: true, transposeB: false, m: k, n: n, k: m,
                                      a: pa.baseAddress!, lda: k, b: g.baseAddress!, ldb: n,
                                      beta: fresh ? 0 : 1, c: gb.baseAddress!, ldc: n)
                    }
                }
            }
        }
    }

    /// `Tensor.matmul(self, other)`.
    public func matmul(_ other: Tensor) -> Tensor { Tensor.matmul(self, other) }
}
