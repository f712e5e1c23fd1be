import Foundation
import Testing
@testable import Charts

struct HeatmapTests {
    static let organ = ["bladder", "femur-left", "femur-right", "heart", "kidney-left", "kidney-right", "liver",
                        "lung-left", "lung-right", "pancreas", "spleen"]
    static let chest = ["atelectasis", "cardiomegaly", "effusion", "infiltration", "mass", "nodule", "pneumonia",
                        "pneumothorax", "consolidation", "edema", "emphysema", "fibrosis", "pleural thickening", "hernia"]

    /// Counts with a strong diagonal: n·(r + 1) on it, r + c + 1 off it, for a recognisable matrix.
    static func counts(_ n: Int) -> [[Double]] {
        (0..<n).map { (r: Int) -> [Double] in
            (0..<n).map { (c: Int) -> Double in r == c ? Double(10 * (r + 1)) : Double((r + c) % 3) }
        }
    }

    @Test func rowNormalisationByHand() {
        let m = Heatmap.rowNormalized([[3, 1], [0, 0], [2, 2]])
        #expect(m[0] == [0.75, 0.25])
        #expect(m[1].allSatisfy { $0.isNaN })       // a class with no samples has no shares
        #expect(m[2] == [0.5, 0.5])
    }

    @Test func bluesScaleHitsItsStopsAndInterpolatesLinearly() {
        let scale = HeatmapColorScale.blues
        #expect(scale.color(at: 0) == Color(hex: 0xF7FBFF))
        #expect(scale.color(at: 1) == Color(hex: 0x08306B))
        #expect(scale.color(at: 0.5) == Color(hex: 0x6BAED6))     // the middle of nine stops
        #expect(scale.color(at: -3) == Color(hex: 0xF7FBFF) && scale.color(at: 7) == Color(hex: 0x08306B))
        // Halfway between stops 0 and 1 (each 1/8 apart): the mean of F7FBFF and DEEBF7.
        let mid = scale.color(at: 1.0 / 16)
        #expect(abs(mid.red - (0xF7 + 0xDE) / 510.0) < 1e-12)
        #expect(abs(mid.green - (0xFB + 0xEB) / 510.0) < 1e-12)
        #expect(abs(mid.blue - (0xFF + 0xF7) / 510.0) < 1e-12)
    }

    /// WCAG: white has luminance 1 and black 0, so their contrast is (1.05)/(0.05) = 21. The better of
    /// black and white text is at worst √(1.05 · 0.05)/0.05 ≈ 4.58 : 1 (where the two tie), so every
    /// cell colour of the scale must give at least the 4.5 : 1 of WCAG AA.
    @Test func printedValuesAreLegibleOnEveryCellColour() {
        #expect(HeatmapColorScale.relativeLuminance(.white) == 1)
        #expect(HeatmapColorScale.relativeLuminance(.black) == 0)
        #expect(abs(HeatmapColorScale.contrastRatio(.black, .white) - 21) < 1e-12)
        for i in 0...1000 {
            let cell = HeatmapColorScale.blues.color(at: Double(i) / 1000)
            let text = HeatmapColorScale.textColor(on: cell)
            #expect(HeatmapColorScale.contrastRatio(text, cell) >= 4.5, "position \(Double(i) / 1000)")
        }
        #expect(HeatmapColorScale.textColor(on: HeatmapColorScale.blues.color(at: 0)) == .black)
        #expect(HeatmapColorScale.textColor(on: HeatmapColorScale.blues.color(at: 1)) == .white)
    }

    @Test func valuesFormatAsAsked() {
        var chart = Heatmap.confusionMatrix(title: "", classNames: ["a", "b"], counts: [[1, 0], [0, 1]])
        #expect(chart.formatted(0.964) == "0.96" && chart.formatted(.nan) == "–")
        chart.valueFormat = .percent
        #expect(chart.formatted(0.964) == "96")
        chart.valueFormat = .hidden
        #expect(chart.formatted(0.964) == "")
        #expect(chart.scalePosition(1.5) == 1 && chart.scalePosition(0.25) == 0.25)
    }

    @Test(arguments: [2, 11, 14])
    func cellsAreSquareAndEverythingFits(size: Int) throws {
        let names = size == 14 ? Self.chest : size == 11 ? Self.organ : ["normal", "pneumonia"]
        let chart = Heatmap.confusionMatrix(title: "Confusion", classNames: names, counts: Self.counts(size), note: "reduced scale")
        try withMeasuringCanvas { canvas in
            let rect = Rect(x: 0, y: 0, width: 560, height: 480)
            let layout = HeatmapLayout(chart: chart, canvas: canvas, rect: rect)
            #expect(abs(layout.matrixArea.width - layout.cellSize * Double(size)) < 1e-9)
            #expect(abs(layout.matrixArea.height - layout.cellSize * Double(size)) < 1e-9)
            let cell = layout.cellRect(row: size - 1, column: size - 1)
            #expect(abs(cell.maxX - layout.matrixArea.maxX) < 1e-9 && abs(cell.maxY - layout.matrixArea.maxY) < 1e-9)
            #expect(rect.contains(layout.matrixArea) && rect.contains(layout.colorBarArea))
            #expect(layout.colorBarArea.minX - layout.matrixArea.maxX == 12)
            #expect(abs(layout.colorBarArea.height - layout.matrixArea.height) < 1e-9)
            // Column labels and the x label end inside the chart.
            let labelBottom = layout.matrixArea.maxY + 2.5 + layout.columnLabelHeight + 5 + canvas.lineHeight(.sans(9))
            #expect(labelBottom <= rect.maxY - 6 + 1e-9)
            #expect(layout.rotatedColumnLabels == (size > 2))
            let font = try #require(layout.valueFont)
            #expect(canvas.measure("0.00", font: font, maxWidth: nil).width <= layout.cellSize - 3 + 1e-9)
            #expect(layout.colorBarTicks.lower == 0 && layout.colorBarTicks.upper == 1)
        }
    }

    @Test func tinyCellsDropTheValuesInsteadOfOverflowing() {
        let chart = Heatmap.confusionMatrix(title: "", classNames: Self.chest, counts: Self.counts(14))
        withMeasuringCanvas { canvas in
            let layout = HeatmapLayout(chart: chart, canvas: canvas, rect: Rect(x: 0, y: 0, width: 200, height: 180))
            #expect(layout.cellSize < 10)
            #expect(layout.valueFont == nil)
        }
    }

    /// Identity counts: three cells at exactly 1.0 (the darkest stop, 0x08306B) and six at 0
    /// (the lightest, 0xF7FBFF); the colour bar's strips sit between stops, never on these ends.
    @Test func svgFillsEachCellWithItsScaleColour() throws {
        let chart = Heatmap.confusionMatrix(title: "", classNames: ["a", "b", "c"], counts: [[5, 0, 0], [0, 7, 0], [0, 0, 2]])
        let svg = String(decoding: try chart.render(format: .svg, width: 300, height: 240), as: UTF8.self)
        #expect(occurrences(of: svgFill(0x08306B), in: svg) == 3)
        #expect(occurrences(of: svgFill(0xF7FBFF), in: svg) == 6)
        let png = try DecodedPNG(try chart.render(format: .png, width: 300, height: 240))
        #expect(png.count(rgb: 0x08306B) > 3 * 1000)
        // White "1.00" on the dark cells and black "0.00" on the light ones.
        #expect(png.count(rgb: 0xFFFFFF) > 0 && png.count(rgb: 0x000000) > 0)
    }

    @Test func invalidHeatmapsThrow() {
        var ragged = Heatmap.confusionMatrix(title: "cm", classNames: ["a", "b"], counts: [[1, 0], [0, 1]])
        ragged.values[1].append(0)
        #expect(throws: ChartError.invalidData("heatmap \"cm\": row 1 (\"b\") has 3 values for 2 columns")) {
            try ragged.render(format: .svg, width: 100, height: 100)
        }
        var empty = ragged
        empty.rowLabels = []
        #expect(throws: ChartError.self) { try empty.validate() }
        var range = Heatmap.confusionMatrix(title: "cm", classNames: ["a"], counts: [[1]])
        range.valueRange = 1...1
        #expect(throws: ChartError.self) { try range.validate() }
    }
}
