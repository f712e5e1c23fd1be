import Foundation

/// Where each part of a `LineChart` goes inside a given rectangle, computed with a canvas's text metrics.
public struct LineChartLayout: Sendable {
    /// Fonts and distances (points) shared by the layout and the drawing.
    enum Style {
        static let padding = 6.0
        static let titleFont = Font.sans(10.5, bold: true)
        static let noteFont = Font.sans(7.5, italic: true)
        static let tickFont = Font.sans(8)
        static let labelFont = Font.sans(9)
        static let legendFont = Font.sans(8.5)
        static let tickLength = 3.5
        static let tickGap = 2.5
        static let labelGap = 5.0
        static let headerGap = 8.0
        static let legendGap = 12.0
        static let swatchWidth = 22.0
        static let swatchGap = 5.0
        static let legendColumnGap = 14.0
        static let legendRowGap = 3.0
        static let minimumTickSpacingY = 34.0
        static let minimumTickSpacingX = 56.0
        static let tickLabelClearance = 8.0
    }

    /// The whole chart.
    public var bounds: Rect
    /// The data area; axes run along its left and bottom edges.
    public var plotArea: Rect
    /// The title's box (zero height when there is no title).
    public var titleArea: Rect
    /// The note's box, if there is a note.
    public var noteArea: Rect?
    /// The legend's box, if there are series.
    public var legendArea: Rect?
    /// Legend entries' top-left corners, in series order.
    public var legendEntries: [Point]
    /// Ticks of the x axis (their range is the axis range).
    public var xTicks: AxisTicks
    /// Ticks of the y axis.
    public var yTicks: AxisTicks
    /// Height of one legend row.
    var legendRowHeight: Double

    /// Lays `chart` out in `rect`.
    public init(chart: LineChart, canvas: Canvas, rect: Rect) {
        typealias S = Style
        bounds = rect
        let content = rect.insetBy(dx: S.padding, dy: S.padding)

        // Header: title left, note right; the note drops to its own line when they would touch.
        let note = chart.note.flatMap { $0.isEmpty ? nil : $0 }
        let noteSize = note.map { canvas.measure($0, font: S.noteFont, maxWidth: nil) } ?? Size(width: 0, height: 0)
        var header = 0.0
        if chart.title.isEmpty {
            titleArea = Rect(x: content.minX, y: content.minY, width: 0, height: 0)
            if let _ = note {
                noteArea = Rect(x: content.maxX - noteSize.width, y: content.minY, width: noteSize.width, height: noteSize.height)
                header = noteSize.height + S.headerGap
            }
        } else {
            let oneLine = canvas.measure(chart.title, font: S.titleFont, maxWidth: nil)
            if note == nil || oneLine.width + noteSize.width + 16 <= content.width {
                let size = canvas.measure(chart.title, font: S.titleFont, maxWidth: content.width - (note == nil ? 0 : noteSize.width + 16))
                titleArea = Rect(x: content.minX, y: content.minY, width: size.width, height: size.height)
                if note != nil {
                    noteArea = Rect(x: content.maxX - noteSize.width, y: content.minY + max(0, size.height - noteSize.height) / 2,
                                    width: noteSize.width, height: noteSize.height)
                }
                header = size.height + S.headerGap
            } else {
                let size = canvas.measure(chart.title, font: S.titleFont, maxWidth: content.width)
                titleArea = Rect(x: content.minX, y: content.minY, width: size.width, height: size.height)
                noteArea = Rect(x: content.maxX - noteSize.width, y: titleArea.maxY + 2, width: noteSize.width, height: noteSize.height)
                header = size.height + 2 + noteSize.height + S.headerGap
            }
        }

        // Legend entries: swatch + name.
        let rowHeight = canvas.lineHeight(S.legendFont) + S.legendRowGap
        legendRowHeight = rowHeight
        let entryWidths = chart.series.map { S.swatchWidth + S.swatchGap + canvas.measure($0.name, font: S.legendFont, maxWidth: nil).width }
        let widest = entryWidths.max() ?? 0
        let tickHeight = canvas.lineHeight(S.tickFont)
        let labelHeight = canvas.lineHeight(S.labelFont)
        let xLabelBlock = chart.xLabel.isEmpty ? 0 : S.labelGap + labelHeight
        let plotTop = content.minY + header
        let axisBlock = S.tickLength + S.tickGap + tickHeight + xLabelBlock
        let rightLegendHeight = Double(chart.series.count) * rowHeight
        let legendOnRight: Bool
        switch chart.legendPosition {
        case .right: legendOnRight = true
        case .below: legendOnRight = false
        case .automatic:
            legendOnRight = widest <= 0.3 * content.width && rightLegendHeight <= content.maxY - axisBlock - plotTop
        }

        // Legend below: greedy rows, each centred.
        var belowRows: [[Int]] = []
        if !legendOnRight && !chart.series.isEmpty {
            var row: [Int] = [], used = 0.0
            for (i, w) in entryWidths.enumerated() {
                let extra = row.isEmpty ? w : S.legendColumnGap + w
                if !row.isEmpty && used + extra > content.width {
                    belowRows.append(row)
                    row = [i]
                    used = w
                } else {
                    row.append(i)
                    used += extra
                }
            }
            belowRows.append(row)
        }
        let legendBelowHeight = belowRows.isEmpty ? 0 : Double(belowRows.count) * rowHeight - S.legendRowGap + S.legendGap
        let plotBottom = content.maxY - legendBelowHeight - axisBlock

        // y ticks depend only on the plot height; their labels' width fixes the left margin.
        let plotHeight = max(10, plotBottom - plotTop)
        let yIntervals = max(2, Int(plotHeight / S.minimumTickSpacingY))
        let yAxis: AxisTicks
        if let range = chart.yRange {
            yAxis = AxisTicks.within(range.lowerBound, range.upperBound, maxIntervals: yIntervals)
        } else if let extent = chart.yExtent {
            yAxis = AxisTicks.expanding(extent.lowerBound, extent.upperBound, maxIntervals: yIntervals)
        } else {
            yAxis = AxisTicks.expanding(0, 1, maxIntervals: yIntervals)
        }
        yTicks = yAxis
        let yLabelWidth = yAxis.values.map { canvas.measure(yAxis.label(for: $0), font: S.tickFont, maxWidth: nil).width }.max() ?? 0
        let plotLeft = content.minX + (chart.yLabel.isEmpty ? 0 : labelHeight + S.labelGap) + yLabelWidth + S.tickGap + S.tickLength
        let legendWidth = legendOnRight ? widest : 0
        var plotRight = content.maxX - (legendOnRight && !chart.series.isEmpty ? legendWidth + S.legendGap : 0)

        // x ticks: as many as fit without labels colliding; then keep the last label inside the chart.
        func xTicksFor(width: Double) -> AxisTicks {
            let extent = chart.xExtent ?? 0...1
            if let step = chart.xTickStep, step.isFinite, step > 0 {
                let (lo, hi) = AxisTicks.nonDegenerate(extent.lowerBound, extent.upperBound)
                let pad = extent.upperBound > extent.lowerBound ? 0.03 * (hi - lo) : 0
                var multiplier = 1.0
                while true {
                    let ticks = AxisTicks.within(lo - pad, hi + pad, step: step * multiplier)
                    if multiplier >= 1e6 || labelsFit(ticks, width: width) { return ticks }
                    let digit = multiplier / pow(10, floor(log10(multiplier)))
                    multiplier *= digit == 1 ? 2 : (digit == 2 ? 2.5 : 2)
                }
            }
            var intervals = max(2, Int(width / S.minimumTickSpacingX))
            while true {
                let ticks = AxisTicks.expanding(extent.lowerBound, extent.upperBound, maxIntervals: intervals)
                if intervals <= 2 || labelsFit(ticks, width: width) { return ticks }
                intervals -= 1
            }
        }
        func labelsFit(_ ticks: AxisTicks, width: Double) -> Bool {
            guard ticks.values.count > 1, ticks.upper > ticks.lower else { return true }
            let spacing = ticks.step / (ticks.upper - ticks.lower) * width
            let widest = ticks.values.map { canvas.measure(ticks.label(for: $0), font: S.tickFont, maxWidth: nil).width }.max() ?? 0
            return widest + S.tickLabelClearance <= spacing
        }
        var ticks = xTicksFor(width: plotRight - plotLeft)
        if let last = ticks.values.last, ticks.upper > ticks.lower {
            let half = canvas.measure(ticks.label(for: last), font: S.tickFont, maxWidth: nil).width / 2
            let lastX = plotLeft + (last - ticks.lower) / (ticks.upper - ticks.lower) * (plotRight - plotLeft)
            let limit = legendOnRight && !chart.series.isEmpty ? plotRight + S.legendGap - 2 : content.maxX
            if lastX + half > limit {
                plotRight -= lastX + half - limit
                ticks = xTicksFor(width: plotRight - plotLeft)
            }
        }
        xTicks = ticks
        plotArea = Rect(x: plotLeft, y: plotTop, width: max(10, plotRight - plotLeft), height: plotHeight)

        // Legend placement.
        legendEntries = []
        if chart.series.isEmpty {
            legendArea = nil
        } else if legendOnRight {
            let x = plotArea.maxX + S.legendGap
            legendArea = Rect(x: x, y: plotTop, width: widest, height: rightLegendHeight - S.legendRowGap)
            legendEntries = chart.series.indices.map { Point(x: x, y: plotTop + Double($0) * rowHeight) }
        } else {
            let top = plotArea.maxY + axisBlock + S.legendGap
            var entries = [Point](repeating: Point(x: 0, y: 0), count: chart.series.count)
            var minX = content.maxX, maxX = content.minX
            for (r, row) in belowRows.enumerated() {
                let rowWidth = row.map { entryWidths[$0] }.reduce(0, +) + S.legendColumnGap * Double(row.count - 1)
                var x = plotArea.minX + (plotArea.width - rowWidth) / 2
                x = min(max(x, content.minX), content.maxX - rowWidth)
                minX = min(minX, x)
                maxX = max(maxX, x + rowWidth)
                for i in row {
                    entries[i] = Point(x: x, y: top + Double(r) * rowHeight)
                    x += entryWidths[i] + S.legendColumnGap
                }
            }
            legendEntries = entries
            legendArea = Rect(x: minX, y: top, width: maxX - minX, height: legendBelowHeight - S.legendGap)
        }
    }

    /// The canvas x coordinate of data value `x`.
    public func xPosition(_ x: Double) -> Double {
        plotArea.minX + (x - xTicks.lower) / (xTicks.upper - xTicks.lower) * plotArea.width
    }

    /// The canvas y coordinate of data value `y`.
    public func yPosition(_ y: Double) -> Double {
        plotArea.maxY - (y - yTicks.lower) / (yTicks.upper - yTicks.lower) * plotArea.height
    }
}
