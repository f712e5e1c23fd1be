import Foundation

extension Heatmap {
    /// Draws the heatmap into `rect` of `canvas`: cells, values, labels, colour bar, title.
    public func draw(on canvas: Canvas, in rect: Rect) {
        typealias S = LineChartLayout.Style
        let layout = HeatmapLayout(chart: self, canvas: canvas, rect: rect)
        let scale = HeatmapColorScale.blues
        let matrix = layout.matrixArea

        // Cells, then thin white separators so neighbouring cells of equal colour stay countable.
        for (r, row) in values.enumerated() {
            for (c, v) in row.enumerated() {
                let color = v.isFinite ? scale.color(at: scalePosition(v)) : Palette.grid
                canvas.fill(.rect(layout.cellRect(row: r, column: c)), color: color)
            }
        }
        if layout.cellSize >= 6 {
            var separators = Path()
            for r in 1..<max(1, rowLabels.count) {
                let y = matrix.minY + Double(r) * layout.cellSize
                separators.move(to: Point(x: matrix.minX, y: y)); separators.addLine(to: Point(x: matrix.maxX, y: y))
            }
            for c in 1..<max(1, columnLabels.count) {
                let x = matrix.minX + Double(c) * layout.cellSize
                separators.move(to: Point(x: x, y: matrix.minY)); separators.addLine(to: Point(x: x, y: matrix.maxY))
            }
            canvas.stroke(separators, color: .white, style: StrokeStyle(width: 0.75))
        }
        canvas.stroke(.rect(matrix), color: Palette.grid, style: StrokeStyle(width: 0.6))

        if let font = layout.valueFont {
            let height = canvas.lineHeight(font)
            for (r, row) in values.enumerated() {
                for (c, v) in row.enumerated() {
                    let text = formatted(v)
                    let cell = layout.cellRect(row: r, column: c)
                    let w = canvas.measure(text, font: font, maxWidth: nil).width
                    let color = v.isFinite ? HeatmapColorScale.textColor(on: scale.color(at: scalePosition(v))) : Palette.mutedText
                    canvas.draw(text, font: font, color: color, at: Point(x: cell.minX + (cell.width - w) / 2, y: cell.minY + (cell.height - height) / 2))
                }
            }
        }

        // Row labels right-aligned against the matrix, column labels under it.
        let tickHeight = canvas.lineHeight(S.tickFont)
        for (r, label) in rowLabels.enumerated() {
            let w = min(canvas.measure(label, font: S.tickFont, maxWidth: nil).width, layout.rowLabelWidth)
            let cell = layout.cellRect(row: r, column: 0)
            canvas.drawLine(label, font: S.tickFont, color: Palette.text,
                            at: Point(x: matrix.minX - HeatmapLayout.Style.rowLabelGap - w, y: cell.minY + (cell.height - tickHeight) / 2), maxWidth: w + 0.5)
        }
        for c in columnLabels.indices {
            let cell = layout.cellRect(row: 0, column: c)
            layout.columnLabels.draw(c, centerX: cell.minX + cell.width / 2, top: matrix.maxY + S.tickGap, color: Palette.text, on: canvas)
        }
        if !xLabel.isEmpty {
            let w = canvas.measure(xLabel, font: S.labelFont, maxWidth: nil).width
            canvas.draw(xLabel, font: S.labelFont, color: Palette.text,
                        at: Point(x: matrix.minX + (matrix.width - w) / 2, y: matrix.maxY + S.tickGap + layout.columnLabelHeight + S.labelGap))
        }
        if !yLabel.isEmpty {
            let w = min(canvas.measure(yLabel, font: S.labelFont, maxWidth: nil).width, matrix.height + 40)
            let x = matrix.minX - HeatmapLayout.Style.rowLabelGap - layout.rowLabelWidth - S.labelGap - canvas.lineHeight(S.labelFont)
            canvas.save()
            canvas.translate(x: x, y: matrix.minY + (matrix.height + w) / 2)
            canvas.rotate(radians: -Double.pi / 2)
            canvas.drawLine(yLabel, font: S.labelFont, color: Palette.text, at: Point(x: 0, y: 0), maxWidth: w)
            canvas.restore()
        }

        // Colour bar: thin strips bottom to top (each overlapping the next so no seams show), outline, ticks.
        let bar = layout.colorBarArea
        let strips = max(1, Int(bar.height / 2))
        for i in 0..<strips {
            let y0 = bar.maxY - Double(i + 1) * bar.height / Double(strips)
            let t = (Double(i) + 0.5) / Double(strips)
            let overlap = i + 1 < strips ? 0.5 : 0
            let value = layout.colorBarTicks.lower + t * (layout.colorBarTicks.upper - layout.colorBarTicks.lower)
            canvas.fill(.rect(Rect(x: bar.minX, y: y0 - overlap, width: bar.width, height: bar.height / Double(strips) + overlap)),
                        color: scale.color(at: scalePosition(value)))
        }
        var axis = Path.rect(bar)
        for v in layout.colorBarTicks.values {
            axis.move(to: Point(x: bar.maxX, y: layout.colorBarPosition(v)))
            axis.addLine(to: Point(x: bar.maxX + S.tickLength, y: layout.colorBarPosition(v)))
        }
        canvas.stroke(axis, color: Palette.axis, style: StrokeStyle(width: 0.6))
        var widest = 0.0
        for v in layout.colorBarTicks.values {
            let label = HeatmapLayout.colorBarLabel(v, ticks: layout.colorBarTicks, format: valueFormat)
            widest = max(widest, canvas.measure(label, font: S.tickFont, maxWidth: nil).width)
            canvas.draw(label, font: S.tickFont, color: Palette.mutedText,
                        at: Point(x: bar.maxX + S.tickLength + S.tickGap, y: layout.colorBarPosition(v) - tickHeight / 2))
        }
        if !colorBarLabel.isEmpty {
            // Reads bottom to top, centred on the bar, right of its tick labels.
            let w = min(canvas.measure(colorBarLabel, font: S.labelFont, maxWidth: nil).width, bar.height + 40)
            canvas.save()
            canvas.translate(x: bar.maxX + S.tickLength + S.tickGap + widest + S.labelGap, y: bar.minY + (bar.height + w) / 2)
            canvas.rotate(radians: -Double.pi / 2)
            canvas.drawLine(colorBarLabel, font: S.labelFont, color: Palette.text, at: Point(x: 0, y: 0), maxWidth: w)
            canvas.restore()
        }
        layout.header.draw(on: canvas)
    }
}
