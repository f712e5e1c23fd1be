/// One curve of a line chart: points (`x[i]`, `y[i]`) joined in order, with an optional band.
///
/// Non-finite values leave a gap in the line.
public struct LineSeries: Sendable, Hashable, Codable {
    /// Legend entry.
    public var name: String
    /// Horizontal coordinates, e.g. epochs.
    public var x: [Double]
    /// Vertical coordinates, e.g. the mean accuracy over seeds; as many as `x`.
    public var y: [Double]
    /// Half-width of a shaded band around `y` (e.g. one standard deviation over seeds); as many as `x`.
    public var band: [Double]?
    /// A shaded band between two curves (e.g. the minimum and maximum over seeds), used instead of `band` when set;
    /// each as many as `x`.
    public var bandLow: [Double]?
    public var bandHigh: [Double]?
    /// A published value to mark at the series' last x (a hollow diamond in the series' colour); nil for none.
    public var published: Double?

    /// A series named `name`.
    public init(name: String, x: [Double], y: [Double], band: [Double]? = nil) {
        self.name = name
        self.x = x
        self.y = y
        self.band = band
    }

    /// A series with a band from `low` to `high` (e.g. min–max over seeds) and a published value marked at its end.
    public init(name: String, x: [Double], y: [Double], low: [Double], high: [Double], published: Double? = nil) {
        self.init(name: name, x: x, y: y)
        bandLow = low
        bandHigh = high
        self.published = published
    }

    /// Whether the series has a shaded band of either kind.
    public var hasBand: Bool { band != nil || (bandLow != nil && bandHigh != nil) }

    /// The band's bottom and top at point `i` (the y value itself where there is no band there).
    public func bandBounds(_ i: Int) -> (low: Double, high: Double) {
        if let lo = bandLow, let hi = bandHigh, i < lo.count, i < hi.count, lo[i].isFinite, hi[i].isFinite {
            return (min(lo[i], hi[i]), max(lo[i], hi[i]))
        }
        let half = band.flatMap { i < $0.count && $0[i].isFinite ? abs($0[i]) : nil } ?? 0
        return (y[i] - half, y[i] + half)
    }

    /// Throws unless `y` and `band` have as many values as `x`.
    public func validate() throws {
        guard y.count == x.count else {
            throw ChartError.invalidData("series \"\(name)\": \(x.count) x values but \(y.count) y values")
        }
        if let band, band.count != x.count {
            throw ChartError.invalidData("series \"\(name)\": \(x.count) x values but \(band.count) band values")
        }
        for (label, values) in [("low band", bandLow), ("high band", bandHigh)] {
            if let values, values.count != x.count {
                throw ChartError.invalidData("series \"\(name)\": \(x.count) x values but \(values.count) \(label) values")
            }
        }
    }
}
