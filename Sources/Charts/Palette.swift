/// Colours shared by every chart and by the PDF report, chosen for print and colour-vision deficiencies.
public enum Palette {
    /// Okabe & Ito (2008) colour-blind-safe qualitative palette, in the order series use it.
    /// Yellow (0xF0E442) comes last: it is hard to see as a thin line on white.
    public static let series: [Color] = [
        Color(hex: 0x0072B2), // blue
        Color(hex: 0xD55E00), // vermillion
        Color(hex: 0x009E73), // bluish green
        Color(hex: 0xE69F00), // orange
        Color(hex: 0xCC79A7), // reddish purple
        Color(hex: 0x56B4E9), // sky blue
        Color(hex: 0x000000), // black
        Color(hex: 0xF0E442), // yellow
    ]

    /// The colour of the series at `index`, cycling through `series`.
    public static func seriesColor(_ index: Int) -> Color {
        series[((index % series.count) + series.count) % series.count]
    }

    /// Main text.
    public static let text = Color(hex: 0x1A1A1A)
    /// Secondary text: tick labels, captions, notes.
    public static let mutedText = Color(hex: 0x555555)
    /// Axis lines and tick marks.
    public static let axis = Color(hex: 0x444444)
    /// Grid lines behind the data.
    public static let grid = Color(hex: 0xE3E3E3)
    /// Background of the "not at paper scale" banner.
    public static let bannerBackground = Color(hex: 0xFDF1D0)
    /// Accent and text of the "not at paper scale" banner.
    public static let bannerAccent = Color(hex: 0xE69F00)
    /// Text on the banner background (dark amber, 7:1 contrast on it).
    public static let bannerText = Color(hex: 0x6B4A00)
}
