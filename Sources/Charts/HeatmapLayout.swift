import Foundation

/// Where each part of a `Heatmap` goes inside a given rectangle, computed with a canvas's text metrics.
///
/// Left to right: y label, row labels, the matrix of square cells, the colour bar with its ticks
/// and label; the group is centred horizontally. Under the matrix: column labels (rotated 45° when
/// they do not fit side by side), then the x label.
public struct HeatmapLayout: Sendable {
    /// Distances (points) shared by the layout and the drawing.
    enum Style {
        static let rowLabelGap = 4.0
        static let colorBarGap = 12.0
        static let colorBarWidth = 10.0
        static let largestValueFont = 8.5
        static let smallestValueFont = 5.0
        /// Horizontal room a printed value leaves inside its cell.
        static let valueInset = 3.0
    }

    /// The whole chart.
    public var bounds: Rect
    /// The cells; row 0 at the top, column 0 at the left.
    public var matrixArea: Rect
    /// Side of one square cell.
    public var cellSize: Double
    /// The colour bar's gradient.
    public var colorBarArea: Rect
    /// Ticks of the colour bar, over the chart's value range.
    public var colorBarTicks: AxisTicks
    /// Font for the printed values; nil when cells are too small for legible values (or values are hidden).
    public var valueFont: Font?
    /// Whether the column labels are rotated 45°.
    public var rotatedColumnLabels: Bool
    /// Width the row labels are cut to.
    var rowLabelWidth: Double
    /// Height of the column label block.
    var columnLabelHeight: Double
    var columnLabels: CategoryLabels
    var header: ChartHeader

    /// Lays `chart` out in `rect`.
    public init(chart: Heatmap, canvas: Canvas, rect: Rect) {
        typealias S = LineChartLayout.Style
        typealias H = Style
        bounds = rect
        let content = rect.insetBy(dx: S.padding, dy: S.padding)
        header = ChartHeader(title: chart.title, note: chart.note, legend: [], canvas: canvas, content: content)
        let rows = max(1, chart.rowLabels.count), cols = max(1, chart.columnLabels.count)
        let labelHeight = canvas.lineHeight(S.labelFont), tickHeight = canvas.lineHeight(S.tickFont)

        rowLabelWidth = min(chart.rowLabels.map { canvas.measure($0, font: S.tickFont, maxWidth: nil).width }.max() ?? 0, Heatmap.maxLabelLength)
        let leftBlock = (chart.yLabel.isEmpty ? 0 : labelHeight + S.labelGap) + rowLabelWidth + H.rowLabelGap

        // The colour bar's tick count depends on the matrix height; its label width barely does,
        // so measure it with ticks for a generous height and keep that width.
        let provisionalTicks = AxisTicks.within(chart.valueRange.lowerBound, chart.valueRange.upperBound, maxIntervals: 4)
        let barTickWidth = provisionalTicks.values.map {
            canvas.measure(Self.colorBarLabel($0, ticks: provisionalTicks, format: chart.valueFormat), font: S.tickFont, maxWidth: nil).width
        }.max() ?? 0
        let barBlock = H.colorBarGap + H.colorBarWidth + S.tickLength + S.tickGap + barTickWidth
            + (chart.colorBarLabel.isEmpty ? 0 : S.labelGap + labelHeight)

        let availableWidth = max(10, content.width - leftBlock - barBlock)
        let top = content.minY + header.height
        let xLabelBlock = chart.xLabel.isEmpty ? 0 : S.labelGap + labelHeight
        var cell = availableWidth / Double(cols)
        var labels = CategoryLabels(labels: chart.columnLabels, font: S.tickFont, slotWidth: cell,
                                    maxLength: Heatmap.maxLabelLength, canvas: canvas)
        for _ in 0..<2 {
            let availableHeight = content.maxY - top - S.tickGap - labels.height - xLabelBlock
            cell = max(2, min(availableWidth / Double(cols), availableHeight / Double(rows)))
            labels = CategoryLabels(labels: chart.columnLabels, font: S.tickFont, slotWidth: cell,
                                    maxLength: Heatmap.maxLabelLength, canvas: canvas)
        }
        cellSize = cell
        columnLabels = labels
        rotatedColumnLabels = labels.rotated
        columnLabelHeight = labels.height

        let matrixWidth = cell * Double(cols), matrixHeight = cell * Double(rows)
        // Rotated column labels hang left of the first column; keep them clear of the chart's edge.
        let firstReach = chart.columnLabels.isEmpty ? 0 : labels.leftReach(0) - cell / 2
        let leftNeed = max(leftBlock, firstReach)
        let groupWidth = leftNeed + matrixWidth + barBlock
        let left = content.minX + max(0, (content.width - groupWidth) / 2) + leftNeed
        matrixArea = Rect(x: left, y: top, width: matrixWidth, height: matrixHeight)
        colorBarArea = Rect(x: matrixArea.maxX + H.colorBarGap, y: top, width: H.colorBarWidth, height: matrixHeight)
        colorBarTicks = AxisTicks.within(chart.valueRange.lowerBound, chart.valueRange.upperBound,
                                         maxIntervals: max(1, min(10, Int(matrixHeight / max(S.minimumTickSpacingY * 0.75, tickHeight * 1.5)))))

        valueFont = nil
        if case .hidden = chart.valueFormat {} else {
            let texts = chart.values.flatMap { $0 }.map(chart.formatted)
            let size = min(H.largestValueFont, cell * 0.36)
            let widest = texts.map { canvas.measure($0, font: .sans(size), maxWidth: nil).width }.max() ?? 0
            let fitted = widest > 0 ? min(size, size * (cell - H.valueInset) / widest) : size
            if fitted >= H.smallestValueFont { valueFont = .sans((fitted * 4).rounded(.down) / 4) }
        }
    }

    /// The rectangle of the cell at (`row`, `column`).
    public func cellRect(row: Int, column: Int) -> Rect {
        Rect(x: matrixArea.minX + Double(column) * cellSize, y: matrixArea.minY + Double(row) * cellSize, width: cellSize, height: cellSize)
    }

    /// The canvas y coordinate of `value` on the colour bar.
    public func colorBarPosition(_ value: Double) -> Double {
        colorBarArea.maxY - (value - colorBarTicks.lower) / (colorBarTicks.upper - colorBarTicks.lower) * colorBarArea.height
    }

    /// A colour bar tick label: the tick's own decimals, or a whole percent for `.percent`.
    static func colorBarLabel(_ value: Double, ticks: AxisTicks, format: Heatmap.ValueFormat) -> String {
        if case .percent = format { return AxisTicks.format(value * 100, decimals: max(0, ticks.decimals - 2)) + "%" }
        return ticks.label(for: value)
    }
}
