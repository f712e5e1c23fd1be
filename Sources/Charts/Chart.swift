import Foundation

/// A figure that can draw itself into a rectangle of any canvas.
///
/// Drawing is separate from output: `draw(on:in:)` lays the chart out for the rectangle it gets,
/// and `render(format:width:height:)` / `write(to:format:width:height:)` wrap it in a Cairo surface.
public protocol Chart: Sendable {
    /// Throws if the data cannot be drawn as given (e.g. mismatched lengths).
    func validate() throws
    /// Draws the chart filling `rect` (background not included).
    func draw(on canvas: Canvas, in rect: Rect)
}

extension Chart {
    /// The chart rendered as a file's bytes, `width` × `height` points on a white background.
    /// PNG uses 2 pixels per point. The same chart gives the same bytes every time.
    public func render(format: ImageFormat, width: Double, height: Double) throws -> Data {
        try validate()
        return try CairoOutput.render(format: format, width: width, height: height) { canvas in
            canvas.fill(.rect(Rect(x: 0, y: 0, width: width, height: height)), color: .white)
            draw(on: canvas, in: Rect(x: 0, y: 0, width: width, height: height))
        }
    }

    /// Writes `render(format:width:height:)` to `url` (atomically: a temporary file, then a rename).
    public func write(to url: URL, format: ImageFormat, width: Double, height: Double) throws {
        let data = try render(format: format, width: width, height: height)
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw ChartError.write(path: url.path, reason: error.localizedDescription)
        }
    }
}
