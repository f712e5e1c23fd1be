@testable import Charts
import Foundation
import Testing

/// The ours-vs-published interval chart, and line series with a min–max band and a published mark.
struct IntervalChartTests {
    /// Rows within ±2 keep the scale at their extent (× 1.12); a row whose whole interval lies beyond ten times the
    /// median extent (39.5 > 10 × 2) is drawn at the edge instead of flattening the rest; a wide interval reaching
    /// towards 0 is kept in full.
    @Test func outliersDoNotSetTheScale() throws {
        let chart = IntervalChart(title: "t", xLabel: "x", rows: [
            IntervalChart.Row(label: "a", value: 0.2, low: -0.5, high: 0.9, kind: 0),
            IntervalChart.Row(label: "b", value: -1.0, low: -2.0, high: 0.0, kind: 2),
            IntervalChart.Row(label: "c", value: 40.0, low: 39.5, high: 40.5, kind: 1),
        ], margin: 1)
        #expect(abs(chart.xLimit - 2.0 * 1.12) < 1e-12)
        var wide = chart
        wide.rows.append(IntervalChart.Row(label: "d", value: 18.2, low: 4.2, high: 32.2, kind: 1))
        #expect(abs(wide.xLimit - 32.2 * 1.12) < 1e-12)
        let png = try chart.render(format: .png, width: 480, height: 300)
        #expect(png.count > 1000)
        #expect(throws: ChartError.self) {
            try IntervalChart(title: "", xLabel: "", rows: [IntervalChart.Row(label: "n", value: .nan, low: nil, high: nil, kind: 0)], margin: 1).validate()
        }
    }

    /// The y range covers the min–max band and the published mark, not just the mean line.
    @Test func bandAndPublishedValueSetTheRange() throws {
        let series = LineSeries(name: "s", x: [1, 2, 3], y: [90, 91, 92], low: [85, 90, 91.5], high: [93, 92, 92.5], published: 99)
        #expect(series.bandBounds(0) == (low: 85, high: 93))
        let chart = LineChart(title: "", xLabel: "epoch", yLabel: "acc", series: [series], yRange: nil, xTickStep: 1, note: nil)
        #expect(chart.yExtent == 85...99)
        _ = try chart.render(format: .svg, width: 480, height: 300)
        #expect(throws: ChartError.self) {
            try LineSeries(name: "bad", x: [1, 2], y: [1, 2], low: [0], high: [3, 4]).validate()
        }
    }
}
