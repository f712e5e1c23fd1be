/// Where every part of a `CircuitDiagram` goes at a given scale: wire positions, column positions and
/// widths. Text is measured with the canvas that will draw it; every length scales with `scale`.
struct CircuitDiagramLayout {
    /// Lengths at scale 1, in points (proportions after `qml.draw_mpl`: boxes 0.8 of the wire spacing,
    /// wide enough for their label).
    enum Style {
        static let margin = 12.0
        static let wireSpacing = 40.0
        static let boxHeight = 28.0
        static let minBoxWidth = 28.0
        static let textPadding = 7.0
        static let columnGap = 14.0
        static let leadIn = 14.0
        static let leadOut = 14.0
        static let labelGap = 8.0
        static let titleGap = 10.0
        static let controlRadius = 4.5
        static let targetRadius = 9.5
        static let swapHalfSize = 6.0
        static let meterWidth = 34.0
        static let measurementLabelGap = 4.0
        static let lineWidth = 1.1
        static let labelFont = Font.sans(12)
        static let gateFont = Font.sans(11.5)
        static let titleFont = Font.sans(13, bold: true)
    }

    let scale: Double
    let labelFont: Font, gateFont: Font, titleFont: Font
    /// The whole drawing's size at this scale (wide enough for the title).
    let size: Size
    /// The y of each wire's centre line (relative to the drawing's origin).
    let wireY: [Double]
    /// The x where wires start and end.
    let wireStart: Double, wireEnd: Double
    /// The x of each column's centre and its width.
    let columnCenter: [Double], columnWidth: [Double]
    /// The column of each element.
    let columns: [Int]
    /// Each element's drawn width.
    let elementWidth: [Double]
    /// Width of the wire labels' column.
    let labelWidth: Double
    /// Height of the title line (0 for no title).
    let titleHeight: Double

    init(diagram: CircuitDiagram, canvas: Canvas, scale: Double) {
        self.scale = scale
        func s(_ length: Double) -> Double { length * scale }
        func scaled(_ font: Font) -> Font { Font(family: font.family, size: font.size * scale, bold: font.bold, italic: font.italic) }
        let labelFont = scaled(Style.labelFont), gateFont = scaled(Style.gateFont), titleFont = scaled(Style.titleFont)
        self.labelFont = labelFont
        self.gateFont = gateFont
        self.titleFont = titleFont
        func textWidth(_ text: String) -> Double { canvas.measure(text, font: gateFont, maxWidth: nil).width }

        titleHeight = diagram.title.isEmpty ? 0 : canvas.lineHeight(titleFont) + s(Style.titleGap)
        labelWidth = diagram.wireLabels.map { canvas.measure($0, font: labelFont, maxWidth: nil).width }.max() ?? 0
        columns = diagram.columns
        elementWidth = diagram.elements.map { element in
            switch element {
            case let .gate(label, _), let .template(label, _):
                max(s(Style.minBoxWidth), textWidth(label) + 2 * s(Style.textPadding))
            case let .controlled(_, _, target):
                switch target {
                case .not: 2 * s(Style.targetRadius)
                case .dot: 2 * s(Style.controlRadius)
                case let .box(label): max(s(Style.minBoxWidth), textWidth(label) + 2 * s(Style.textPadding))
                }
            case .swap: 2 * s(Style.swapHalfSize)
            case let .measurement(label, _):
                s(Style.meterWidth) + (label.isEmpty ? 0 : s(Style.measurementLabelGap) + textWidth(label))
            }
        }
        let columnCount = (columns.max() ?? -1) + 1
        var widths = [Double](repeating: s(Style.minBoxWidth), count: columnCount)
        for (i, c) in columns.enumerated() { widths[c] = max(widths[c], elementWidth[i]) }
        columnWidth = widths

        wireStart = s(Style.margin) + labelWidth + s(Style.labelGap)
        var x = wireStart + s(Style.leadIn)
        var centers: [Double] = []
        for w in widths {
            centers.append(x + w / 2)
            x += w + s(Style.columnGap)
        }
        columnCenter = centers
        wireEnd = x - (columnCount > 0 ? s(Style.columnGap) : 0) + s(Style.leadOut)
        let top = s(Style.margin) + titleHeight + s(Style.wireSpacing) / 2
        wireY = diagram.wireLabels.indices.map { top + Double($0) * s(Style.wireSpacing) }
        let titleWidth = diagram.title.isEmpty ? 0 : canvas.measure(diagram.title, font: titleFont, maxWidth: nil).width
        size = Size(width: max(wireEnd, s(Style.margin) + titleWidth) + s(Style.margin),
                    height: top - s(Style.wireSpacing) / 2 + Double(diagram.wireLabels.count) * s(Style.wireSpacing) + s(Style.margin))
    }
}
