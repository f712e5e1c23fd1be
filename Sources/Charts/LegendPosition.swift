/// Where a chart's legend goes. It is always outside the plot area, so it never hides data.
public enum LegendPosition: String, Sendable, Hashable, Codable {
    /// Right of the plot when the legend is narrow (at most 30 % of the chart's width) and short
    /// enough to fit beside it; otherwise below.
    case automatic
    /// A column right of the plot.
    case right
    /// Centred rows under the x-axis label.
    case below
}
