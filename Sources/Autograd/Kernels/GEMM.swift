import CBLAS

/// Row-major single-precision matrix products through OpenBLAS.
enum GEMM {
    /// `C = alpha · op(A) · op(B) + beta · C`, with `op(A)` of shape m×k, `op(B)` k×n and
    /// `C` m×n, all row-major; `lda`, `ldb`, `ldc` are the row strides of the stored
    /// matrices (before transposition).
    static func multiply(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
                         alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
                         b: UnsafePointer<Float>, ldb: Int,
                         beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            // Empty sum: only the beta scaling remains (BLAS would also need lda >= 1 here).
            for i in 0..<m {
                for j in 0..<n { c[i * ldc + j] = beta == 0 ? 0 : beta * c[i * ldc + j] }
            }
            return
        }
        BLASThreads.run(forFlops: 2 * m * n * k) {
            cblas_sgemm(CblasRowMajor,
                        transposeA ? CblasTrans : CblasNoTrans,
                        transposeB ? CblasTrans : CblasNoTrans,
                        Int32(m), Int32(n), Int32(k),
                        alpha, a, Int32(lda), b, Int32(ldb),
                        beta, c, Int32(ldc))
        }
    }
}
