/// Singular values of a small dense Double matrix by the one-sided Jacobi method (Hestenes 1958; Demmel & Veselić
/// 1992), and the numerical rank they give.
///
/// One-sided Jacobi orthogonalises the columns of `A` by plane rotations applied from the right: for each pair of
/// columns `(a_i, a_j)` with `γ = a_iᵀa_j` not negligible against `√(‖a_i‖²‖a_j‖²)`, the rotation that makes them
/// orthogonal is applied; sweeps repeat until none is needed. The column norms are then the singular values. It works on
/// `A` itself, never on `AᵀA`, so small singular values keep their relative accuracy instead of being lost to the
/// squared condition number (which for `AᵀA` puts σ below about √ε·σ_max, 1.5e-8 σ_max, into the rounding noise).
public enum SingularValues {
    /// The singular values of the row-major `rows x columns` matrix `a`, largest first (`min(rows, columns)` of them).
    /// - Precondition: `a.count == rows * columns`, every entry finite.
    public static func of(_ a: [Double], rows: Int, columns: Int) -> [Double] {
        precondition(rows >= 0 && columns >= 0 && a.count == rows * columns, "SingularValues: \(a.count) entries for \(rows) x \(columns)")
        precondition(a.allSatisfy(\.isFinite), "SingularValues: the matrix has a non-finite entry")
        // Work on the columns of the taller orientation (Aᵀ has the same singular values), stored column by column.
        let (m, n) = rows >= columns ? (rows, columns) : (columns, rows)
        var c = [Double](repeating: 0, count: m * n)
        for r in 0..<rows {
            for k in 0..<columns {
                if rows >= columns { c[k * m + r] = a[r * columns + k] } else { c[r * m + k] = a[r * columns + k] }
            }
        }
        let epsilon = Double.ulpOfOne / 2  // unit roundoff 2⁻⁵³
        for _ in 0..<80 {
            var rotated = false
            for i in 0..<max(n - 1, 0) {
                for j in (i + 1)..<n {
                    var alpha = 0.0, beta = 0.0, gamma = 0.0
                    for r in 0..<m {
                        let x = c[i * m + r], y = c[j * m + r]
                        alpha += x * x
                        beta += y * y
                        gamma += x * y
                    }
                    guard abs(gamma) > epsilon * (alpha * beta).squareRoot(), gamma != 0 else { continue }
                    rotated = true
                    // The rotation angle that zeroes the (i, j) entry of the 2x2 Gram matrix [[α, γ], [γ, β]].
                    let zeta = (beta - alpha) / (2 * gamma)
                    let t = (zeta >= 0 ? 1.0 : -1.0) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
                    let cosine = 1 / (1 + t * t).squareRoot(), sine = cosine * t
                    for r in 0..<m {
                        let x = c[i * m + r], y = c[j * m + r]
                        c[i * m + r] = cosine * x - sine * y
                        c[j * m + r] = sine * x + cosine * y
                    }
                }
            }
            if !rotated { break }
        }
        return (0..<n).map { k in
            // Scaled norm, so no square overflows or underflows.
            let column = c[(k * m)..<((k + 1) * m)]
            let scale = column.reduce(0) { max($0, abs($1)) }
            guard scale > 0 else { return 0 }
            return scale * column.reduce(0) { $0 + ($1 / scale) * ($1 / scale) }.squareRoot()
        }.sorted(by: >)
    }

    /// The numerical-rank threshold `factor · max(rows, columns) · ε · σ_max` (ε = 2⁻⁵², numpy's `matrix_rank` default
    /// with `factor` 1): the size of the rounding error a backward-stable SVD of a Double matrix may leave in a
    /// singular value.
    public static func tolerance(_ singularValues: [Double], rows: Int, columns: Int, factor: Double) -> Double {
        factor * Double(max(rows, columns)) * Double.ulpOfOne * (singularValues.max() ?? 0)
    }

    /// How many singular values exceed `tolerance`.
    public static func rank(_ singularValues: [Double], tolerance: Double) -> Int {
        singularValues.filter { $0 > tolerance }.count
    }
}
