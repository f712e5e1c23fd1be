import Catalog
import Foundation
import Testing
@testable import Reports

/// The verdict rule: Student-t quantiles, the prediction and Welch intervals, the three verdicts, paired CIs and claims.
struct VerdictTests {
    /// Printed decimals, including e-notation as Table 1 of the HQNN paper prints small losses:
    /// "0.456e-2" is 0.00456, five decimals, so half a unit of the last digit is 5e-6.
    @Test func printedDecimals() {
        #expect(Verdict.decimals(of: "99.21") == 2)
        #expect(Verdict.decimals(of: "67") == 0)
        #expect(Verdict.decimals(of: "0.456e-2") == 5)
        #expect(Verdict.decimals(of: "4.5E-3") == 4)
        #expect(Verdict.decimals(of: "12e1") == 0)
    }

    /// Student-t quantiles against printed tables and scipy 1.17.1 (`scipy.stats.t.ppf`): t(0.975, 2) = 4.302652729749462,
    /// t(0.975, 9) = 2.262157162798205, t(0.975, 1) = 12.706204736174694 (= tan(0.475π), closed form), t(0.95, 4) =
    /// 2.1318467863266495, t(0.975, 30) = 2.0422724563012378, t(0.975, 4.5) = 2.6589123472044034 (fractional ν, as
    /// Welch gives), t(0.999, 3) = 10.214531852407383; ν = 2 has the closed form t = (2p − 1)·√(2 / (1 − (2p − 1)²)).
    @Test func studentTQuantilesMatchTables() {
        let cases: [(p: Double, nu: Double, t: Double)] = [
            (0.975, 2, 4.302652729749462), (0.975, 9, 2.262157162798205), (0.975, 1, 12.706204736174694),
            (0.95, 4, 2.1318467863266495), (0.975, 30, 2.0422724563012378), (0.975, 4.5, 2.6589123472044034),
            (0.999, 3, 10.214531852407383),
        ]
        for c in cases {
            #expect(abs(StudentT.quantile(c.p, degreesOfFreedom: c.nu) - c.t) < 1e-9 * c.t, "t(\(c.p), \(c.nu))")
            #expect(abs(StudentT.quantile(1 - c.p, degreesOfFreedom: c.nu) + c.t) < 1e-9 * c.t)
        }
        #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 1) - tan(0.475 * Double.pi)) < 1e-9)
        let a = 2 * 0.8 - 1
        #expect(abs(StudentT.quantile(0.8, degreesOfFreedom: 2) - a * (2 / (1 - a * a)).squareRoot()) < 1e-12)
        // Printed table (e.g. any statistics textbook's t table): t(0.975, 2) = 4.303, t(0.975, 9) = 2.262.
        #expect(String(format: "%.4f", StudentT.quantile(0.975, degreesOfFreedom: 2)) == "4.3027")
        #expect(String(format: "%.4f", StudentT.quantile(0.975, degreesOfFreedom: 9)) == "2.2622")
        // Very large ν is the normal quantile 1.959963984540054.
        #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 1e9) - 1.959963984540054) < 1e-7)
        // cdf and quantile invert each other.
        for nu in [1.0, 2.5, 7, 40] {
            for p in [0.6, 0.9, 0.99] {
                #expect(abs(StudentT.cdf(StudentT.quantile(p, degreesOfFreedom: nu), degreesOfFreedom: nu) - p) < 1e-12)
            }
        }
    }

    /// Prediction interval by hand: seeds 100.3, 100.0, 99.7 (mean 100, s = 0.3), published single run 99.21.
    /// Half-width = t(0.975, 2)·0.3·√(1 + 1/3) + 0.005 = 4.302653·0.346410 + 0.005 = 1.495468: 99.21 is inside, and the
    /// interval is wider than the 1-point margin, so inconclusive. With s = 0.03 (99.97, 100.00, 100.03) the half-width
    /// is 0.154: 99.21 lies 0.79 outside, less than the margin: consistent. At mean 98.0 it is 1.21 away: differs.
    @Test func predictionIntervalVerdicts() throws {
        let wide = Verdict.judge(ours: SeedStatistics([100.3, 100.0, 99.7]), published: 99.21, publishedSpread: nil, publishedSeeds: 1,
                                 printedDecimals: 2)
        #expect(wide.method == .predictionInterval)
        let wideHalf = try #require(wide.halfWidth)
        let wideExpected: Double = 4.302652729749462 * 0.3 * (4.0 / 3).squareRoot() + 0.005
        #expect(abs(wideHalf - wideExpected) < 1e-9)
        #expect(wide.verdict == .inconclusive(""))
        let tight = Verdict.judge(ours: SeedStatistics([99.97, 100.0, 100.03]), published: 99.21, publishedSpread: nil, publishedSeeds: 1,
                                  printedDecimals: 2)
        #expect(tight.verdict == .consistent)
        let far = Verdict.judge(ours: SeedStatistics([97.97, 98.0, 98.03]), published: 99.21, publishedSpread: nil, publishedSeeds: 1,
                                printedDecimals: 2)
        #expect(far.verdict == .differs)
        let inside = Verdict.judge(ours: SeedStatistics([99.1, 99.2, 99.3]), published: 99.21, publishedSpread: nil, publishedSeeds: 1,
                                   printedDecimals: 2)
        #expect(inside.verdict == .consistent)
        #expect(Verdict.judge(ours: SeedStatistics([99.0]), published: 99.21, publishedSpread: nil, publishedSeeds: 1, printedDecimals: 2)
            .verdict == .inconclusive("1 seed"))
        // Counts are exact.
        #expect(Verdict.judge(ours: SeedStatistics([45_194, 45_194]), published: 45_194, publishedSpread: nil, publishedSeeds: 1,
                              printedDecimals: 0, metric: .parameters).verdict == .consistent)
        #expect(Verdict.judge(ours: SeedStatistics([45_434]), published: 372_234, publishedSpread: nil, publishedSeeds: 1,
                              printedDecimals: 0, metric: .parameters).verdict == .differs)
    }

    /// Welch by hand: ours 78, 80, 82 (mean 80, s = 2, n = 3), published 70 ± 3 over k = 10 seeds, printed to 0 decimals.
    /// a = 4/3, b = 9/10, V = 2.2333; ν = V² / (a²/2 + b²/9) = 4.98778 / (0.888889 + 0.09) = 5.09535;
    /// half-width = t(0.975, 5.09535)·√V + 0.5. With 100 different test images on each side the binomial variances
    /// 0.7·0.3/100 and 0.8·0.2/100 (×10⁴ in percent²) = 21 + 16 are added: V = 39.2333.
    @Test func welchAndTestSetNoise() throws {
        let ours = SeedStatistics([78, 80, 82])
        let plain = Verdict.judge(ours: ours, published: 70, publishedSpread: 3, publishedSeeds: 10, printedDecimals: 0)
        let a: Double = 4.0 / 3
        let v: Double = a + 0.9
        let denominator: Double = a * a / 2 + 0.81 / 9
        let nu: Double = v * v / denominator
        #expect(plain.method == .welch)
        let plainDF = try #require(plain.degreesOfFreedom)
        #expect(abs(plainDF - nu) < 1e-9)
        let plainHalf = try #require(plain.halfWidth)
        let plainExpected: Double = StudentT.quantile(0.975, degreesOfFreedom: nu) * v.squareRoot() + 0.5
        #expect(abs(plainHalf - plainExpected) < 1e-9)
        #expect(plain.verdict == .differs)
        let noisy = Verdict.judge(ours: ours, published: 70, publishedSpread: 3, publishedSeeds: 10, printedDecimals: 0,
                                  testImages: (published: 100, ours: 100))
        let vn: Double = v + 21 + 16
        let nun: Double = vn * vn / denominator
        let noisyHalf = try #require(noisy.halfWidth)
        let noisyExpected: Double = StudentT.quantile(0.975, degreesOfFreedom: nun) * vn.squareRoot() + 0.5
        #expect(abs(noisyHalf - noisyExpected) < 1e-9)
        #expect(noisy.verdict == .inconclusive(""))
    }

    /// Paired differences 0.1, 0.3, 1.3 (mean 0.5667, s_d = 0.6429): CI half-width t(0.975, 2)·s_d/√3 = 1.5970; the
    /// smallest detectable difference (t(0.975, 2) + t(0.80, 2))·s_d/√3, t(0.80, 2) = 1.0606601717798214 (scipy).
    @Test func pairedDifferenceAndClaims() throws {
        let pair = try #require(PairedDifference(differences: [0.1, 0.3, 1.3]))
        let se: Double = SeedStatistics([0.1, 0.3, 1.3]).standardDeviation / 3.0.squareRoot()
        let half = try #require(pair.halfWidth)
        #expect(abs(half - 4.302652729749462 * se) < 1e-9)
        let detectable = try #require(pair.minimalDetectable)
        let expectedDetectable: Double = (4.302652729749462 + 1.0606601717798214) * se
        #expect(abs(detectable - expectedDetectable) < 1e-9)
        // The CI [-1.03, 2.16] holds 0: "better" with a published gap of +0.5 inside it is inconclusive; with a gap of +3 (above the CI) it fails.
        #expect(pair.judge(.better, publishedGap: 0.5) == .inconclusive("CI holds 0 and the published gap"))
        #expect(pair.judge(.better, publishedGap: 3) == .differs)
        #expect(pair.judge(.notBetter, publishedGap: -0.4) == .consistent)
        #expect(pair.judge(.equal(margin: 1), publishedGap: 0) == .inconclusive("CI wider than ±1"))
        let clear = try #require(PairedDifference(differences: [2.0, 2.1, 1.9]))
        #expect(clear.judge(.better, publishedGap: 0.5) == .consistent)
        #expect(clear.judge(.notBetter, publishedGap: -0.1) == .differs)
        #expect(clear.judge(.equal(margin: 1), publishedGap: 0) == .differs)
        let equal = try #require(PairedDifference(differences: [0.1, -0.1, 0.05, 0.0]))
        #expect(equal.judge(.equal(margin: 1), publishedGap: 0) == .consistent)
        #expect(PairedDifference(differences: [0.4])?.judge(.better, publishedGap: 0.1) == .inconclusive("1 seed"))
    }

    /// `--fail-on-mismatch` fails on "differs" only; inconclusive only when asked.
    @Test func gatePolicy() {
        #expect(Verdict.differs.isFailure)
        #expect(!Verdict.consistent.isFailure && !Verdict.inconclusive("").isFailure && !Verdict.notRun("data missing").isFailure)
        #expect(Verdict.inconclusive("").fails(includingInconclusive: true))
        #expect(!Verdict.notRun("x").fails(includingInconclusive: true))
    }
}
