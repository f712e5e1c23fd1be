/// A matrix of values as coloured cells with their values printed, e.g. a row-normalised
/// confusion matrix (rows: true class, columns: predicted class), with a colour bar.
///
/// Cells are square. Values map linearly onto `HeatmapColorScale.blues` over `valueRange`; each
/// printed value is black or white, whichever contrasts more with its cell. A non-finite value
/// (a class with no test samples) is drawn as a grey cell marked "–".
public struct Heatmap: Chart, Hashable, Codable {
    /// How cell values are printed.
    public enum ValueFormat: Sendable, Hashable, Codable {
        /// Not printed.
        case hidden
        /// Fixed decimals, e.g. `0.97` for 2.
        case decimals(Int)
        /// Whole percent of a 0...1 value, e.g. `97`, with the "%" in the colour bar's ticks.
        case percent
    }

    /// Heading above the matrix; empty for none.
    public var title: String
    /// Label under the column labels, e.g. "Predicted"; empty for none.
    public var xLabel: String
    /// Label left of the row labels, rotated, e.g. "True"; empty for none.
    public var yLabel: String
    /// Names of the rows, top to bottom.
    public var rowLabels: [String]
    /// Names of the columns, left to right.
    public var columnLabels: [String]
    /// `values[row][column]`.
    public var values: [[Double]]
    /// The values mapped onto the lightest and darkest colours (values outside are clamped).
    public var valueRange: ClosedRange<Double>
    /// How each cell's value is printed.
    public var valueFormat: ValueFormat
    /// Label beside the colour bar; empty for none.
    public var colorBarLabel: String
    /// Small italic text in the top-right corner; nil for none.
    public var note: String?

    /// Row and column labels are cut to this width (points) with an ellipsis.
    public static let maxLabelLength = 120.0

    /// A heatmap; see the properties for each argument.
    public init(title: String, xLabel: String, yLabel: String, rowLabels: [String], columnLabels: [String],
                values: [[Double]], valueRange: ClosedRange<Double> = 0...1, valueFormat: ValueFormat = .decimals(2),
                colorBarLabel: String = "", note: String? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.values = values
        self.valueRange = valueRange
        self.valueFormat = valueFormat
        self.colorBarLabel = colorBarLabel
        self.note = note
    }

    /// A row-normalised confusion matrix: `counts[true][predicted]`, each row divided by its sum, as
    /// `class names` × `class names`, values printed with two decimals on a 0...1 scale.
    public static func confusionMatrix(title: String, classNames: [String], counts: [[Double]], note: String? = nil) -> Heatmap {
        Heatmap(title: title, xLabel: "Predicted", yLabel: "True", rowLabels: classNames, columnLabels: classNames,
                values: rowNormalized(counts), valueRange: 0...1, valueFormat: .decimals(2),
                colorBarLabel: "Share of the true class", note: note)
    }

    /// Each row divided by its sum; a row summing to zero (no samples) becomes NaN throughout.
    public static func rowNormalized(_ counts: [[Double]]) -> [[Double]] {
        counts.map { row in
            let total = row.reduce(0, +)
            return total > 0 ? row.map { $0 / total } : row.map { _ in .nan }
        }
    }

    /// Throws unless there is at least one row and column, `values` is rows × columns, and the
    /// value range is finite and non-empty.
    public func validate() throws {
        guard !rowLabels.isEmpty, !columnLabels.isEmpty else {
            throw ChartError.invalidData("heatmap \"\(title)\": \(rowLabels.count) rows × \(columnLabels.count) columns, expected at least 1 × 1")
        }
        guard values.count == rowLabels.count else {
            throw ChartError.invalidData("heatmap \"\(title)\": \(values.count) rows of values for \(rowLabels.count) row labels")
        }
        if let r = values.firstIndex(where: { $0.count != columnLabels.count }) {
            throw ChartError.invalidData("heatmap \"\(title)\": row \(r) (\"\(rowLabels[r])\") has \(values[r].count) values for \(columnLabels.count) columns")
        }
        guard valueRange.lowerBound.isFinite, valueRange.upperBound.isFinite, valueRange.upperBound > valueRange.lowerBound else {
            throw ChartError.invalidData("heatmap \"\(title)\": value range \(valueRange) must be finite with upper > lower")
        }
        if case .decimals(let d) = valueFormat, !(0...6).contains(d) {
            throw ChartError.invalidData("heatmap \"\(title)\": \(d) decimals, expected 0 to 6")
        }
    }

    /// `value` as printed in its cell ("–" for a non-finite value, "" when values are hidden).
    public func formatted(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        switch valueFormat {
        case .hidden: return ""
        case .decimals(let d): return AxisTicks.format(value, decimals: d)
        case .percent: return AxisTicks.format(value * 100, decimals: 0)
        }
    }

    /// The position of `value` on the colour scale, clamped to 0...1.
    public func scalePosition(_ value: Double) -> Double {
        min(1, max(0, (value - valueRange.lowerBound) / (valueRange.upperBound - valueRange.lowerBound)))
    }
}
