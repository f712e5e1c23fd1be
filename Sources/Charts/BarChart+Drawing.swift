import Foundation

extension BarChart {
    /// Draws the chart into `rect` of `canvas`: grid, bars, error bars, zero line, axes, labels, legend.
    public func draw(on canvas: Canvas, in rect: Rect) {
        typealias S = LineChartLayout.Style
        let layout = BarChartLayout(chart: self, canvas: canvas, rect: rect)
        let plot = layout.plotArea, y = layout.yTicks

        var grid = Path()
        for v in y.values { grid.move(to: Point(x: plot.minX, y: layout.yPosition(v))); grid.addLine(to: Point(x: plot.maxX, y: layout.yPosition(v))) }
        canvas.stroke(grid, color: Palette.grid, style: StrokeStyle(width: 0.6))

        canvas.save()
        canvas.clip(to: plot)
        for (s, ser) in series.enumerated() {
            for (c, v) in ser.values.enumerated() where v.isFinite {
                let bar = layout.barRect(category: c, series: s, seriesCount: series.count, value: v)
                guard bar.height > 0 else { continue }
                canvas.fill(.rect(bar), color: barColor(series: s, category: c))
            }
        }
        // Error bars over every bar, so a neighbour never hides one.
        for (s, ser) in series.enumerated() {
            guard let errors = ser.errors else { continue }
            for (c, v) in ser.values.enumerated() where v.isFinite && errors[c].isFinite && errors[c] > 0 {
                let bar = layout.barRect(category: c, series: s, seriesCount: series.count, value: v)
                let x = bar.minX + bar.width / 2, cap = min(6, bar.width * 0.5) / 2
                let top = layout.yPosition(v + errors[c]), bottom = layout.yPosition(v - errors[c])
                var path = Path()
                path.move(to: Point(x: x, y: top)); path.addLine(to: Point(x: x, y: bottom))
                path.move(to: Point(x: x - cap, y: top)); path.addLine(to: Point(x: x + cap, y: top))
                path.move(to: Point(x: x - cap, y: bottom)); path.addLine(to: Point(x: x + cap, y: bottom))
                canvas.stroke(path, color: Palette.text, style: StrokeStyle(width: 0.9))
            }
        }
        canvas.restore()

        // Categories without any value say so, instead of looking like a zero.
        let tickHeight = canvas.lineHeight(S.tickFont)
        for c in categories.indices where !series.isEmpty && series.allSatisfy({ !$0.values[c].isFinite }) {
            let w = canvas.measure("n/a", font: S.noteFont, maxWidth: nil).width
            let zero = layout.yPosition(min(max(0, y.lower), y.upper))
            let top = zero - tickHeight - 2 < plot.minY ? zero + 2 : zero - tickHeight - 2
            canvas.draw("n/a", font: S.noteFont, color: Palette.mutedText, at: Point(x: layout.categoryCenter(c) - w / 2, y: top))
        }

        // Axes: left spine with ticks, bottom spine with a tick per category, and a zero line when
        // zero is inside the axis but not at its bottom.
        var axes = Path()
        axes.move(to: Point(x: plot.minX, y: plot.minY))
        axes.addLine(to: Point(x: plot.minX, y: plot.maxY))
        axes.addLine(to: Point(x: plot.maxX, y: plot.maxY))
        for v in y.values { axes.move(to: Point(x: plot.minX, y: layout.yPosition(v))); axes.addLine(to: Point(x: plot.minX - S.tickLength, y: layout.yPosition(v))) }
        for c in categories.indices {
            axes.move(to: Point(x: layout.categoryCenter(c), y: plot.maxY))
            axes.addLine(to: Point(x: layout.categoryCenter(c), y: plot.maxY + S.tickLength))
        }
        if y.lower < 0 && y.upper > 0 {
            axes.move(to: Point(x: plot.minX, y: layout.yPosition(0)))
            axes.addLine(to: Point(x: plot.maxX, y: layout.yPosition(0)))
        }
        canvas.stroke(axes, color: Palette.axis, style: StrokeStyle(width: 0.8))

        for v in y.values {
            let label = y.label(for: v)
            let w = canvas.measure(label, font: S.tickFont, maxWidth: nil).width
            canvas.draw(label, font: S.tickFont, color: Palette.mutedText,
                        at: Point(x: plot.minX - S.tickLength - S.tickGap - w, y: layout.yPosition(v) - tickHeight / 2))
        }
        let labelTop = plot.maxY + S.tickLength + S.tickGap
        for c in categories.indices {
            layout.labels.draw(c, centerX: layout.categoryCenter(c), top: labelTop, color: Palette.text, on: canvas)
        }

        if !xLabel.isEmpty {
            let w = canvas.measure(xLabel, font: S.labelFont, maxWidth: nil).width
            canvas.draw(xLabel, font: S.labelFont, color: Palette.text,
                        at: Point(x: plot.minX + (plot.width - w) / 2, y: labelTop + layout.categoryLabelHeight + S.labelGap))
        }
        if !yLabel.isEmpty {
            let w = min(canvas.measure(yLabel, font: S.labelFont, maxWidth: nil).width, plot.height + 40)
            canvas.save()
            canvas.translate(x: layout.bounds.minX + S.padding, y: plot.minY + (plot.height + w) / 2)
            canvas.rotate(radians: -Double.pi / 2)
            canvas.drawLine(yLabel, font: S.labelFont, color: Palette.text, at: Point(x: 0, y: 0), maxWidth: w)
            canvas.restore()
        }
        layout.header.draw(on: canvas)
    }
}
