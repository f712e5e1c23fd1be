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

    /// A series named `name`.
    public init(name: String, x: [Double], y: [Double], band: [Double]? = nil) {
        self.name = name
        self.x = x
        self.y = y
        self.band = band
    }

    /// Throws unless `y` and `band` have as many values as `x`.
    public func validate() throws {
        guard y.count == x.count else {
            throw ChartError.invalidData("series \"\(name)\": \(x.count) x values but \(y.count) y values")
        }
        if let band, band.count != x.count {
            throw ChartError.invalidData("series \"\(name)\": \(x.count) x values but \(band.count) band values")
        }
    }
}
