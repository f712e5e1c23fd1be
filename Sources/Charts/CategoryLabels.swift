import Foundation

/// Labels of a categorical axis (bars, heatmap columns, violins): horizontal and centred on their
/// slots when every label fits its slot, otherwise rotated 45° anticlockwise with their end at the
/// slot's centre, as matplotlib's `rotation=45, ha="right"`. Labels longer than `maxLength` are cut
/// with an ellipsis.
struct CategoryLabels {
    /// Shortest gap between neighbouring horizontal labels (points).
    static let clearance = 6.0
    /// sin 45° = cos 45°.
    static let diagonal = 0.5.squareRoot()

    let labels: [String]
    let font: Font
    /// Whether the labels are drawn at 45°.
    let rotated: Bool
    /// Drawn width of each label (after cutting to `maxLength`).
    let widths: [Double]
    /// Height of one line of the font.
    let lineHeight: Double

    /// Chooses the orientation for `labels` in slots `slotWidth` points wide.
    init(labels: [String], font: Font, slotWidth: Double, maxLength: Double, canvas: Canvas) {
        self.labels = labels
        self.font = font
        widths = labels.map { min(canvas.measure($0, font: font, maxWidth: nil).width, maxLength) }
        lineHeight = canvas.lineHeight(font)
        rotated = (widths.max() ?? 0) + Self.clearance > slotWidth
    }

    /// Vertical space the labels take under the axis.
    var height: Double {
        guard let widest = widths.max() else { return 0 }
        return rotated ? Self.diagonal * (widest + lineHeight) : lineHeight
    }

    /// How far label `index` reaches left of its slot centre.
    func leftReach(_ index: Int) -> Double {
        rotated ? Self.diagonal * (widths[index] + lineHeight / 2) : widths[index] / 2
    }

    /// Draws label `index` under the axis line at `top`, for the slot centred at `centerX`.
    func draw(_ index: Int, centerX: Double, top: Double, color: Color, on canvas: Canvas) {
        let width = widths[index]
        if !rotated {
            canvas.drawLine(labels[index], font: font, color: color, at: Point(x: centerX - width / 2, y: top), maxWidth: width + 0.5)
            return
        }
        // The text box's upper-right corner lands just right of the slot centre, at `top`.
        canvas.save()
        canvas.translate(x: centerX + Self.diagonal * lineHeight / 2, y: top + Self.diagonal * lineHeight / 2)
        canvas.rotate(radians: -Double.pi / 4)
        canvas.drawLine(labels[index], font: font, color: color, at: Point(x: -width, y: -lineHeight / 2), maxWidth: width + 0.5)
        canvas.restore()
    }
}
