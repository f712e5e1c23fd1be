import Foundation

/// Where each part of a `BarChart` goes inside a given rectangle, computed with a canvas's text metrics.
public struct BarChartLayout: Sendable {
    /// The whole chart.
    public var bounds: Rect
    /// The data area; the y axis runs along its left edge, the category axis along its bottom.
    public var plotArea: Rect
    /// Ticks of the value axis.
    public var yTicks: AxisTicks
    /// Whether the category labels are rotated 45° because they do not fit side by side.
    public var rotatedLabels: Bool
    /// Height of the category label block under the axis.
    var categoryLabelHeight: Double
    /// Title, note and legend.
    var header: ChartHeader
    /// The category labels' orientation and sizes.
    var labels: CategoryLabels

    /// Lays `chart` out in `rect`.
    public init(chart: BarChart, canvas: Canvas, rect: Rect) {
        typealias S = LineChartLayout.Style
        bounds = rect
        let content = rect.insetBy(dx: S.padding, dy: S.padding)
        header = ChartHeader(title: chart.title, note: chart.note, legend: chart.legend, canvas: canvas, content: content)
        let plotTop = content.minY + header.height
        let labelHeight = canvas.lineHeight(S.labelFont)
        let xLabelBlock = chart.xLabel.isEmpty ? 0 : S.labelGap + labelHeight
        let n = max(1, chart.categories.count)

        // The slot width needs the left margin (from the y tick labels, which need the plot height,
        // which needs the category label height, which needs the slot width): two passes settle it.
        var left = content.minX + 40
        var ticks = AxisTicks.expanding(0, 1, maxIntervals: 5)
        var cats = CategoryLabels(labels: chart.categories, font: S.tickFont, slotWidth: (content.maxX - left) / Double(n),
                                  maxLength: BarChart.maxCategoryLabelLength, canvas: canvas)
        var plotHeight = 10.0
        for _ in 0..<2 {
            let bottom = content.maxY - xLabelBlock - cats.height - S.tickLength - S.tickGap
            plotHeight = max(10, bottom - plotTop)
            let intervals = max(2, Int(plotHeight / S.minimumTickSpacingY))
            if let range = chart.yRange {
                ticks = AxisTicks.within(range.lowerBound, range.upperBound, maxIntervals: intervals)
            } else {
                let extent = chart.yExtent
                ticks = AxisTicks.expanding(extent.lowerBound, extent.upperBound, maxIntervals: intervals)
            }
            let tickLabelWidth = ticks.values.map { canvas.measure(ticks.label(for: $0), font: S.tickFont, maxWidth: nil).width }.max() ?? 0
            left = content.minX + (chart.yLabel.isEmpty ? 0 : labelHeight + S.labelGap) + tickLabelWidth + S.tickGap + S.tickLength
            cats = CategoryLabels(labels: chart.categories, font: S.tickFont, slotWidth: (content.maxX - left) / Double(n),
                                  maxLength: BarChart.maxCategoryLabelLength, canvas: canvas)
            // Rotated labels hang left of their slot; the first one must stay inside the chart.
            if !chart.categories.isEmpty {
                let slot = (content.maxX - left) / Double(n)
                left = max(left, content.minX + cats.leftReach(0) - slot / 2)
            }
        }
        yTicks = ticks
        labels = cats
        rotatedLabels = cats.rotated
        categoryLabelHeight = cats.height
        plotArea = Rect(x: left, y: plotTop, width: max(10, content.maxX - left), height: plotHeight)
    }

    /// Width of one category's slot.
    public var slotWidth: Double { plotArea.width / Double(max(1, labels.labels.count)) }

    /// The x coordinate of the centre of category `index`'s slot.
    public func categoryCenter(_ index: Int) -> Double {
        plotArea.minX + (Double(index) + 0.5) * slotWidth
    }

    /// The rectangle of the bar of series `s` (of `seriesCount`) at category `c` for `value`.
    public func barRect(category c: Int, series s: Int, seriesCount: Int, value: Double) -> Rect {
        let group = slotWidth * BarChart.groupFraction
        let width = group / Double(max(1, seriesCount))
        let x = categoryCenter(c) - group / 2 + Double(s) * width
        let y0 = yPosition(min(max(0, yTicks.lower), yTicks.upper)), y1 = yPosition(value)
        return Rect(x: x, y: min(y0, y1), width: width, height: abs(y1 - y0))
    }

    /// The canvas y coordinate of value `y`.
    public func yPosition(_ y: Double) -> Double {
        plotArea.maxY - (y - yTicks.lower) / (yTicks.upper - yTicks.lower) * plotArea.height
    }
}
