import CCairo
import Foundation

/// A multi-page PDF built page by page on a `CairoCanvas`, with named destinations, internal
/// links and a bookmark outline. The output is reproducible: the creation date is fixed.
public final class PDFDocumentWriter {
    /// Page size in points (A4 portrait is 595.28 × 841.89).
    public let pageSize: Size
    /// The canvas drawing on the current page.
    public let canvas: CairoCanvas
    private let sink = DataSink()
    private let surface: OpaquePointer
    private var finished = false

    /// A4 portrait, in points.
    public static let a4 = Size(width: 595.2756, height: 841.8898)

    /// Starts a document whose first page is open for drawing; `title`, `author` and `creator`
    /// (the producing application) go into the PDF metadata.
    public init(pageSize: Size = PDFDocumentWriter.a4, title: String? = nil, author: String? = nil, creator: String? = nil) throws {
        guard pageSize.width.isFinite, pageSize.height.isFinite, pageSize.width > 0, pageSize.height > 0 else {
            throw ChartError.invalidSize(width: pageSize.width, height: pageSize.height)
        }
        self.pageSize = pageSize
        surface = CairoOutput.makePDFSurface(sink: Unmanaged.passUnretained(sink).toOpaque(),
                                             width: pageSize.width, height: pageSize.height)
        if let title { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title) }
        if let author { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, author) }
        if let creator { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, creator) }
        let cr = cairo_create(surface)!
        canvas = CairoCanvas(cairoContext: cr)
        cairo_destroy(cr)
        try CairoOutput.check(cairo_surface_status(surface), "creating the PDF")
    }

    deinit {
        if !finished { cairo_surface_finish(surface) }
        cairo_surface_destroy(surface)
    }

    /// Ends the current page and starts a blank one.
    public func newPage() {
        cairo_show_page(canvas.context)
    }

    /// Marks `point` on the current page as the target of links and outline entries named `name`
    /// (letters, digits, `-` and `_` only).
    public func addDestination(_ name: String, at point: Point) {
        let attributes = "name='\(Self.sanitize(name))' x=\(Self.number(point.x)) y=\(Self.number(point.y))"
        cairo_tag_begin(canvas.context, CAIRO_TAG_DEST, attributes)
        cairo_tag_end(canvas.context, CAIRO_TAG_DEST)
    }

    /// Makes `rect` of the current page a link to the destination `name` (which may come on a later page).
    public func addLink(_ rect: Rect, to name: String) {
        let attributes = "dest='\(Self.sanitize(name))' rect=[\(Self.number(rect.x)) \(Self.number(rect.y)) \(Self.number(rect.width)) \(Self.number(rect.height))]"
        cairo_tag_begin(canvas.context, CAIRO_TAG_LINK, attributes)
        cairo_tag_end(canvas.context, CAIRO_TAG_LINK)
    }

    /// Adds a top-level bookmark `title` pointing at destination `name`.
    public func addOutline(_ title: String, to name: String) {
        _ = cairo_pdf_surface_add_outline(surface, Int32(CAIRO_PDF_OUTLINE_ROOT), title, "dest='\(Self.sanitize(name))'", cairo_pdf_outline_flags_t(rawValue: 0))
    }

    /// Ends the last page and returns the PDF's bytes.
    public func finish() throws -> Data {
        precondition(!finished, "PDFDocumentWriter.finish() called twice")
        try CairoOutput.check(cairo_status(canvas.context), "drawing the PDF")
        cairo_surface_finish(surface)
        finished = true
        try CairoOutput.check(cairo_surface_status(surface), "finishing the PDF")
        return sink.data
    }

    private static func sanitize(_ name: String) -> String {
        String(name.unicodeScalars.map { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") ? Character($0) : "_" })
    }

    private static func number(_ value: Double) -> String {
        String(format: "%.2f", value)
    }
}
