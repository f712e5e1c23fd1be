import Testing
@testable import Reports

/// The verdict rule's rounding allowance comes from the digits the paper printed.
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

    /// |100.0 - 99.21| = 0.79 against 2·sqrt(0.3²/3) + 0.005 = 0.3514 (no published spread): differs;
    /// 99.4 is 0.19 away: consistent.
    @Test func judgeUsesSeedSpreadAndRounding() {
        let ours = SeedStatistics([100.3, 100.0, 99.7])
        let far = Verdict.judge(ours: ours, published: 99.21, publishedSpread: nil, publishedSeeds: 1, printedDecimals: 2)
        #expect(far.verdict == .differs)
        #expect(abs(far.tolerance - (2 * (0.09 / 3).squareRoot() + 0.005)) < 1e-12)
        let near = Verdict.judge(ours: SeedStatistics([99.7, 99.4, 99.1]), published: 99.21, publishedSpread: nil, publishedSeeds: 1,
                                 printedDecimals: 2)
        #expect(near.verdict == .consistent)
    }
}
