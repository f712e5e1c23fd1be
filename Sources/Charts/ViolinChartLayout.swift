import Foundation

/// Where each part of a `ViolinChart` goes inside a given rectangle, computed with a canvas's text metrics.
public struct ViolinChartLayout: Sendable {
    /// Vertical gap between panels that have no labels between them.
    static let panelGap = 10.0

    /// The whole chart.
    public var bounds: Rect
    /// The data area of each panel, top to bottom; all share their x extent and value axis.
    public var panelAreas: [Rect]
    /// Ticks of the value axis, shared by every panel.
    public var yTicks: AxisTicks
    /// Top of the category labels (just above the last panel).
    public var categoryLabelTop: Double
    /// Top of the repeated category labels under the last panel (two or more panels), nil for one panel.
    public var bottomLabelTop: Double?
    /// Whether the category labels are rotated 45°.
    public var rotatedLabels: Bool
    var labels: CategoryLabels
    var header: ChartHeader

    /// Lays `chart` out in `rect`.
    public init(chart: ViolinChart, canvas: Canvas, rect: Rect) {
        typealias S = LineChartLayout.Style
        bounds = rect
        let content = rect.insetBy(dx: S.padding, dy: S.padding)
        header = ChartHeader(title: chart.title, note: chart.note,
                             legend: chart.panels.count < 2 ? [] : chart.panels.map { ChartHeader.Entry(name: $0.name, color: $0.color.withAlpha(0.7)) },
                             canvas: canvas, content: content)
        let top = content.minY + header.height
        let labelHeight = canvas.lineHeight(S.labelFont), tickHeight = canvas.lineHeight(S.tickFont)
        let xLabelBlock = chart.xLabel.isEmpty ? 0 : S.labelGap + labelHeight
        let n = max(1, chart.panels.count), slots = Double(max(1, chart.categories.count))

        // As for bars: the slot width needs the left margin, which needs the tick labels, which
        // need the panel height, which needs the label block; two passes settle it.
        var left = content.minX + 40
        var ticks = AxisTicks.expanding(0, 1, maxIntervals: 4)
        var cats = CategoryLabels(labels: chart.categories, font: S.tickFont, slotWidth: (content.maxX - left) / slots,
                                  maxLength: BarChart.maxCategoryLabelLength, canvas: canvas)
        var panelHeight = 10.0
        for _ in 0..<2 {
            let labelBlock = cats.height + tickHeight + 2 * S.tickGap
            // With two or more panels the labels repeat under the last one, so each panel can be read on its own.
            let bottomBlock = n > 1 ? cats.height + S.tickGap + S.tickLength : 0
            let free = content.maxY - top - xLabelBlock - labelBlock - bottomBlock - Double(max(0, n - 2)) * Self.panelGap
            panelHeight = max(10, free / Double(n))
            // Panels are short, so allow ticks a little closer than a line chart's.
            let intervals = max(2, Int(panelHeight / (0.75 * S.minimumTickSpacingY)))
            if let range = chart.yRange {
                ticks = AxisTicks.within(range.lowerBound, range.upperBound, maxIntervals: intervals)
            } else {
                ticks = AxisTicks.expanding(chart.yExtent.lowerBound, chart.yExtent.upperBound, maxIntervals: intervals)
            }
            let tickLabelWidth = ticks.values.map { canvas.measure(ticks.label(for: $0), font: S.tickFont, maxWidth: nil).width }.max() ?? 0
            let nameWidth = chart.panels.isEmpty ? 0 : labelHeight + S.labelGap
            left = content.minX + nameWidth + tickLabelWidth + S.tickGap + S.tickLength
            cats = CategoryLabels(labels: chart.categories, font: S.tickFont, slotWidth: (content.maxX - left) / slots,
                                  maxLength: BarChart.maxCategoryLabelLength, canvas: canvas)
            if !chart.categories.isEmpty {
                left = max(left, content.minX + cats.leftReach(0) - (content.maxX - left) / slots / 2)
            }
        }
        yTicks = ticks
        labels = cats
        rotatedLabels = cats.rotated

        var areas: [Rect] = []
        var y = top
        var labelTop = top
        for i in 0..<n {
            // The labels keep clear of the tick labels that overhang the neighbouring panels' edges.
            if i == n - 1 {
                labelTop = y + tickHeight / 2 + S.tickGap
                y += cats.height + tickHeight + 2 * S.tickGap
            }
            areas.append(Rect(x: left, y: y, width: max(10, content.maxX - left), height: panelHeight))
            y += panelHeight + (i < n - 2 ? Self.panelGap : 0)
        }
        panelAreas = chart.panels.isEmpty ? [] : areas
        categoryLabelTop = labelTop
        bottomLabelTop = n > 1 ? areas.last.map { $0.maxY + S.tickGap + S.tickLength } : nil
    }

    /// Width of one category's slot.
    public var slotWidth: Double {
        (panelAreas.first?.width ?? 0) / Double(max(1, labels.labels.count))
    }

    /// The x coordinate of the centre of category `index`.
    public func categoryCenter(_ index: Int) -> Double {
        (panelAreas.first?.minX ?? bounds.minX) + (Double(index) + 0.5) * slotWidth
    }

    /// The canvas y coordinate of value `y` in panel `panel`.
    public func yPosition(_ y: Double, panel: Int) -> Double {
        let area = panelAreas[panel]
        return area.maxY - (y - yTicks.lower) / (yTicks.upper - yTicks.lower) * area.height
    }
}
