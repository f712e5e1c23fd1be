/// A line chart: one or more series against a shared x axis, e.g. accuracy per epoch for several models.
///
/// Each series is drawn as a line with markers at its points (up to `LineChart.markerLimit` points)
/// and, when it has a band, a translucent region `y ± band` behind all lines. The legend sits
/// outside the plot area.
public struct LineChart: Chart, Hashable, Codable {
    /// Heading above the plot; empty for none.
    public var title: String
    /// Label under the x axis; empty for none.
    public var xLabel: String
    /// Label left of the y axis, rotated; empty for none.
    public var yLabel: String
    /// The curves, drawn in order with `Palette.series` colours.
    public var series: [LineSeries]
    /// Fixed y-axis range; nil to fit the data (and bands), widened to whole tick steps.
    public var yRange: ClosedRange<Double>?
    /// Fixed x tick spacing (e.g. 1 for every epoch; multiplied by 2, 5, 10, ... when labels would
    /// collide); nil for automatic 1-2-5 ticks.
    public var xTickStep: Double?
    /// Small italic text in the top-right corner, e.g. "reduced scale"; nil for none.
    public var note: String?
    /// Where the legend goes.
    public var legendPosition: LegendPosition

    /// Series with more points than this are drawn without markers, which would merge into a smear.
    public static let markerLimit = 40

    /// A line chart; see the properties for each argument.
    public init(title: String, xLabel: String, yLabel: String, series: [LineSeries],
                yRange: ClosedRange<Double>? = nil, xTickStep: Double? = nil, note: String? = nil,
                legendPosition: LegendPosition = .automatic) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.yRange = yRange
        self.xTickStep = xTickStep
        self.note = note
        self.legendPosition = legendPosition
    }

    /// Throws if a series has mismatched lengths, the y range is not finite and non-empty, or the x
    /// tick step is not positive.
    public func validate() throws {
        for s in series { try s.validate() }
        if let yRange, !(yRange.lowerBound.isFinite && yRange.upperBound.isFinite && yRange.upperBound > yRange.lowerBound) {
            throw ChartError.invalidData("chart \"\(title)\": y range \(yRange) must be finite with upper > lower")
        }
        if let xTickStep, !(xTickStep.isFinite && xTickStep > 0) {
            throw ChartError.invalidData("chart \"\(title)\": x tick step \(xTickStep) must be positive")
        }
    }

    /// Smallest and largest finite x over all series, nil when there are none.
    var xExtent: ClosedRange<Double>? {
        extent(series.flatMap { s in s.x.indices.compactMap { i in i < s.y.count && s.y[i].isFinite ? s.x[i] : nil } })
    }

    /// Smallest and largest finite y over all series, bands included, nil when there are none.
    var yExtent: ClosedRange<Double>? {
        var values: [Double] = []
        for s in series {
            for i in 0..<min(s.x.count, s.y.count) where s.x[i].isFinite && s.y[i].isFinite {
                let bounds = s.bandBounds(i)
                values.append(bounds.low)
                values.append(bounds.high)
            }
            if let published = s.published, published.isFinite { values.append(published) }
        }
        return extent(values)
    }

    private func extent(_ values: [Double]) -> ClosedRange<Double>? {
        let finite = values.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else { return nil }
        return lo...hi
    }
}
