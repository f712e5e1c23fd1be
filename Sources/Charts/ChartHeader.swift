import Foundation

/// The top strip shared by the bar, heatmap and violin charts: title on the left, an optional note
/// on the right (on its own line when they would touch), then an optional row of legend entries
/// (filled swatch + name), wrapped into as many rows as the width needs.
struct ChartHeader {
    /// One legend entry.
    struct Entry {
        let name: String
        let color: Color
    }

    static let swatchSize = 9.0
    static let swatchGap = 4.0

    /// The title's box (zero height when there is no title).
    let titleArea: Rect
    /// The note's box, if there is a note.
    let noteArea: Rect?
    /// Top-left corners of the legend entries, in order.
    let legendEntries: [Point]
    /// The header's full height, gap under it included (0 when it is empty).
    let height: Double

    private let title: String
    private let note: String?
    private let entries: [Entry]

    init(title: String, note: String?, legend: [Entry], canvas: Canvas, content: Rect) {
        typealias S = LineChartLayout.Style
        self.title = title
        self.note = note.flatMap { $0.isEmpty ? nil : $0 }
        entries = legend
        let noteSize = self.note.map { canvas.measure($0, font: S.noteFont, maxWidth: nil) } ?? Size(width: 0, height: 0)
        var y = content.minY
        if title.isEmpty {
            titleArea = Rect(x: content.minX, y: y, width: 0, height: 0)
            noteArea = self.note.map { _ in Rect(x: content.maxX - noteSize.width, y: y, width: noteSize.width, height: noteSize.height) }
            if self.note != nil { y += noteSize.height + S.headerGap }
        } else {
            let oneLine = canvas.measure(title, font: S.titleFont, maxWidth: nil)
            if self.note == nil || oneLine.width + noteSize.width + 16 <= content.width {
                let size = canvas.measure(title, font: S.titleFont, maxWidth: content.width - (self.note == nil ? 0 : noteSize.width + 16))
                titleArea = Rect(x: content.minX, y: y, width: size.width, height: size.height)
                noteArea = self.note.map { _ in
                    Rect(x: content.maxX - noteSize.width, y: y + max(0, size.height - noteSize.height) / 2, width: noteSize.width, height: noteSize.height)
                }
                y += size.height + S.headerGap
            } else {
                let size = canvas.measure(title, font: S.titleFont, maxWidth: content.width)
                titleArea = Rect(x: content.minX, y: y, width: size.width, height: size.height)
                noteArea = Rect(x: content.maxX - noteSize.width, y: titleArea.maxY + 2, width: noteSize.width, height: noteSize.height)
                y += size.height + 2 + noteSize.height + S.headerGap
            }
        }
        // Legend rows, left-aligned with the title.
        var points: [Point] = []
        if !legend.isEmpty {
            let rowHeight = canvas.lineHeight(S.legendFont) + S.legendRowGap
            var x = content.minX
            for entry in legend {
                let w = Self.swatchSize + Self.swatchGap + canvas.measure(entry.name, font: S.legendFont, maxWidth: nil).width
                if x > content.minX && x + w > content.maxX {
                    x = content.minX
                    y += rowHeight
                }
                points.append(Point(x: x, y: y))
                x += w + S.legendColumnGap
            }
            y += rowHeight - S.legendRowGap + S.headerGap
        }
        legendEntries = points
        height = y - content.minY
    }

    /// Draws the title, note and legend.
    func draw(on canvas: Canvas) {
        typealias S = LineChartLayout.Style
        if !title.isEmpty {
            canvas.draw(title, font: S.titleFont, color: Palette.text, at: Point(x: titleArea.minX, y: titleArea.minY),
                        maxWidth: titleArea.width + 1, alignment: .left)
        }
        if let note, let area = noteArea {
            canvas.draw(note, font: S.noteFont, color: Palette.mutedText, at: Point(x: area.minX, y: area.minY))
        }
        let textHeight = canvas.lineHeight(S.legendFont)
        for (entry, origin) in zip(entries, legendEntries) {
            let swatch = Rect(x: origin.x, y: origin.y + (textHeight - Self.swatchSize) / 2, width: Self.swatchSize, height: Self.swatchSize)
            canvas.fill(.rect(swatch), color: entry.color)
            canvas.draw(entry.name, font: S.legendFont, color: Palette.text,
                        at: Point(x: origin.x + Self.swatchSize + Self.swatchGap, y: origin.y))
        }
    }
}
