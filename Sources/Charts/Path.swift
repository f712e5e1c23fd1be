/// A vector path: a sequence of sub-paths made of straight segments and circular arcs.
public struct Path: Sendable, Hashable {
    /// One drawing instruction.
    public enum Element: Sendable, Hashable {
        /// Starts a new sub-path at the point.
        case move(Point)
        /// A straight segment from the current point.
        case line(Point)
        /// A full circle (its own closed sub-path).
        case circle(center: Point, radius: Double)
        /// Closes the current sub-path back to its start.
        case close
    }

    /// The instructions in drawing order.
    public private(set) var elements: [Element] = []

    /// An empty path.
    public init() {}

    /// Whether nothing has been added.
    public var isEmpty: Bool { elements.isEmpty }

    /// Starts a new sub-path at `point`.
    public mutating func move(to point: Point) { elements.append(.move(point)) }

    /// Adds a straight segment to `point`.
    public mutating func addLine(to point: Point) { elements.append(.line(point)) }

    /// Closes the current sub-path.
    public mutating func close() { elements.append(.close) }

    /// Adds a closed rectangle.
    public mutating func addRect(_ rect: Rect) {
        move(to: Point(x: rect.minX, y: rect.minY))
        addLine(to: Point(x: rect.maxX, y: rect.minY))
        addLine(to: Point(x: rect.maxX, y: rect.maxY))
        addLine(to: Point(x: rect.minX, y: rect.maxY))
        close()
    }

    /// Adds a closed circle.
    public mutating func addCircle(center: Point, radius: Double) {
        elements.append(.circle(center: center, radius: radius))
    }

    /// Adds an open polyline through `points` (nothing for an empty list).
    public mutating func addPolyline(_ points: [Point]) {
        guard let first = points.first else { return }
        move(to: first)
        for p in points.dropFirst() { addLine(to: p) }
    }

    /// Adds a closed polygon through `points` (nothing for fewer than three).
    public mutating func addPolygon(_ points: [Point]) {
        guard points.count >= 3 else { return }
        addPolyline(points)
        close()
    }

    /// A path holding just `rect`.
    public static func rect(_ rect: Rect) -> Path {
        var p = Path()
        p.addRect(rect)
        return p
    }

    /// A path holding one straight segment.
    public static func line(from a: Point, to b: Point) -> Path {
        var p = Path()
        p.move(to: a)
        p.addLine(to: b)
        return p
    }
}
