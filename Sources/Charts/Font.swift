/// A font request: family, size in points, weight and slant. Text is shaped with Pango.
public struct Font: Sendable, Hashable, Codable {
    /// Fontconfig family name.
    public var family: String
    /// Em size in points (canvas user units), not scaled by any screen resolution.
    public var size: Double
    /// Bold weight.
    public var bold: Bool
    /// Italic slant.
    public var italic: Bool

    /// A font of `family` at `size` points.
    public init(family: String, size: Double, bold: Bool = false, italic: Bool = false) {
        self.family = family
        self.size = size
        self.bold = bold
        self.italic = italic
    }

    /// DejaVu Sans, the family every chart and report uses (it covers ± × π − ≤ and Greek).
    public static func sans(_ size: Double, bold: Bool = false, italic: Bool = false) -> Font {
        Font(family: "DejaVu Sans", size: size, bold: bold, italic: italic)
    }

    /// DejaVu Sans Mono, for hashes and identifiers.
    public static func mono(_ size: Double) -> Font {
        Font(family: "DejaVu Sans Mono", size: size)
    }
}
