/// How a path's outline is drawn.
public struct StrokeStyle: Sendable, Hashable, Codable {
    /// Line width in points.
    public var width: Double
    /// Alternating on/off lengths in points; empty for a solid line.
    public var dash: [Double]

    /// A stroke `width` points wide, solid unless `dash` is given.
    public init(width: Double, dash: [Double] = []) {
        self.width = width
        self.dash = dash
    }
}
