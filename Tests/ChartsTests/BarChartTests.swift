import CCairo
import Foundation
import Testing
@testable import Charts

/// Runs `body` with a canvas measuring text with real Pango metrics, on a PDF surface never written.
func withMeasuringCanvas<T>(_ body: (CairoCanvas) throws -> T) rethrows -> T {
    let surface = cairo_pdf_surface_create_for_stream(nil, nil, 800, 600)!
    defer { cairo_surface_destroy(surface) }
    let cr = cairo_create(surface)!
    defer { cairo_destroy(cr) }
    return try body(CairoCanvas(cairoContext: cr))
}

/// How often `needle` occurs in `text`.
func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

/// Cairo's SVG spelling of an opaque fill colour, e.g. `fill:rgb(0%,44.705882%,69.803922%);fill-opacity:1`.
func svgFill(_ hex: UInt32, opacity: String = "1") -> String {
    func pct(_ byte: UInt32) -> String {
        let v = Double(byte) / 255 * 100
        if v == v.rounded() { return "\(Int(v))%" }
        return String(format: "%.6f", v).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression) + "%"
    }
    return "fill:rgb(\(pct(hex >> 16 & 0xFF)),\(pct(hex >> 8 & 0xFF)),\(pct(hex & 0xFF)));fill-opacity:\(opacity)"
}

struct BarChartTests {
    static let datasets = ["BloodMNIST", "TissueMNIST", "OCTMNIST", "PathMNIST", "ChestMNIST", "OrganAMNIST", "OrganSMNIST",
                           "OrganCMNIST", "DermaMNIST", "PneumoniaMNIST", "RetinaMNIST", "BreastMNIST", "FashionMNIST", "MNIST"]

    /// The per-dataset difference chart: quantum − classical final accuracy from the authors'
    /// repository table (reference-implementations.md §1.9), TissueMNIST left out as "not run".
    static func differenceChart() -> BarChart {
        var diff = [0.90, 0.05, 1.20, -2.89, 2.82, -1.97, -1.27, -0.94, 0.00, 0.97, 4.50, 0.00, 0.52, -0.37]
        diff[1] = .nan
        return BarChart(title: "Quantum − classical accuracy", yLabel: "Difference (points)", categories: datasets,
                        series: [BarSeries(name: "difference", values: diff, errors: (0..<14).map { 0.3 + Double($0 % 5) * 0.25 })],
                        coloring: .bySign(positive: "quantum better", negative: "classical better"))
    }

    @Test func groupedBarGeometryByHand() {
        withMeasuringCanvas { canvas in
            let chart = BarChart(title: "", yLabel: "", categories: ["A", "B", "C", "D"],
                                 series: [BarSeries(name: "classical", values: [0.2, 0.4, 0.6, 0.8]),
                                          BarSeries(name: "quantum", values: [0.5, 0.5, 0.5, 1.0])],
                                 yRange: 0...1)
            let layout = BarChartLayout(chart: chart, canvas: canvas, rect: Rect(x: 0, y: 0, width: 400, height: 250))
            let plot = layout.plotArea
            // Four slots; a group fills 0.8 of its slot and holds two bars of 0.4 slot each.
            let slot = plot.width / 4
            #expect(abs(layout.slotWidth - slot) < 1e-12)
            let bar = layout.barRect(category: 1, series: 1, seriesCount: 2, value: 0.5)
            #expect(abs(bar.minX - (plot.minX + 1.5 * slot)) < 1e-9)      // centre of slot 1, right half
            #expect(abs(bar.width - 0.4 * slot) < 1e-9)
            // 0.5 on a 0...1 axis: half the plot height, standing on the bottom edge.
            #expect(abs(bar.height - plot.height / 2) < 1e-9)
            #expect(abs(bar.maxY - plot.maxY) < 1e-9)
            #expect(!layout.rotatedLabels)
            #expect(layout.yTicks.lower == 0 && layout.yTicks.upper == 1)
        }
    }

    @Test func negativeBarsHangFromZeroAndErrorsWidenTheAxis() {
        let chart = BarChart(title: "", yLabel: "", categories: ["a", "b"],
                             series: [BarSeries(name: "d", values: [2, -1], errors: [0.5, 1])])
        // Extent: zero, 2 + 0.5 and −1 − 1.
        #expect(chart.yExtent == -2...2.5)
        withMeasuringCanvas { canvas in
            let layout = BarChartLayout(chart: chart, canvas: canvas, rect: Rect(x: 0, y: 0, width: 300, height: 300))
            #expect(layout.yTicks.lower <= -2 && layout.yTicks.upper >= 2.5)
            let negative = layout.barRect(category: 1, series: 0, seriesCount: 1, value: -1)
            #expect(abs(negative.minY - layout.yPosition(0)) < 1e-9)
            #expect(abs(negative.maxY - layout.yPosition(-1)) < 1e-9)
        }
        #expect(chart.barColor(series: 0, category: 0) == Palette.seriesColor(0))
        #expect(chart.barColor(series: 0, category: 1) == Palette.seriesColor(0))   // by series: one colour
        var signed = chart
        signed.coloring = .bySign(positive: "up", negative: "down")
        #expect(signed.barColor(series: 0, category: 1) == Palette.seriesColor(1))
    }

    @Test func fourteenDatasetNamesAreRotatedAndStayInside() {
        withMeasuringCanvas { canvas in
            let rect = Rect(x: 0, y: 0, width: 560, height: 300)
            let layout = BarChartLayout(chart: Self.differenceChart(), canvas: canvas, rect: rect)
            #expect(layout.rotatedLabels)
            // Rotated 45°: the block is (widest + line height)·sin 45°, PneumoniaMNIST being the widest name.
            let widest = canvas.measure("PneumoniaMNIST", font: .sans(8), maxWidth: nil).width
            #expect(abs(layout.categoryLabelHeight - 0.5.squareRoot() * (widest + canvas.lineHeight(.sans(8)))) < 1e-9)
            #expect(rect.contains(layout.plotArea))
            #expect(layout.plotArea.maxY + 3.5 + 2.5 + layout.categoryLabelHeight <= rect.maxY)
            // The first label reaches left of its slot centre but not out of the chart.
            #expect(layout.categoryCenter(0) - layout.labels.leftReach(0) >= rect.minX)
        }
    }

    @Test func svgHasOneBarPerFiniteValueColouredBySign() throws {
        let svg = String(decoding: try Self.differenceChart().render(format: .svg, width: 560, height: 300), as: UTF8.self)
        let blue = occurrences(of: svgFill(0x0072B2), in: svg), vermillion = occurrences(of: svgFill(0xD55E00), in: svg)
        // Positive: Blood, OCT, Chest, Pneumonia, Retina, Fashion (6); negative: Path, OrganA, OrganS,
        // OrganC, MNIST (5); each colour once more for its legend swatch. Derma and Breast (exactly 0)
        // have no area to fill and TissueMNIST (NaN) has no bar.
        #expect(blue == 6 + 1)
        #expect(vermillion == 5 + 1)
    }

    @Test func rendersInEveryFormatAndTheSameBytesTwice() throws {
        for format in ImageFormat.allCases {
            let a = try Self.differenceChart().render(format: format, width: 480, height: 280)
            #expect(a == (try Self.differenceChart().render(format: format, width: 480, height: 280)))
        }
        let png = try DecodedPNG(try Self.differenceChart().render(format: .png, width: 480, height: 280))
        #expect(png.count(rgb: 0xD55E00) > 500 && png.count(rgb: 0x0072B2) > 500)
    }

    @Test func invalidBarChartsThrow() {
        var short = Self.differenceChart()
        short.series[0].values.removeLast()
        #expect(throws: ChartError.invalidData("bar series \"difference\": 13 values for 14 categories")) {
            try short.render(format: .svg, width: 100, height: 100)
        }
        var negativeError = Self.differenceChart()
        negativeError.series[0].errors![2] = -1
        #expect(throws: ChartError.invalidData("bar series \"difference\": error -1.0 for \"OCTMNIST\" is negative")) {
            try negativeError.validate()
        }
        var twoSigned = Self.differenceChart()
        twoSigned.series.append(twoSigned.series[0])
        #expect(throws: ChartError.invalidData("bar chart \"Quantum − classical accuracy\": colouring by sign needs exactly one series, got 2")) {
            try twoSigned.validate()
        }
    }
}
