import CCairo
import Foundation

extension CircuitDiagram {
    /// The size the diagram needs at its natural scale (12 pt wire labels, 40 pt between wires), in points.
    public func preferredSize() throws -> Size {
        try validate()
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)!
        defer { cairo_surface_destroy(surface) }
        let context = cairo_create(surface)!
        defer { cairo_destroy(context) }
        return CircuitDiagramLayout(diagram: self, canvas: CairoCanvas(cairoContext: context), scale: 1).size
    }

    /// The diagram rendered at its preferred size (PNG at 2 pixels per point).
    public func render(format: ImageFormat) throws -> Data {
        let size = try preferredSize()
        return try render(format: format, width: size.width, height: size.height)
    }

    /// Draws the diagram centred in `rect`, shrunk to fit when the rectangle is smaller than its natural size.
    public func draw(on canvas: Canvas, in rect: Rect) {
        let natural = CircuitDiagramLayout(diagram: self, canvas: canvas, scale: 1)
        let scale = min(1, rect.width / natural.size.width, rect.height / natural.size.height)
        let layout = scale < 1 ? CircuitDiagramLayout(diagram: self, canvas: canvas, scale: scale) : natural
        canvas.save()
        canvas.translate(x: rect.x + (rect.width - layout.size.width) / 2, y: rect.y + (rect.height - layout.size.height) / 2)
        draw(layout, on: canvas)
        canvas.restore()
    }

    private func draw(_ layout: CircuitDiagramLayout, on canvas: Canvas) {
        typealias S = CircuitDiagramLayout.Style
        let k = layout.scale
        let ink = Palette.text
        let line = StrokeStyle(width: S.lineWidth * k)

        if !title.isEmpty {
            canvas.draw(title, font: layout.titleFont, color: ink, at: Point(x: S.margin * k, y: S.margin * k))
        }
        let labelHeight = canvas.lineHeight(layout.labelFont)
        for (w, label) in wireLabels.enumerated() {
            let width = canvas.measure(label, font: layout.labelFont, maxWidth: nil).width
            canvas.draw(label, font: layout.labelFont, color: ink,
                        at: Point(x: S.margin * k + layout.labelWidth - width, y: layout.wireY[w] - labelHeight / 2))
        }
        // A wire measured last ends at its meter, as in qml.draw_mpl; the others run to the end.
        var ends = [Double](repeating: layout.wireEnd, count: wireLabels.count)
        var lastColumn = [Int](repeating: -1, count: wireLabels.count)
        for (i, element) in elements.enumerated() {
            for w in element.span where layout.columns[i] >= lastColumn[w] {
                lastColumn[w] = layout.columns[i]
                ends[w] = element.isMeasurement
                    ? layout.columnCenter[layout.columns[i]] - layout.elementWidth[i] / 2 + S.meterWidth * k
                    : layout.wireEnd
            }
        }
        var wires = Path()
        for (w, y) in layout.wireY.enumerated() {
            wires.move(to: Point(x: layout.wireStart, y: y))
            wires.addLine(to: Point(x: ends[w], y: y))
        }
        canvas.stroke(wires, color: ink, style: line)

        let gateHeight = canvas.lineHeight(layout.gateFont)
        func box(_ label: String, over span: ClosedRange<Int>, x: Double, width: Double, fill: Color) {
            let top = layout.wireY[span.lowerBound] - S.boxHeight * k / 2
            let rect = Rect(x: x - width / 2, y: top, width: width,
                            height: layout.wireY[span.upperBound] - layout.wireY[span.lowerBound] + S.boxHeight * k)
            canvas.fill(.rect(rect), color: fill)
            canvas.stroke(.rect(rect), color: ink, style: line)
            let textHeight = canvas.measure(label, font: layout.gateFont, maxWidth: rect.width).height
            canvas.draw(label, font: layout.gateFont, color: ink,
                        at: Point(x: rect.x, y: rect.y + (rect.height - textHeight) / 2), maxWidth: rect.width, alignment: .center)
        }
        func dot(at p: Point, radius: Double) {
            var path = Path()
            path.addCircle(center: p, radius: radius)
            canvas.fill(path, color: ink)
        }

        for (i, element) in elements.enumerated() {
            let x = layout.columnCenter[layout.columns[i]]
            let width = layout.elementWidth[i]
            switch element {
            case let .gate(label, _):
                box(label, over: element.span, x: x, width: width, fill: .white)
            case let .template(label, _):
                box(label, over: element.span, x: x, width: width, fill: Self.templateFill)
            case let .controlled(controls, targetWire, target):
                let span = element.span
                canvas.stroke(.line(from: Point(x: x, y: layout.wireY[span.lowerBound]), to: Point(x: x, y: layout.wireY[span.upperBound])),
                              color: ink, style: line)
                for c in controls { dot(at: Point(x: x, y: layout.wireY[c]), radius: S.controlRadius * k) }
                let y = layout.wireY[targetWire]
                switch target {
                case .not:
                    let r = S.targetRadius * k
                    var circle = Path()
                    circle.addCircle(center: Point(x: x, y: y), radius: r)
                    canvas.fill(circle, color: .white)
                    var plus = circle
                    plus.move(to: Point(x: x - r, y: y)); plus.addLine(to: Point(x: x + r, y: y))
                    plus.move(to: Point(x: x, y: y - r)); plus.addLine(to: Point(x: x, y: y + r))
                    canvas.stroke(plus, color: ink, style: line)
                case .dot:
                    dot(at: Point(x: x, y: y), radius: S.controlRadius * k)
                case let .box(label):
                    box(label, over: targetWire...targetWire, x: x, width: width, fill: .white)
                }
            case let .swap(a, b):
                let h = S.swapHalfSize * k
                var path = Path.line(from: Point(x: x, y: layout.wireY[a]), to: Point(x: x, y: layout.wireY[b]))
                for y in [layout.wireY[a], layout.wireY[b]] {
                    path.move(to: Point(x: x - h, y: y - h)); path.addLine(to: Point(x: x + h, y: y + h))
                    path.move(to: Point(x: x - h, y: y + h)); path.addLine(to: Point(x: x + h, y: y - h))
                }
                canvas.stroke(path, color: ink, style: line)
            case let .measurement(label, _):
                let span = element.span
                let left = x - width / 2, meter = S.meterWidth * k
                let rect = Rect(x: left, y: layout.wireY[span.lowerBound] - S.boxHeight * k / 2, width: meter,
                                height: layout.wireY[span.upperBound] - layout.wireY[span.lowerBound] + S.boxHeight * k)
                canvas.fill(.rect(rect), color: .white)
                canvas.stroke(.rect(rect), color: ink, style: line)
                canvas.stroke(Self.meterPath(in: rect, scale: k), color: ink, style: line)
                if !label.isEmpty {
                    let center = (rect.minY + rect.maxY) / 2
                    canvas.draw(label, font: layout.gateFont, color: ink,
                                at: Point(x: rect.maxX + S.measurementLabelGap * k, y: center - gateHeight / 2))
                }
            }
        }
    }

    /// Light blue-grey, so template boxes read as blocks of gates.
    static let templateFill = Color(hex: 0xE8EEF6)

    /// A meter: an upper half circle over the box's lower middle and a needle from its centre to the upper right.
    static func meterPath(in rect: Rect, scale k: Double) -> Path {
        let radius = min(rect.width * 0.34, 10 * k)
        let center = Point(x: rect.minX + rect.width / 2, y: (rect.minY + rect.maxY) / 2 + radius * 0.45)
        var path = Path()
        path.addPolyline((0...24).map { j in
            let angle = Double.pi * Double(j) / 24
            return Point(x: center.x - radius * cos(angle), y: center.y - radius * sin(angle))
        })
        let needle = Double.pi / 3.2
        path.move(to: center)
        path.addLine(to: Point(x: center.x + 1.15 * radius * cos(needle), y: center.y - 1.15 * radius * sin(needle)))
        return path
    }
}
