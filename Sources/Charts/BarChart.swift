/// A bar chart over categories, with optional error bars: one bar per category (e.g. the
/// quantum − classical accuracy difference per dataset, coloured by sign) or a group of bars per
/// category, one per series (e.g. classical and quantum accuracy side by side).
///
/// Bars start at zero; a non-finite value draws no bar, a category with no finite value at all is
/// marked "n/a" (runs that did not happen), and a non-finite error draws the bar without an error bar.
public struct BarChart: Chart, Hashable, Codable {
    /// How bars are coloured.
    public enum Coloring: Sendable, Hashable, Codable {
        /// Each series in its `Palette.series` colour, with one legend entry per series.
        case bySeries
        /// One series, bars of positive value in `Palette.series[0]` and negative ones in
        /// `Palette.series[1]`; the legend names the two signs (e.g. "quantum better").
        case bySign(positive: String, negative: String)
    }

    /// Heading above the plot; empty for none.
    public var title: String
    /// Label under the category labels; empty for none.
    public var xLabel: String
    /// Label left of the y axis, rotated; empty for none.
    public var yLabel: String
    /// Category names along the x axis, in order (long ones are rotated, then cut with an ellipsis).
    public var categories: [String]
    /// The bars: each series has one value per category.
    public var series: [BarSeries]
    /// How bars are coloured.
    public var coloring: Coloring
    /// Fixed y-axis range; nil to fit zero, the values and their error bars, widened to whole ticks.
    public var yRange: ClosedRange<Double>?
    /// Small italic text in the top-right corner, e.g. "reduced scale"; nil for none.
    public var note: String?

    /// Share of a category's slot the bars of one group fill; the rest separates neighbouring groups.
    public static let groupFraction = 0.8
    /// Labels are cut to this width (points) with an ellipsis.
    public static let maxCategoryLabelLength = 110.0

    /// A bar chart; see the properties for each argument.
    public init(title: String, xLabel: String = "", yLabel: String, categories: [String], series: [BarSeries],
                coloring: Coloring = .bySeries, yRange: ClosedRange<Double>? = nil, note: String? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.categories = categories
        self.series = series
        self.coloring = coloring
        self.yRange = yRange
        self.note = note
    }

    /// Throws if a series does not have one value (and error) per category, an error is negative,
    /// colouring by sign is asked for with other than one series, or the y range is empty.
    public func validate() throws {
        for s in series {
            guard s.values.count == categories.count else {
                throw ChartError.invalidData("bar series \"\(s.name)\": \(s.values.count) values for \(categories.count) categories")
            }
            if let errors = s.errors {
                guard errors.count == categories.count else {
                    throw ChartError.invalidData("bar series \"\(s.name)\": \(errors.count) errors for \(categories.count) categories")
                }
                if let i = errors.firstIndex(where: { $0 < 0 }) {
                    throw ChartError.invalidData("bar series \"\(s.name)\": error \(errors[i]) for \"\(categories[i])\" is negative")
                }
            }
        }
        if case .bySign = coloring, series.count != 1 {
            throw ChartError.invalidData("bar chart \"\(title)\": colouring by sign needs exactly one series, got \(series.count)")
        }
        if let yRange, !(yRange.lowerBound.isFinite && yRange.upperBound.isFinite && yRange.upperBound > yRange.lowerBound) {
            throw ChartError.invalidData("bar chart \"\(title)\": y range \(yRange) must be finite with upper > lower")
        }
    }

    /// The colour of the bar of series `s` at category `c`.
    public func barColor(series s: Int, category c: Int) -> Color {
        switch coloring {
        case .bySeries: return Palette.seriesColor(s)
        case .bySign: return series[s].values[c] < 0 ? Palette.seriesColor(1) : Palette.seriesColor(0)
        }
    }

    /// The legend: one entry per series, or the two signs.
    var legend: [ChartHeader.Entry] {
        switch coloring {
        case .bySeries:
            return series.count < 2 ? [] : series.enumerated().map { ChartHeader.Entry(name: $1.name, color: Palette.seriesColor($0)) }
        case .bySign(let positive, let negative):
            return [ChartHeader.Entry(name: positive, color: Palette.seriesColor(0)),
                    ChartHeader.Entry(name: negative, color: Palette.seriesColor(1))]
        }
    }

    /// Smallest and largest of zero, every finite value, and every finite value ± its error.
    var yExtent: ClosedRange<Double> {
        var lo = 0.0, hi = 0.0
        for s in series {
            for (i, v) in s.values.enumerated() where v.isFinite {
                let e = s.errors.flatMap { $0[i].isFinite ? $0[i] : nil } ?? 0
                lo = min(lo, v - e)
                hi = max(hi, v + e)
            }
        }
        return lo...hi
    }
}

/// One set of bars of a `BarChart`: a value (and optionally a symmetric error) per category.
public struct BarSeries: Sendable, Hashable, Codable {
    /// Legend entry.
    public var name: String
    /// Bar heights, one per category; non-finite for "no value".
    public var values: [Double]
    /// Half-lengths of the error bars (e.g. one standard deviation over seeds), one per category.
    public var errors: [Double]?

    /// A series named `name`.
    public init(name: String, values: [Double], errors: [Double]? = nil) {
        self.name = name
        self.values = values
        self.errors = errors
    }
}
