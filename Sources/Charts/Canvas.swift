/// A drawing surface for charts and documents: vector paths, clipping, transforms, and shaped text.
///
/// Coordinates are points with the origin at the top-left and y growing downwards. Text boxes are
/// placed by their top-left corner; a line's height is the font's logical line height.
public protocol Canvas: AnyObject {
    /// Pushes the graphics state (transform, clip).
    func save()
    /// Pops the graphics state pushed by the matching `save()`.
    func restore()
    /// Moves the origin by (`x`, `y`).
    func translate(x: Double, y: Double)
    /// Rotates the axes by `radians` (positive turns x towards y, i.e. clockwise on screen).
    func rotate(radians: Double)
    /// Restricts later drawing to `rect` until the enclosing `restore()`.
    func clip(to rect: Rect)

    /// Fills the interior of `path` (non-zero winding).
    func fill(_ path: Path, color: Color)
    /// Strokes the outline of `path`.
    func stroke(_ path: Path, color: Color, style: StrokeStyle)

    /// Size of `text` laid out in `font`, wrapped at `maxWidth` when given.
    func measure(_ text: String, font: Font, maxWidth: Double?) -> Size
    /// The lines `text` wraps into at `maxWidth` (words first, characters for over-long words).
    func lines(_ text: String, font: Font, maxWidth: Double) -> [String]
    /// Draws `text` with its box's top-left at `origin`, wrapped and aligned within `maxWidth` when given.
    func draw(_ text: String, font: Font, color: Color, at origin: Point, maxWidth: Double?, alignment: TextAlignment)
    /// Draws `text` on one line at `origin`, cut with an ellipsis if it is wider than `maxWidth`.
    func drawLine(_ text: String, font: Font, color: Color, at origin: Point, maxWidth: Double)
}

extension Canvas {
    /// Height of one line of text in `font`.
    public func lineHeight(_ font: Font) -> Double {
        measure("Ag", font: font, maxWidth: nil).height
    }

    /// Draws unwrapped `text` with its box's top-left at `origin`.
    public func draw(_ text: String, font: Font, color: Color, at origin: Point) {
        draw(text, font: font, color: color, at: origin, maxWidth: nil, alignment: .left)
    }
}
