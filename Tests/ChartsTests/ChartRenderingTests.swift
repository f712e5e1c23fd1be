import CCairo
import Foundation
import Testing
import TestSupport
@testable import Charts

/// A three-series accuracy chart like the reports draw (curves a - (a - 0.1) e^{-k t}).
func sampleChart(note: String? = "reduced scale") -> LineChart {
    let epochs = (1...12).map(Double.init)
    func curve(_ a: Double, _ k: Double) -> [Double] { epochs.map { a - (a - 0.1) * exp(-k * $0) } }
    return LineChart(title: "Test accuracy (mean ± 1 std)", xLabel: "Epoch", yLabel: "Accuracy",
                     series: [
                        LineSeries(name: "HQNN", x: epochs, y: curve(0.97, 0.35), band: epochs.map { _ in 0.02 }),
                        LineSeries(name: "CNN", x: epochs, y: curve(0.93, 0.25)),
                        LineSeries(name: "Quanv", x: epochs, y: curve(0.88, 0.2), band: epochs.map { _ in 0.03 }),
                     ], xTickStep: 1, note: note)
}

/// Pixels of a PNG decoded by cairo (independently of how Charts encoded it).
struct DecodedPNG {
    let width: Int, height: Int
    /// 0xAARRGGBB, premultiplied (opaque images here, so plain RGB).
    let pixels: [UInt32]

    init(_ data: Data) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("charts-test-\(UUID().uuidString).png")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let surface = cairo_image_surface_create_from_png(url.path)!
        defer { cairo_surface_destroy(surface) }
        try #require(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS)
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let base = cairo_image_surface_get_data(surface)!
        var pixels: [UInt32] = []
        pixels.reserveCapacity(width * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(base + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width { pixels.append(row[x]) }
        }
        self.pixels = pixels
    }

    func count(rgb: UInt32) -> Int { pixels.filter { $0 & 0xFFFFFF == rgb }.count }
}

/// Runs a command-line tool if it is installed; nil when it is not.
func runTool(_ name: String, _ arguments: [String]) throws -> String? {
    try ExternalTool.run(name, arguments)
}

struct ChartRenderingTests {
    @Test func pngHasTwicePointSizeAndShowsTheSeries() throws {
        let png = try sampleChart().render(format: .png, width: 400, height: 250)
        // IHDR (bytes 16...23) holds width and height big-endian: 2 px per pt.
        let bytes = [UInt8](png)
        #expect(Array(bytes[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let ihdrWidth = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }, ihdrHeight = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(ihdrWidth == 800 && ihdrHeight == 500)

        let image = try DecodedPNG(png)
        #expect(image.width == 800 && image.height == 500)
        let nonWhite = image.pixels.filter { $0 & 0xFFFFFF != 0xFFFFFF }.count
        #expect(nonWhite > image.pixels.count / 25, "only \(nonWhite) non-white pixels")
        // Line cores (1.6 pt = 3.2 px wide) are drawn in the exact Okabe-Ito colours of series 0 and 1.
        #expect(image.count(rgb: 0x0072B2) > 200)
        #expect(image.count(rgb: 0xD55E00) > 200)
        // Series 3 does not exist, so the orange of the fourth palette slot must not appear.
        #expect(image.count(rgb: 0xE69F00) == 0)
    }

    @Test func svgAndPDFAreWellFormed() throws {
        let chart = sampleChart()
        let svg = String(decoding: try chart.render(format: .svg, width: 480, height: 300), as: UTF8.self)
        #expect(svg.hasPrefix("<?xml"))
        #expect(svg.contains("viewBox=\"0 0 480 300\""))
        #expect(svg.contains("rgb(0%,44.705882%,69.803922%)"))   // 0x0072B2 as cairo writes it
        let pdf = try chart.render(format: .pdf, width: 480, height: 300)
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chart-\(UUID().uuidString).pdf")
        try pdf.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        if let info = try runTool("pdfinfo", [url.path]) {
            #expect(info.contains("Pages:           1"))
            #expect(info.contains("Page size:       480 x 300 pts"))
            #expect(info.contains("2000"))                      // the fixed creation date
        }
    }

    @Test(arguments: ImageFormat.allCases)
    func sameChartGivesSameBytes(format: ImageFormat) throws {
        let a = try sampleChart().render(format: format, width: 360, height: 240)
        let b = try sampleChart().render(format: format, width: 360, height: 240)
        #expect(a == b)
        #expect(a != (try sampleChart(note: nil).render(format: format, width: 360, height: 240)))
    }

    @Test func writeCreatesTheFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chart-\(UUID().uuidString).svg")
        defer { try? FileManager.default.removeItem(at: url) }
        try sampleChart().write(to: url, format: .svg, width: 300, height: 200)
        #expect(try Data(contentsOf: url) == (try sampleChart().render(format: .svg, width: 300, height: 200)))
    }

    @Test func invalidChartsThrowInsteadOfCrashing() {
        var chart = sampleChart()
        chart.series[1].y.removeLast()
        #expect(throws: ChartError.invalidData("series \"CNN\": 12 x values but 11 y values")) {
            try chart.render(format: .png, width: 100, height: 100)
        }
        #expect(throws: ChartError.invalidSize(width: 0, height: 100)) {
            try sampleChart().render(format: .svg, width: 0, height: 100)
        }
        var range = sampleChart()
        range.yRange = 1...1
        #expect(throws: ChartError.self) { try range.render(format: .svg, width: 100, height: 100) }
    }

    @Test func gapsAndEmptyChartsStillRender() throws {
        let gappy = LineChart(title: "", xLabel: "", yLabel: "", series: [
            LineSeries(name: "with NaN", x: [1, 2, 3, 4], y: [0.1, .nan, 0.3, 0.4], band: [0.01, 0.01, .infinity, 0.01]),
        ])
        let image = try DecodedPNG(try gappy.render(format: .png, width: 200, height: 150))
        #expect(image.count(rgb: 0x0072B2) > 0)
        let empty = LineChart(title: "Nothing yet", xLabel: "x", yLabel: "y", series: [])
        let blank = try DecodedPNG(try empty.render(format: .png, width: 200, height: 150))
        #expect(blank.pixels.contains { $0 & 0xFFFFFF != 0xFFFFFF })  // axes, labels and "No data"
    }
}

/// Layout is measured with real Pango metrics on a PDF surface that is never written.
struct LineChartLayoutTests {
    private func withCanvas<T>(_ body: (CairoCanvas) -> T) -> T {
        let surface = cairo_pdf_surface_create_for_stream(nil, nil, 600, 400)!
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        return body(CairoCanvas(cairoContext: cr))
    }

    @Test func shortLegendGoesRightAndNeverCoversThePlot() {
        withCanvas { canvas in
            let rect = Rect(x: 0, y: 0, width: 480, height: 300)
            let layout = LineChartLayout(chart: sampleChart(), canvas: canvas, rect: rect)
            let legend = try! #require(layout.legendArea)
            #expect(!legend.intersects(layout.plotArea))
            #expect(legend.minX > layout.plotArea.maxX)
            #expect(rect.contains(legend) && rect.contains(layout.plotArea))
            // Every epoch has a tick when they fit: 1...12 with step 1.
            #expect(layout.xTicks.values == (1...12).map(Double.init))
        }
    }

    @Test func longNamesPushTheLegendBelow() {
        withCanvas { canvas in
            var chart = sampleChart()
            chart.series[0].name = "HQNN-Parallel with 4 qubits and depth 2, paper-text variant"
            let rect = Rect(x: 0, y: 0, width: 480, height: 300)
            let layout = LineChartLayout(chart: chart, canvas: canvas, rect: rect)
            let legend = try! #require(layout.legendArea)
            #expect(legend.minY > layout.plotArea.maxY)
            #expect(!legend.intersects(layout.plotArea))
            #expect(rect.contains(legend))
        }
    }

    @Test func crowdedEpochTicksAreThinned() {
        withCanvas { canvas in
            let epochs = (1...100).map(Double.init)
            let chart = LineChart(title: "", xLabel: "Epoch", yLabel: "", series: [LineSeries(name: "a", x: epochs, y: epochs)], xTickStep: 1)
            let layout = LineChartLayout(chart: chart, canvas: canvas, rect: Rect(x: 0, y: 0, width: 300, height: 200))
            // Step 1 would put 100 labels in ~250 pt; the step grows through 2, 5, 10, 20, ...
            #expect([10.0, 20, 50].contains(layout.xTicks.step))
            #expect(layout.xTicks.values.allSatisfy { $0.truncatingRemainder(dividingBy: layout.xTicks.step) == 0 })
        }
    }

    @Test func fixedYRangeIsUsedExactly() {
        withCanvas { canvas in
            var chart = sampleChart()
            chart.yRange = 0.5...1.0
            let layout = LineChartLayout(chart: chart, canvas: canvas, rect: Rect(x: 0, y: 0, width: 480, height: 300))
            #expect(layout.yTicks.lower == 0.5 && layout.yTicks.upper == 1.0)
            #expect(layout.yPosition(0.5) == layout.plotArea.maxY)
            #expect(layout.yPosition(1.0) == layout.plotArea.minY)
        }
    }

    @Test func textWrapsIntoLinesThatRejoinToTheText() {
        withCanvas { canvas in
            let text = "Accuracy ± std over ten seeds × three models, π radians"
            let font = Font.sans(9)
            let full = canvas.measure(text, font: font, maxWidth: nil)
            let lines = canvas.lines(text, font: font, maxWidth: full.width / 2)
            #expect(lines.count >= 2)
            #expect(lines.joined(separator: " ") == text)
            for line in lines { #expect(canvas.measure(line, font: font, maxWidth: nil).width <= full.width / 2) }
            // Wrapped height is a whole number of single-line heights (Pango sums integer line heights).
            let wrapped = canvas.measure(text, font: font, maxWidth: full.width / 2)
            #expect(wrapped.height == Double(lines.count) * full.height)
        }
    }
}

struct PDFDocumentWriterTests {
    @Test func pagesDestinationsAndOutlineProduceAValidPDF() throws {
        func make() throws -> Data {
            let writer = try PDFDocumentWriter(title: "Two pages")
            writer.canvas.draw("First page", font: .sans(12), color: .black, at: Point(x: 72, y: 72))
            writer.addLink(Rect(x: 72, y: 72, width: 100, height: 14), to: "second")
            writer.newPage()
            writer.addDestination("second", at: Point(x: 72, y: 72))
            writer.canvas.draw("Second page", font: .sans(12), color: .black, at: Point(x: 72, y: 72))
            writer.addOutline("Second", to: "second")
            return try writer.finish()
        }
        let pdf = try make()
        #expect(pdf == (try make()))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("doc-\(UUID().uuidString).pdf")
        try pdf.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        if let info = try runTool("pdfinfo", [url.path]) {
            #expect(info.contains("Pages:           2"))
            #expect(info.contains("A4"))
        }
        if let text = try runTool("pdftotext", ["-f", "2", "-l", "2", url.path, "-"]) {
            #expect(text.contains("Second page") && !text.contains("First page"))
        }
    }
}
