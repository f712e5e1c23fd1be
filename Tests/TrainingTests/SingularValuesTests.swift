import Foundation
@testable import Training
import Testing
import TestSupport

/// One-sided Jacobi singular values against a hand-derived case and numpy's LAPACK SVD
/// (fixtures/generators/numpy_svd_goldens.py).
@Suite struct SingularValuesTests {
    private struct Case: Decodable {
        let name: String
        let rows: Int
        let columns: Int
        let matrix: [Double]
        let singularValues: [Double]
        let rank: Int
    }
    private struct Goldens: Decodable { let cases: [Case] }

    /// [[3, 0], [4, 5]]: AᵀA = [[25, 20], [20, 25]] has eigenvalues 45 and 5, so σ = 3√5 and √5.
    @Test func handDerivedTwoByTwo() {
        let s = SingularValues.of([3, 0, 4, 5], rows: 2, columns: 2)
        #expect(abs(s[0] - 3 * 5.0.squareRoot()) < 1e-14 && abs(s[1] - 5.0.squareRoot()) < 1e-14)
        // The transpose has the same singular values; a zero matrix has only zeros.
        #expect(SingularValues.of([3, 4, 0, 5], rows: 2, columns: 2).elementsEqual(s) { abs($0 - $1) < 1e-14 })
        #expect(SingularValues.of([0, 0, 0, 0, 0, 0], rows: 3, columns: 2) == [0, 0])
    }

    @Test func matchesNumpy() throws {
        let goldens = try Fixtures.json(Goldens.self, "linalg/svd_goldens.json")
        #expect(goldens.cases.count == 6)
        for c in goldens.cases {
            let ours = SingularValues.of(c.matrix, rows: c.rows, columns: c.columns)
            #expect(ours.count == c.singularValues.count, "\(c.name)")
            let bound = Tolerance.singularValueMultipleOfEpsilon * Double(max(c.rows, c.columns)) * Double.ulpOfOne * c.singularValues[0]
            for (a, b) in zip(ours, c.singularValues) {
                #expect(abs(a - b) <= bound, "\(c.name): \(a) vs numpy \(b)")
            }
            let tolerance = SingularValues.tolerance(ours, rows: c.rows, columns: c.columns, factor: 1)
            #expect(SingularValues.rank(ours, tolerance: tolerance) == c.rank, "\(c.name)")
        }
    }

    /// Jacobi keeps small singular values of a graded matrix to high relative accuracy when its columns are
    /// well-conditioned after scaling (Demmel & Veselić): diag(1, 1e-8, 1e-16) times an orthogonal-ish matrix on the right
    /// would not, so this checks the plain column-scaled case, where JᵀJ would lose 1e-16 entirely.
    @Test func keepsTinySingularValuesOfScaledColumns() {
        // Columns e1, 1e-8 e2, 1e-16 e3 with a little coupling in the first rows: σ ≈ 1, 1e-8, 1e-16.
        let a: [Double] = [1, 1e-9, 0, 0, 1e-8, 1e-17, 0, 0, 1e-16, 0, 0, 0]
        let s = SingularValues.of(a, rows: 4, columns: 3)
        #expect(abs(s[2] / 1e-16 - 1) < 0.05, "\(s)")
        #expect(abs(s[1] / 1e-8 - 1) < 0.01, "\(s)")
    }
}
