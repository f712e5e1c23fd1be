import Foundation
import Testing
import TestSupport
@testable import Charts

private struct ViolinGolden: Decodable {
    struct Case: Decodable {
        let name: String
        let samples: [Double]
        let grid: [Double]
        let density: [Double]
    }
    let cases: [Case]
}

struct ViolinChartTests {
    /// 3 × 3 frequency vectors (−1...1)², lexicographic with the negative ones first, as PennyLane's
    /// `product(range(-d, d + 1), repeat=2)`.
    static let frequencies: [[Int]] = (-1...1).flatMap { a in (-1...1).map { b in [a, b] } }

    /// 100 deterministic samples per coefficient; the imaginary part of c(0, 0) is exactly zero, as
    /// for any real-valued function.
    static func fourierChart() -> ViolinChart {
        var g = SplitMix64(seed: 7)
        func uniform() -> Double { Double(g.next() >> 11) * 0x1p-53 }
        let real = frequencies.map { f in (0..<100).map { _ in (uniform() - 0.5) * (f == [0, 0] ? 0.6 : 0.1) } }
        let imaginary = frequencies.map { f in f == [0, 0] ? [Double](repeating: 0, count: 100) : (0..<100).map { _ in (uniform() - 0.5) * 0.08 } }
        return ViolinChart.fourierCoefficients(title: "Fourier coefficients", frequencies: frequencies, real: real, imaginary: imaginary)
    }

    /// matplotlib's `violin_stats` evaluates scipy-equivalent KDEs on linspace(min, max, 100) and
    /// `violin` scales them by their maximum: the body must be the scipy golden over its own maximum.
    @Test func bodyIsTheScipyDensityScaledToItsPeak() throws {
        let fixture = try Fixtures.json(ViolinGolden.self, "charts/scipy_kde.json")
        let cases = fixture.cases.filter { $0.name.hasPrefix("violin") }
        try #require(cases.count == 3)
        for golden in cases {
            let body = try #require(ViolinChart.Body(samples: golden.samples))
            #expect(body.coordinates == golden.grid)
            let peak = golden.density.max()!
            for (a, b) in zip(body.halfWidths, golden.density.map { $0 / peak }) {
                #expect(Tolerance.close(a, b, rel: Tolerance.scipyKDE), "\(golden.name)")
            }
            #expect(body.halfWidths.max() == 1)
        }
    }

    @Test func degenerateSamplesGiveAFlatLineOrNothing() {
        let flat = ViolinChart.Body(samples: [0, 0, 0])
        #expect(flat?.coordinates == [0] && flat?.halfWidths == [1])
        #expect(ViolinChart.Body(samples: [0.25])?.coordinates == [0.25])
        #expect(ViolinChart.Body(samples: []) == nil)
    }

    @Test func frequencyLabelsUseTrueMinusSigns() {
        #expect(ViolinChart.frequencyLabel([-1, 0]) == "c(−1, 0)")
        #expect(ViolinChart.frequencyLabel([1, -1]) == "c(1, −1)")
        #expect(Self.frequencies.count == 9 && Self.frequencies.first == [-1, -1] && Self.frequencies[4] == [0, 0])
    }

    @Test func twoPanelsShareTheirAxesWithLabelsBetween() throws {
        let chart = Self.fourierChart()
        try chart.validate()
        try withMeasuringCanvas { canvas in
            let rect = Rect(x: 0, y: 0, width: 560, height: 320)
            let layout = ViolinChartLayout(chart: chart, canvas: canvas, rect: rect)
            try #require(layout.panelAreas.count == 2)
            let top = layout.panelAreas[0], bottom = layout.panelAreas[1]
            #expect(top.minX == bottom.minX && top.width == bottom.width && top.height == bottom.height)
            #expect(top.maxY < layout.categoryLabelTop && layout.categoryLabelTop + canvas.lineHeight(.sans(8)) < bottom.minY)
            #expect(!layout.rotatedLabels)
            #expect(rect.contains(top) && rect.contains(bottom))
            // Nine slots: category 4 (c(0, 0)) is centred.
            #expect(abs(layout.categoryCenter(4) - (top.minX + top.width / 2)) < 1e-9)
            // The shared axis covers every sample (c(0, 0) real parts reach about ±0.3) and zero.
            let extent = chart.yExtent
            #expect(layout.yTicks.lower <= extent.lowerBound && layout.yTicks.upper >= extent.upperBound)
            #expect(extent.lowerBound < -0.25 && extent.upperBound > 0.25)
        }
    }

    @Test func fixedRangeMapsZeroToEachPanelsMiddle() {
        var chart = Self.fourierChart()
        chart.yRange = -1...1
        withMeasuringCanvas { canvas in
            let layout = ViolinChartLayout(chart: chart, canvas: canvas, rect: Rect(x: 0, y: 0, width: 500, height: 300))
            for p in 0..<2 {
                #expect(abs(layout.yPosition(0, panel: p) - (layout.panelAreas[p].minY + layout.panelAreas[p].height / 2)) < 1e-9)
                #expect(abs(layout.yPosition(1, panel: p) - layout.panelAreas[p].minY) < 1e-9)
            }
        }
    }

    /// Real violins are reddish purple (0xCC79A7) and imaginary ones bluish green (0x009E73), both at
    /// 70 % opacity: nine real bodies, eight imaginary ones (c(0, 0) is a line), one legend swatch each.
    @Test func svgHasOneBodyPerCoefficient() throws {
        let svg = String(decoding: try Self.fourierChart().render(format: .svg, width: 560, height: 320), as: UTF8.self)
        #expect(occurrences(of: svgFill(0xCC79A7, opacity: "0.7"), in: svg) == 9 + 1)
        #expect(occurrences(of: svgFill(0x009E73, opacity: "0.7"), in: svg) == 8 + 1)
        let png = try DecodedPNG(try Self.fourierChart().render(format: .png, width: 560, height: 320))
        #expect(png.pixels.filter { $0 & 0xFFFFFF != 0xFFFFFF }.count > png.pixels.count / 20)
        let pdf = try Self.fourierChart().render(format: .pdf, width: 560, height: 320)
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
    }

    @Test func invalidViolinChartsThrow() {
        var missing = Self.fourierChart()
        missing.panels[1].samples.removeLast()
        #expect(throws: ChartError.invalidData("violin panel \"imag\": 8 sample lists for 9 categories")) {
            try missing.render(format: .svg, width: 100, height: 100)
        }
        var nan = Self.fourierChart()
        nan.panels[0].samples[2][5] = .nan
        #expect(throws: ChartError.invalidData("violin panel \"real\", \"c(−1, 1)\": sample nan is not finite")) {
            try nan.validate()
        }
    }
}
