import Foundation

/// Point markers; each series gets its own shape so curves stay distinguishable in greyscale print.
public enum MarkerShape: Int, Sendable, Hashable, Codable, CaseIterable {
    /// A filled circle (series 1, 6, ...).
    case circle
    /// A filled square.
    case square
    /// A filled triangle pointing up.
    case triangleUp
    /// A filled diamond.
    case diamond
    /// A filled triangle pointing down.
    case triangleDown

    /// The shape for the series at `index`, cycling.
    public static func forSeries(_ index: Int) -> MarkerShape {
        allCases[((index % allCases.count) + allCases.count) % allCases.count]
    }

    /// The marker centred at `center`; `size` is roughly its width in points (shapes are scaled to similar area).
    public func path(at center: Point, size: Double) -> Path {
        let r = size / 2
        var p = Path()
        switch self {
        case .circle:
            p.addCircle(center: center, radius: r)
        case .square:
            let s = r * 0.9
            p.addRect(Rect(x: center.x - s, y: center.y - s, width: 2 * s, height: 2 * s))
        case .diamond:
            let s = r * 1.25
            p.addPolygon([Point(x: center.x, y: center.y - s), Point(x: center.x + s, y: center.y),
                          Point(x: center.x, y: center.y + s), Point(x: center.x - s, y: center.y)])
        case .triangleUp, .triangleDown:
            let s = r * 1.3, sign = self == .triangleUp ? 1.0 : -1.0
            p.addPolygon([Point(x: center.x, y: center.y - sign * s),
                          Point(x: center.x + s * 0.866, y: center.y + sign * s * 0.5),
                          Point(x: center.x - s * 0.866, y: center.y + sign * s * 0.5)])
        }
        return p
    }
}
