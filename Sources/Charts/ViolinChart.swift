/// Violin plots of many samples per category in stacked panels that share the category axis and
/// the value axis: the layout of PennyLane's `qml.fourier.visualize.violin` (one panel for the real
/// parts of Fourier coefficients, one for the imaginary parts, HQNN Fig. 10).
///
/// Each violin is the Gaussian kernel density estimate of its samples (Scott's bandwidth) on 100
/// points from the smallest to the largest sample, mirrored about the category's centre and scaled
/// so its widest point spans `bodyWidth` category slots, as matplotlib's `violinplot` draws it.
/// In each panel the category axis runs along value 0; the category labels sit above the last panel.
public struct ViolinChart: Chart, Hashable, Codable {
    /// Heading above the plot; empty for none.
    public var title: String
    /// Label under the last panel, e.g. "Frequency (ω₁, ω₂)"; empty for none.
    public var xLabel: String
    /// Category names, e.g. coefficient labels like "c(−1, 0)".
    public var categories: [String]
    /// The panels, top to bottom.
    public var panels: [ViolinPanel]
    /// Fixed value-axis range shared by every panel; nil to fit zero and all samples.
    public var yRange: ClosedRange<Double>?
    /// Widest point of a violin as a share of the category slot (matplotlib's default `widths`).
    public var bodyWidth: Double
    /// Small italic text in the top-right corner; nil for none.
    public var note: String?

    /// Points at which each density is evaluated (matplotlib's `points`).
    public static let densityPoints = 100

    /// A violin chart; see the properties for each argument.
    public init(title: String, xLabel: String = "", categories: [String], panels: [ViolinPanel],
                yRange: ClosedRange<Double>? = nil, bodyWidth: Double = 0.5, note: String? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.categories = categories
        self.panels = panels
        self.yRange = yRange
        self.bodyWidth = bodyWidth
        self.note = note
    }

    /// PennyLane's violin of Fourier coefficients: `real[k]` and `imaginary[k]` are the samples
    /// (e.g. one per random weight draw) of the coefficient with frequency vector `frequencies[k]`.
    /// The real panel is purple and the imaginary one green, as PennyLane's defaults, in their
    /// Okabe–Ito counterparts.
    public static func fourierCoefficients(title: String, frequencies: [[Int]], real: [[Double]], imaginary: [[Double]],
                                           note: String? = nil) -> ViolinChart {
        ViolinChart(title: title, xLabel: "Frequency", categories: frequencies.map(frequencyLabel),
                    panels: [ViolinPanel(name: "real", samples: real, color: Palette.seriesColor(4)),
                             ViolinPanel(name: "imag", samples: imaginary, color: Palette.seriesColor(2))],
                    note: note)
    }

    /// The label of the coefficient of frequency vector `w`, e.g. "c(−1, 0)" (true minus signs).
    public static func frequencyLabel(_ w: [Int]) -> String {
        "c(" + w.map { $0 < 0 ? "−\(-$0)" : "\($0)" }.joined(separator: ", ") + ")"
    }

    /// Throws unless every panel has one sample list per category, no sample is infinite or NaN,
    /// the body width is in (0, 1] and the y range is finite and non-empty.
    public func validate() throws {
        for p in panels {
            guard p.samples.count == categories.count else {
                throw ChartError.invalidData("violin panel \"\(p.name)\": \(p.samples.count) sample lists for \(categories.count) categories")
            }
            for (c, list) in p.samples.enumerated() {
                if let bad = list.first(where: { !$0.isFinite }) {
                    throw ChartError.invalidData("violin panel \"\(p.name)\", \"\(categories[c])\": sample \(bad) is not finite")
                }
            }
        }
        guard bodyWidth > 0, bodyWidth <= 1 else {
            throw ChartError.invalidData("violin chart \"\(title)\": body width \(bodyWidth), expected in (0, 1]")
        }
        if let yRange, !(yRange.lowerBound.isFinite && yRange.upperBound.isFinite && yRange.upperBound > yRange.lowerBound) {
            throw ChartError.invalidData("violin chart \"\(title)\": y range \(yRange) must be finite with upper > lower")
        }
    }

    /// Smallest and largest of zero and every sample of every panel (the panels share their axis).
    var yExtent: ClosedRange<Double> {
        var lo = 0.0, hi = 0.0
        for p in panels {
            for list in p.samples {
                for v in list where v.isFinite {
                    lo = min(lo, v)
                    hi = max(hi, v)
                }
            }
        }
        return lo...hi
    }
}

/// One panel of a `ViolinChart`: a violin per category, all in one colour.
public struct ViolinPanel: Sendable, Hashable, Codable {
    /// The panel's name: its y-axis label and legend entry (e.g. "real").
    public var name: String
    /// The samples of each category, in category order.
    public var samples: [[Double]]
    /// Fill colour of the violins (drawn at 70 % opacity, as PennyLane does).
    public var color: Color

    /// A panel named `name`.
    public init(name: String, samples: [[Double]], color: Color) {
        self.name = name
        self.samples = samples
        self.color = color
    }
}
