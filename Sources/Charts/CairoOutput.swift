import CCairo
import Foundation

/// Creates Cairo surfaces for each output format, runs a drawing closure on them, and collects the bytes.
enum CairoOutput {
    /// Pixels per point in PNG output.
    static let pngScale = 2.0

    /// A fixed PDF creation date. Cairo 1.16 stamps the current time otherwise, which would make
    /// every rendering of the same report differ.
    static let pdfCreationDate = "2000-01-01T00:00:00Z"

    /// The largest image side cairo accepts, in pixels.
    static let maxPNGPixels = 32767

    static func render(format: ImageFormat, width: Double, height: Double, draw: (CairoCanvas) -> Void) throws -> Data {
        guard width.isFinite, height.isFinite, width > 0, height > 0 else {
            throw ChartError.invalidSize(width: width, height: height)
        }
        switch format {
        case .png: return try renderPNG(width: width, height: height, draw: draw)
        case .svg:
            let svg = try renderVector(width: width, height: height, draw: draw) { sink, w, h in
                let surface = cairo_svg_surface_create_for_stream(DataSink.write, sink, w, h)!
                cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1)
                return surface
            }
            return renumberSurfaceIDs(svg)
        case .pdf: return try renderVector(width: width, height: height, draw: draw) { sink, w, h in
            makePDFSurface(sink: sink, width: w, height: h)
        }
        }
    }

    /// Cairo names the SVG's top group `surface<N>` after a process-wide counter, so the same chart
    /// would differ between renderings; renumber every `surface<digits>` from 1 in order of appearance.
    static func renumberSurfaceIDs(_ svg: Data) -> Data {
        let bytes = [UInt8](svg), key = Array("surface".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var numbers: [ArraySlice<UInt8>: Int] = [:]
        var i = 0
        while i < bytes.count {
            if bytes[i] == key[0], i + key.count < bytes.count, Array(bytes[i..<i + key.count]) == key {
                var j = i + key.count
                while j < bytes.count, (0x30...0x39).contains(bytes[j]) { j += 1 }
                if j > i + key.count {
                    let digits = bytes[(i + key.count)..<j]
                    let n = numbers[digits] ?? numbers.count + 1
                    numbers[digits] = n
                    out += key
                    out += Array(String(n).utf8)
                    i = j
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return Data(out)
    }

    /// A PDF surface streaming into `sink`, with reproducible metadata.
    static func makePDFSurface(sink: UnsafeMutableRawPointer, width: Double, height: Double) -> OpaquePointer {
        let surface = cairo_pdf_surface_create_for_stream(DataSink.write, sink, width, height)!
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, pdfCreationDate)
        return surface
    }

    private static func renderPNG(width: Double, height: Double, draw: (CairoCanvas) -> Void) throws -> Data {
        let pixels = ((width * pngScale).rounded(), (height * pngScale).rounded())
        guard pixels.0 <= Double(maxPNGPixels), pixels.1 <= Double(maxPNGPixels) else {
            throw ChartError.cairo("a PNG of \(Int(pixels.0))×\(Int(pixels.1)) pixels exceeds cairo's limit of \(maxPNGPixels) per side; draw it as SVG or PDF")
        }
        let pixelWidth = Int32(pixels.0), pixelHeight = Int32(pixels.1)
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pixelWidth, pixelHeight)!
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface), "creating a \(pixelWidth)×\(pixelHeight) image")
        try drawOn(surface, scale: pngScale, draw: draw)
        let sink = DataSink()
        let status = withExtendedLifetime(sink) {
            cairo_surface_write_to_png_stream(surface, DataSink.write, Unmanaged.passUnretained(sink).toOpaque())
        }
        try check(status, "encoding PNG")
        return sink.data
    }

    private static func renderVector(width: Double, height: Double, draw: (CairoCanvas) -> Void,
                                     makeSurface: (UnsafeMutableRawPointer, Double, Double) -> OpaquePointer) throws -> Data {
        let sink = DataSink()
        try withExtendedLifetime(sink) {
            let surface = makeSurface(Unmanaged.passUnretained(sink).toOpaque(), width, height)
            defer { cairo_surface_destroy(surface) }
            try check(cairo_surface_status(surface), "creating a vector surface")
            try drawOn(surface, scale: 1, draw: draw)
            cairo_surface_finish(surface)
            try check(cairo_surface_status(surface), "finishing the document")
        }
        return sink.data
    }

    private static func drawOn(_ surface: OpaquePointer, scale: Double, draw: (CairoCanvas) -> Void) throws {
        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        cairo_scale(cr, scale, scale)
        let canvas = CairoCanvas(cairoContext: cr)
        draw(canvas)
        try check(cairo_status(cr), "drawing")
    }

    static func check(_ status: cairo_status_t, _ operation: String) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw ChartError.cairo("\(operation): \(String(cString: cairo_status_to_string(status)))")
        }
    }
}

/// Collects the bytes a Cairo stream surface or PNG encoder writes.
final class DataSink {
    var data = Data()

    /// `cairo_write_func_t` appending to the `DataSink` passed as the closure pointer.
    static let write: cairo_write_func_t = { closure, bytes, length in
        guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
        Unmanaged<DataSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
        return CAIRO_STATUS_SUCCESS
    }
}
