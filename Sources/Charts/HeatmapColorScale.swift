import Foundation

/// A sequential colour scale: colours interpolated linearly in sRGB between evenly spaced stops,
/// as matplotlib's `LinearSegmentedColormap.from_list` does.
public struct HeatmapColorScale: Sendable, Hashable {
    /// The stops, from position 0 to position 1.
    public let stops: [Color]

    /// A scale through `stops` (at least two), evenly spaced.
    public init(stops: [Color]) {
        precondition(stops.count >= 2, "a colour scale needs two stops")
        self.stops = stops
    }

    /// ColorBrewer's 9-class sequential "Blues" (Brewer 2002): light for low values, dark for high;
    /// monotone in lightness, so it reads in greyscale and with colour-vision deficiencies.
    public static let blues = HeatmapColorScale(stops: [
        Color(hex: 0xF7FBFF), Color(hex: 0xDEEBF7), Color(hex: 0xC6DBEF), Color(hex: 0x9ECAE1), Color(hex: 0x6BAED6),
        Color(hex: 0x4292C6), Color(hex: 0x2171B5), Color(hex: 0x08519C), Color(hex: 0x08306B),
    ])

    /// The colour at `position` (clamped to 0...1; NaN gives the first stop).
    public func color(at position: Double) -> Color {
        let t = position.isNaN ? 0 : min(1, max(0, position))
        let scaled = t * Double(stops.count - 1)
        let i = min(stops.count - 2, Int(scaled))
        let f = scaled - Double(i)
        let a = stops[i], b = stops[i + 1]
        return Color(red: a.red + (b.red - a.red) * f, green: a.green + (b.green - a.green) * f, blue: a.blue + (b.blue - a.blue) * f)
    }

    /// Black or white, whichever has the higher WCAG 2 contrast ratio against `background`.
    /// Black and white meet at luminance L = √(1.05 × 0.05) − 0.05 ≈ 0.179, where both give
    /// (1.05 × 20)^½ ≈ 4.58:1, so text chosen this way always reaches the 4.5:1 of WCAG AA.
    public static func textColor(on background: Color) -> Color {
        contrastRatio(.black, background) >= contrastRatio(.white, background) ? .black : .white
    }

    /// WCAG 2 relative luminance of an opaque colour.
    public static func relativeLuminance(_ c: Color) -> Double {
        func linear(_ v: Double) -> Double { v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(c.red) + 0.7152 * linear(c.green) + 0.0722 * linear(c.blue)
    }

    /// WCAG 2 contrast ratio (1...21) between two opaque colours.
    public static func contrastRatio(_ a: Color, _ b: Color) -> Double {
        let la = relativeLuminance(a), lb = relativeLuminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }
}
