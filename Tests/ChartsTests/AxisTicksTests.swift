import Testing
@testable import Charts

/// Tick cases derived by hand from the rule "smallest step in {1, 2, 5} × 10^k giving at most
/// `maxIntervals` intervals" (after widening the range to whole steps for `expanding`).
struct AxisTicksTests {
    @Test func accuracyRangeWidensToZeroToOneInFifths() {
        // span 0.85, 5 intervals: 0.1 needs 9 > 5; 0.2 needs floor(0.12/0.2)=0 .. ceil(0.97/0.2)=5, 5 intervals.
        let t = AxisTicks.expanding(0.12, 0.97, maxIntervals: 5)
        #expect(t.step == 0.2)
        #expect(t.lower == 0 && t.upper == 1)
        // Exact decimals: 3 × 0.2 would be 0.6000000000000001; the tick is the double nearest 0.6.
        #expect(t.values == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
        #expect(t.values.map(t.label) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    @Test func epochsOneToTwentyUseFives() {
        // span 19 over at most 5 intervals needs a step >= 3.8: 5 -> 0, 5, ..., 20.
        let t = AxisTicks.expanding(1, 20, maxIntervals: 5)
        #expect(t.step == 5)
        #expect(t.values == [0, 5, 10, 15, 20])
        #expect(t.label(for: 15) == "15")
    }

    @Test func negativeRangeUsesMinusSign() {
        // span 11.1 over 4 intervals needs >= 2.775: 5; floor(-3.2/5) = -1, ceil(7.9/5) = 2 -> 3 intervals.
        let t = AxisTicks.expanding(-3.2, 7.9, maxIntervals: 4)
        #expect(t.values == [-5, 0, 5, 10])
        #expect(t.label(for: -5) == "−5")
    }

    @Test func wideningCanForceTheNextStep() {
        // 0.2 spans 0.8 in 4 intervals, but widening 0.15...0.95 to 0...1.0 needs 5; so 0.5.
        let t = AxisTicks.expanding(0.15, 0.95, maxIntervals: 4)
        #expect(t.step == 0.5)
        #expect(t.values == [0, 0.5, 1])
    }

    @Test func smallSpansUseSmallSteps() {
        // span 0.004 over 4 intervals needs >= 0.001: 0.001, from 0.981 to 0.985.
        let t = AxisTicks.expanding(0.9812, 0.9849, maxIntervals: 4)
        #expect(t.step == 0.001)
        #expect(t.values == [0.981, 0.982, 0.983, 0.984, 0.985])
        #expect(t.decimals == 3)
    }

    @Test func fixedRangeKeepsItsEnds() {
        // 0...1 in at most 4 intervals: 0.2 would need 5, so 0.5.
        let t = AxisTicks.within(0, 1, maxIntervals: 4)
        #expect(t.lower == 0 && t.upper == 1)
        #expect(t.values == [0, 0.5, 1])
        // 0.5...10.5 with a caller's step of 2: the multiples of 2 inside.
        let s = AxisTicks.within(0.5, 10.5, step: 2)
        #expect(s.values == [2, 4, 6, 8, 10])
        #expect(s.lower == 0.5 && s.upper == 10.5)
        // A step of 0.25 shows two decimals.
        #expect(AxisTicks.within(0, 0.5, step: 0.25).values.map { AxisTicks.format($0, decimals: 2) } == ["0.00", "0.25", "0.50"])
    }

    @Test func degenerateRangesStillGiveAnAxis() {
        let single = AxisTicks.expanding(3, 3, maxIntervals: 5)   // 3 ± 0.3 -> 2.7...3.3
        #expect(single.lower <= 2.7 && single.upper >= 3.3 && single.values.count >= 2)
        let zero = AxisTicks.expanding(0, 0, maxIntervals: 5)     // ±0.5
        #expect(zero.lower <= -0.5 && zero.upper >= 0.5)
        let infinite = AxisTicks.expanding(-.infinity, .nan, maxIntervals: 5)
        #expect(infinite.lower == 0 && infinite.upper == 1)
    }

    @Test func labelsAvoidNegativeZeroAndUseScientificForHugeValues() {
        #expect(AxisTicks.format(-1e-9, decimals: 1) == "0.0")
        #expect(AxisTicks.format(-0.25, decimals: 2) == "−0.25")
        #expect(AxisTicks.format(2_500_000, decimals: 0) == "2.5×10⁶")
        #expect(AxisTicks.format(0.00002, decimals: 5) == "2×10⁻⁵")
        #expect(AxisTicks.format(1_000_000, decimals: 0) == "10⁶")
    }
}

struct AxisTicksRobustnessTests {
    @Test func absurdRangesDoNotTrap() {
        // Span 2 at 1e16 over 5000 intervals: step 5e-4, so 1e16 / step = 2e19 exceeds Int.max.
        // Unclamped, Int(2e19) traps; clamped, the axis degenerates but the process survives.
        let t = AxisTicks.expanding(1e16, 1e16 + 2, maxIntervals: 5000)
        #expect(t.values.count <= 5001)
    }
}
