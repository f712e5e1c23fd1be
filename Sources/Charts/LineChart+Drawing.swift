import Foundation

extension LineChart {
    /// Draws the chart into `rect` of `canvas`: grid, bands, lines, markers, axes, labels, legend.
    public func draw(on canvas: Canvas, in rect: Rect) {
        typealias S = LineChartLayout.Style
        let layout = LineChartLayout(chart: self, canvas: canvas, rect: rect)
        let plot = layout.plotArea
        let x = layout.xTicks, y = layout.yTicks

        // Grid.
        var grid = Path()
        for v in y.values { grid.move(to: Point(x: plot.minX, y: layout.yPosition(v))); grid.addLine(to: Point(x: plot.maxX, y: layout.yPosition(v))) }
        for v in x.values { grid.move(to: Point(x: layout.xPosition(v), y: plot.minY)); grid.addLine(to: Point(x: layout.xPosition(v), y: plot.maxY)) }
        canvas.stroke(grid, color: Palette.grid, style: StrokeStyle(width: 0.6))

        // Data, clipped to the plot: every band under every line, so no band tints another series' line.
        canvas.save()
        canvas.clip(to: plot)
        for (i, s) in series.enumerated() where s.hasBand {
            for run in finiteRuns(s) {
                let upper = run.map { Point(x: layout.xPosition(s.x[$0]), y: layout.yPosition(s.bandBounds($0).high)) }
                let lower = run.reversed().map { Point(x: layout.xPosition(s.x[$0]), y: layout.yPosition(s.bandBounds($0).low)) }
                var band = Path()
                band.addPolygon(upper + lower)
                canvas.fill(band, color: Palette.seriesColor(i).withAlpha(0.18))
            }
        }
        for (i, s) in series.enumerated() {
            var line = Path()
            for run in finiteRuns(s) where run.count > 1 {
                line.addPolyline(run.map { Point(x: layout.xPosition(s.x[$0]), y: layout.yPosition(s.y[$0])) })
            }
            canvas.stroke(line, color: Palette.seriesColor(i), style: StrokeStyle(width: 1.6))
        }
        canvas.restore()

        // Markers may overhang the plot edge by their radius, but only for points inside it.
        for (i, s) in series.enumerated() where s.x.count <= LineChart.markerLimit {
            let shape = MarkerShape.forSeries(i)
            for run in finiteRuns(s) {
                for j in run {
                    let p = Point(x: layout.xPosition(s.x[j]), y: layout.yPosition(s.y[j]))
                    guard p.x >= plot.minX - 0.01, p.x <= plot.maxX + 0.01, p.y >= plot.minY - 0.01, p.y <= plot.maxY + 0.01 else { continue }
                    drawMarker(shape, at: p, color: Palette.seriesColor(i), on: canvas)
                }
            }
        }

        // Published values: a hollow diamond at the series' last x.
        for (i, s) in series.enumerated() {
            guard let published = s.published, published.isFinite, let last = s.x.last(where: \.isFinite) else { continue }
            let p = Point(x: layout.xPosition(last), y: layout.yPosition(published))
            let path = MarkerShape.diamond.path(at: p, size: 11)
            canvas.fill(path, color: .white)
            canvas.stroke(path, color: Palette.seriesColor(i), style: StrokeStyle(width: 1.6))
        }

        if xExtent == nil {
            let text = "No data"
            let size = canvas.measure(text, font: S.labelFont, maxWidth: nil)
            canvas.draw(text, font: S.labelFont, color: Palette.mutedText,
                        at: Point(x: plot.minX + (plot.width - size.width) / 2, y: plot.minY + (plot.height - size.height) / 2))
        }

        // Axes: left and bottom spines with outward ticks.
        var axes = Path()
        axes.move(to: Point(x: plot.minX, y: plot.minY))
        axes.addLine(to: Point(x: plot.minX, y: plot.maxY))
        axes.addLine(to: Point(x: plot.maxX, y: plot.maxY))
        for v in y.values { axes.move(to: Point(x: plot.minX, y: layout.yPosition(v))); axes.addLine(to: Point(x: plot.minX - S.tickLength, y: layout.yPosition(v))) }
        for v in x.values { axes.move(to: Point(x: layout.xPosition(v), y: plot.maxY)); axes.addLine(to: Point(x: layout.xPosition(v), y: plot.maxY + S.tickLength)) }
        canvas.stroke(axes, color: Palette.axis, style: StrokeStyle(width: 0.8))

        let tickHeight = canvas.lineHeight(S.tickFont)
        for v in y.values {
            let label = y.label(for: v)
            let w = canvas.measure(label, font: S.tickFont, maxWidth: nil).width
            canvas.draw(label, font: S.tickFont, color: Palette.mutedText,
                        at: Point(x: plot.minX - S.tickLength - S.tickGap - w, y: layout.yPosition(v) - tickHeight / 2))
        }
        for v in x.values {
            let label = x.label(for: v)
            let w = canvas.measure(label, font: S.tickFont, maxWidth: nil).width
            canvas.draw(label, font: S.tickFont, color: Palette.mutedText,
                        at: Point(x: layout.xPosition(v) - w / 2, y: plot.maxY + S.tickLength + S.tickGap))
        }

        // Axis labels: x centred under the tick labels; y rotated a quarter turn anticlockwise, centred on the plot.
        if !xLabel.isEmpty {
            let w = canvas.measure(xLabel, font: S.labelFont, maxWidth: nil).width
            canvas.draw(xLabel, font: S.labelFont, color: Palette.text,
                        at: Point(x: plot.minX + (plot.width - w) / 2, y: plot.maxY + S.tickLength + S.tickGap + tickHeight + S.labelGap))
        }
        if !yLabel.isEmpty {
            let w = min(canvas.measure(yLabel, font: S.labelFont, maxWidth: nil).width, plot.height + 40)
            canvas.save()
            canvas.translate(x: layout.bounds.minX + S.padding, y: plot.minY + (plot.height + w) / 2)
            canvas.rotate(radians: -Double.pi / 2)
            canvas.drawLine(yLabel, font: S.labelFont, color: Palette.text, at: Point(x: 0, y: 0), maxWidth: w)
            canvas.restore()
        }

        if !title.isEmpty {
            canvas.draw(title, font: S.titleFont, color: Palette.text,
                        at: Point(x: layout.titleArea.minX, y: layout.titleArea.minY), maxWidth: layout.titleArea.width + 1, alignment: .left)
        }
        if let note, let area = layout.noteArea {
            canvas.draw(note, font: S.noteFont, color: Palette.mutedText, at: Point(x: area.minX, y: area.minY))
        }

        // Legend: band patch (if any), line, marker, name.
        let textHeight = canvas.lineHeight(S.legendFont)
        for (i, s) in series.enumerated() where i < layout.legendEntries.count {
            let origin = layout.legendEntries[i]
            let color = Palette.seriesColor(i)
            let midY = origin.y + textHeight / 2
            if s.hasBand {
                canvas.fill(.rect(Rect(x: origin.x, y: midY - 4, width: S.swatchWidth, height: 8)), color: color.withAlpha(0.18))
            }
            canvas.stroke(.line(from: Point(x: origin.x, y: midY), to: Point(x: origin.x + S.swatchWidth, y: midY)),
                          color: color, style: StrokeStyle(width: 1.6))
            if s.x.count <= LineChart.markerLimit {
                drawMarker(MarkerShape.forSeries(i), at: Point(x: origin.x + S.swatchWidth / 2, y: midY), color: color, on: canvas)
            }
            canvas.draw(s.name, font: S.legendFont, color: Palette.text, at: Point(x: origin.x + S.swatchWidth + S.swatchGap, y: origin.y))
        }
    }

    private func drawMarker(_ shape: MarkerShape, at p: Point, color: Color, on canvas: Canvas) {
        let path = shape.path(at: p, size: 5)
        canvas.fill(path, color: color)
        canvas.stroke(path, color: .white, style: StrokeStyle(width: 0.6))
    }


    /// Index runs of consecutive points whose x and y are finite; a non-finite point splits the line.
    private func finiteRuns(_ s: LineSeries) -> [[Int]] {
        var runs: [[Int]] = [], current: [Int] = []
        for i in 0..<min(s.x.count, s.y.count) {
            if s.x[i].isFinite && s.y[i].isFinite {
                current.append(i)
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}
