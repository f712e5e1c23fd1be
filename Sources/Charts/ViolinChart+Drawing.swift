import Foundation

extension ViolinChart {
    /// Draws the chart into `rect` of `canvas`: per panel the category grid, violins, zero axis and
    /// value axis, then the category labels, axis labels, title and legend.
    public func draw(on canvas: Canvas, in rect: Rect) {
        typealias S = LineChartLayout.Style
        let layout = ViolinChartLayout(chart: self, canvas: canvas, rect: rect)
        let y = layout.yTicks
        let tickHeight = canvas.lineHeight(S.tickFont)
        let halfSlot = layout.slotWidth * bodyWidth / 2

        for (p, panel) in panels.enumerated() where p < layout.panelAreas.count {
            let area = layout.panelAreas[p]
            // Grid: a vertical line per category (PennyLane's x grid) and the value ticks.
            var grid = Path()
            for c in categories.indices {
                grid.move(to: Point(x: layout.categoryCenter(c), y: area.minY))
                grid.addLine(to: Point(x: layout.categoryCenter(c), y: area.maxY))
            }
            for v in y.values where v != 0 {
                grid.move(to: Point(x: area.minX, y: layout.yPosition(v, panel: p)))
                grid.addLine(to: Point(x: area.maxX, y: layout.yPosition(v, panel: p)))
            }
            canvas.stroke(grid, color: Palette.grid, style: StrokeStyle(width: 0.6))

            canvas.save()
            canvas.clip(to: area)
            for (c, samples) in panel.samples.enumerated() {
                guard let body = Body(samples: samples) else { continue }
                let center = layout.categoryCenter(c)
                if body.coordinates.count == 1 {
                    let yy = layout.yPosition(body.coordinates[0], panel: p)
                    canvas.stroke(.line(from: Point(x: center - halfSlot, y: yy), to: Point(x: center + halfSlot, y: yy)),
                                  color: panel.color, style: StrokeStyle(width: 1.5))
                    continue
                }
                let right = zip(body.coordinates, body.halfWidths).map { Point(x: center + $1 * halfSlot, y: layout.yPosition($0, panel: p)) }
                let left = zip(body.coordinates, body.halfWidths).reversed().map { Point(x: center - $1 * halfSlot, y: layout.yPosition($0, panel: p)) }
                var path = Path()
                path.addPolygon(right + left)
                canvas.fill(path, color: panel.color.withAlpha(0.7))
            }
            canvas.restore()

            // Value axis on the left; the category axis runs along zero, as PennyLane's bottom spine.
            var axes = Path()
            axes.move(to: Point(x: area.minX, y: area.minY))
            axes.addLine(to: Point(x: area.minX, y: area.maxY))
            for v in y.values {
                axes.move(to: Point(x: area.minX, y: layout.yPosition(v, panel: p)))
                axes.addLine(to: Point(x: area.minX - S.tickLength, y: layout.yPosition(v, panel: p)))
            }
            if y.lower <= 0 && y.upper >= 0 {
                axes.move(to: Point(x: area.minX, y: layout.yPosition(0, panel: p)))
                axes.addLine(to: Point(x: area.maxX, y: layout.yPosition(0, panel: p)))
            }
            canvas.stroke(axes, color: Palette.axis, style: StrokeStyle(width: 0.8))
            for v in y.values {
                let label = y.label(for: v)
                let w = canvas.measure(label, font: S.tickFont, maxWidth: nil).width
                canvas.draw(label, font: S.tickFont, color: Palette.mutedText,
                            at: Point(x: area.minX - S.tickLength - S.tickGap - w, y: layout.yPosition(v, panel: p) - tickHeight / 2))
            }
            let w = min(canvas.measure(panel.name, font: S.labelFont, maxWidth: nil).width, area.height + 20)
            canvas.save()
            canvas.translate(x: layout.bounds.minX + S.padding, y: area.minY + (area.height + w) / 2)
            canvas.rotate(radians: -Double.pi / 2)
            canvas.drawLine(panel.name, font: S.labelFont, color: Palette.text, at: Point(x: 0, y: 0), maxWidth: w)
            canvas.restore()
        }

        // Category labels in grey above the last panel, as PennyLane's `show_freqs`.
        for c in categories.indices {
            layout.labels.draw(c, centerX: layout.categoryCenter(c), top: layout.categoryLabelTop, color: Palette.mutedText, on: canvas)
        }
        if let bottom = layout.bottomLabelTop {
            for c in categories.indices {
                layout.labels.draw(c, centerX: layout.categoryCenter(c), top: bottom, color: Palette.mutedText, on: canvas)
            }
        }
        if !xLabel.isEmpty, let last = layout.panelAreas.last {
            let w = canvas.measure(xLabel, font: S.labelFont, maxWidth: nil).width
            let y = layout.bottomLabelTop.map { $0 + layout.labels.height + S.labelGap / 2 } ?? last.maxY + S.labelGap
            canvas.draw(xLabel, font: S.labelFont, color: Palette.text, at: Point(x: last.minX + (last.width - w) / 2, y: y))
        }
        layout.header.draw(on: canvas)
    }
}
