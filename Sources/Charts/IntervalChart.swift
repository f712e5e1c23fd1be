import Foundation

/// A dot-and-interval ("forest") chart: one row per compared number, a dot at our value minus the published one and
/// a horizontal line over the interval that difference was judged with, a vertical line at 0 (the published value)
/// and a shaded band of ± the practical margin. Rows far beyond the others are drawn to the edge with an arrow and
/// their value written beside it, so one outlier does not flatten the rest.
public struct IntervalChart: Chart, Hashable, Codable {
    /// One compared number.
    public struct Row: Sendable, Hashable, Codable {
        public var label: String
        /// Ours − published.
        public var value: Double
        /// The interval around `value` (nil: a dot only, e.g. one seed).
        public var low: Double?
        public var high: Double?
        /// Colour class: 0 consistent, 1 differs, 2 inconclusive.
        public var kind: Int

        public init(label: String, value: Double, low: Double?, high: Double?, kind: Int) {
            self.label = label
            self.value = value
            self.low = low
            self.high = high
            self.kind = kind
        }
    }

    public var title: String
    public var xLabel: String
    public var rows: [Row]
    /// Half-width of the shaded band around 0.
    public var margin: Double
    public var note: String?

    public init(title: String, xLabel: String, rows: [Row], margin: Double, note: String? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.rows = rows
        self.margin = margin
        self.note = note
    }

    public func validate() throws {
        for row in rows where !row.value.isFinite {
            throw ChartError.invalidData("row \"\(row.label)\": value is not finite")
        }
    }

    static let kindColors = [Color(hex: 0x009E73), Color(hex: 0xD55E00), Color(hex: 0x0072B2)]
    static let kindNames = ["consistent", "differs", "inconclusive"]

    /// The x half-range: covers every row except those whose whole interval lies more than ten times the median row
    /// extent away from 0 (drawn at the edge), so a wide interval is always shown in full.
    var xLimit: Double {
        let extents = rows.map { max(abs($0.value), abs($0.low ?? $0.value), abs($0.high ?? $0.value)) }
        guard !extents.isEmpty else { return max(margin, 1) }
        let median = extents.sorted()[(extents.count - 1) / 2]
        let kept = zip(rows, extents).filter { row, _ in Self.nearest(row) <= 10 * max(median, margin) }.map(\.1)
        return max(kept.max() ?? median, margin, 1e-9) * 1.12
    }

    /// How close a row's interval (or dot) comes to 0.
    static func nearest(_ row: Row) -> Double {
        guard let lo = row.low, let hi = row.high else { return abs(row.value) }
        return lo <= 0 && hi >= 0 ? 0 : min(abs(lo), abs(hi))
    }

    public func draw(on canvas: Canvas, in rect: Rect) {
        let titleFont = Font.sans(10.5, bold: true), tickFont = Font.sans(8), labelFont = Font.sans(9), rowFont = Font.sans(8)
        let pad = 6.0
        var top = rect.minY + pad
        if !title.isEmpty {
            canvas.draw(title, font: titleFont, color: Palette.text, at: Point(x: rect.minX + pad, y: top), maxWidth: rect.width - 2 * pad, alignment: .left)
            top += canvas.lineHeight(titleFont) + 6
        }
        // Legend line under the title.
        var lx = rect.minX + pad
        let legendY = top
        for (k, name) in Self.kindNames.enumerated() where rows.contains(where: { $0.kind == k }) {
            var dot = Path()
            dot.addCircle(center: Point(x: lx + 4, y: legendY + canvas.lineHeight(rowFont) / 2), radius: 3.2)
            canvas.fill(dot, color: Self.kindColors[k])
            canvas.draw(name, font: rowFont, color: Palette.text, at: Point(x: lx + 11, y: legendY))
            lx += 11 + canvas.measure(name, font: rowFont, maxWidth: nil).width + 14
        }
        canvas.fill(.rect(Rect(x: lx, y: legendY + 2, width: 16, height: canvas.lineHeight(rowFont) - 4)), color: Color(hex: 0xE8E8E8))
        canvas.draw("± practical margin", font: rowFont, color: Palette.text, at: Point(x: lx + 20, y: legendY))
        top += canvas.lineHeight(rowFont) + 6

        let labelWidth = min(rect.width * 0.42, (rows.map { canvas.measure($0.label, font: rowFont, maxWidth: nil).width }.max() ?? 0) + 8)
        let bottomSpace = canvas.lineHeight(tickFont) + canvas.lineHeight(labelFont) + 14 + (note == nil ? 0 : canvas.lineHeight(Font.sans(7.5)) + 2)
        let plot = Rect(x: rect.minX + pad + labelWidth, y: top, width: rect.width - 2 * pad - labelWidth - 30, height: rect.maxY - pad - bottomSpace - top)
        guard plot.width > 20, plot.height > 10 else { return }
        let limit = xLimit
        let ticks = AxisTicks.within(-limit, limit, maxIntervals: max(2, Int(plot.width / 56)))
        func xPos(_ v: Double) -> Double { plot.minX + (min(max(v, -limit), limit) + limit) / (2 * limit) * plot.width }

        // Margin band, grid, zero line.
        canvas.fill(.rect(Rect(x: xPos(-margin), y: plot.minY, width: xPos(margin) - xPos(-margin), height: plot.height)), color: Color(hex: 0xE8E8E8))
        var grid = Path()
        for v in ticks.values { grid.move(to: Point(x: xPos(v), y: plot.minY)); grid.addLine(to: Point(x: xPos(v), y: plot.maxY)) }
        canvas.stroke(grid, color: Palette.grid, style: StrokeStyle(width: 0.6))
        canvas.stroke(.line(from: Point(x: xPos(0), y: plot.minY), to: Point(x: xPos(0), y: plot.maxY)), color: Palette.axis, style: StrokeStyle(width: 1))

        let step = plot.height / Double(max(rows.count, 1))
        let rowHeight = canvas.lineHeight(rowFont)
        for (i, row) in rows.enumerated() {
            let cy = plot.minY + step * (Double(i) + 0.5)
            let label = canvas.lines(row.label, font: rowFont, maxWidth: labelWidth - 6).first ?? row.label
            let w = canvas.measure(label, font: rowFont, maxWidth: nil).width
            canvas.draw(label, font: rowFont, color: Palette.text, at: Point(x: plot.minX - 6 - w, y: cy - rowHeight / 2))
            let color = Self.kindColors[min(max(row.kind, 0), 2)]
            if let lo = row.low, let hi = row.high, lo.isFinite, hi.isFinite {
                canvas.stroke(.line(from: Point(x: xPos(lo), y: cy), to: Point(x: xPos(hi), y: cy)), color: color, style: StrokeStyle(width: 1.8))
                for end in [lo, hi] where abs(end) <= limit {
                    canvas.stroke(.line(from: Point(x: xPos(end), y: cy - 3), to: Point(x: xPos(end), y: cy + 3)), color: color, style: StrokeStyle(width: 1.2))
                }
            }
            var dot = Path()
            dot.addCircle(center: Point(x: xPos(row.value), y: cy), radius: 3.4)
            canvas.fill(dot, color: color)
            if abs(row.value) > limit {
                // An arrow at the edge and the value beside it.
                let edge = xPos(row.value), dir = row.value > 0 ? 1.0 : -1.0
                var arrow = Path()
                arrow.addPolygon([Point(x: edge + dir * 9, y: cy), Point(x: edge + dir * 3, y: cy - 4), Point(x: edge + dir * 3, y: cy + 4)])
                canvas.fill(arrow, color: color)
                let text = String(format: "%+.2f", row.value)
                let tw = canvas.measure(text, font: rowFont, maxWidth: nil).width
                canvas.draw(text, font: rowFont, color: color, at: Point(x: dir > 0 ? edge - tw - 6 : edge + 6, y: cy - rowHeight - 1))
            }
        }

        // Axis.
        canvas.stroke(.line(from: Point(x: plot.minX, y: plot.maxY), to: Point(x: plot.maxX, y: plot.maxY)), color: Palette.axis, style: StrokeStyle(width: 0.8))
        for v in ticks.values {
            let text = ticks.label(for: v)
            let tw = canvas.measure(text, font: tickFont, maxWidth: nil).width
            canvas.stroke(.line(from: Point(x: xPos(v), y: plot.maxY), to: Point(x: xPos(v), y: plot.maxY + 3)), color: Palette.axis, style: StrokeStyle(width: 0.8))
            canvas.draw(text, font: tickFont, color: Palette.mutedText, at: Point(x: xPos(v) - tw / 2, y: plot.maxY + 5))
        }
        let lw = canvas.measure(xLabel, font: labelFont, maxWidth: nil).width
        let labelY = plot.maxY + 7 + canvas.lineHeight(tickFont)
        canvas.draw(xLabel, font: labelFont, color: Palette.text, at: Point(x: plot.minX + (plot.width - lw) / 2, y: labelY))
        if let note {
            canvas.draw(note, font: Font.sans(7.5, italic: true), color: Palette.mutedText, at: Point(x: rect.minX + pad, y: labelY + canvas.lineHeight(labelFont) + 2))
        }
    }
}
