/// Horizontal alignment of text within its box.
public enum TextAlignment: Sendable, Hashable, Codable {
    /// Flush left.
    case left
    /// Centred.
    case center
    /// Flush right.
    case right
}
