/// Output formats a chart can be written in.
public enum ImageFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// Raster, rendered at twice the point size (2 pixels per point) for crisp display.
    case png
    /// Vector SVG 1.1; text as glyph outlines, so it needs no fonts to display.
    case svg
    /// Vector PDF, one page the size of the chart.
    case pdf

    /// The usual file name extension.
    public var fileExtension: String { rawValue }
}
