import Charts
import Foundation
import Results

/// Writes a report into its folder, all or nothing:
///
///     index.html            self-contained page (HTMLRenderer)
///     <paperID>.pdf         the PDF (PDFRenderer)
///     figures/<stem>.svg    every figure, vector, 480 × 300 pt
///     figures/<stem>.png    the same at 2 pixels per point
///     tables/<name>.csv     every table with a csvName (RFC 4180)
///     diff.md, provenance.json, …   the extra files the caller passes
///
/// Everything is rendered into a staging folder inside the report folder and published with one rename of
/// the folder's pointer (`ReportFolder`): a reader or a kill sees the old report or the new one, never a mix.
/// The folder must be new, empty or a qreport report folder (`ReportFolder.prepare`); `runs/` and anything
/// else there is never touched.
public enum ReportWriter {
    /// Renders and writes `document`, with `extraFiles` (name → bytes, top level), into `directory` using the
    /// HTML template and stylesheet in `templatesDirectory`. Returns the written paths relative to the
    /// report, sorted.
    @discardableResult
    public static func write(_ document: ReportDocument, to directory: URL, templatesDirectory: URL,
                             extraFiles: [String: Data] = [:]) throws -> [String] {
        try validateNames(document)
        for name in extraFiles.keys.sorted() { try checkName(name, what: "extra file") }
        let target = directory.standardizedFileURL
        try ReportFolder.prepare(target)
        try ReportFolder.withLock(target) { _ = ReportFolder.removeLeftovers(in: target) }
        let staging = try ReportFolder.stagingFolder(in: target)
        var published = false
        defer { if !published { try? FileManager.default.removeItem(at: staging) } }
        var written = try render(document, into: staging, templatesDirectory: templatesDirectory)
        for (name, data) in extraFiles.sorted(by: { $0.key < $1.key }) { try save(data, name, in: staging, &written) }
        let entries = ["index.html", "\(document.paperID).pdf", "figures", "tables"] + extraFiles.keys.sorted()
        try ReportFolder.publish(staging, entries: entries, into: target)
        published = true
        return written.sorted()
    }

    // MARK: - Rendering into the staging directory

    private static func render(_ document: ReportDocument, into folder: URL, templatesDirectory: URL) throws -> [String] {
        let html = try HTMLRenderer(templatesDirectory: templatesDirectory)
        let figures = folder.appendingPathComponent("figures"), tables = folder.appendingPathComponent("tables")
        var written: [String] = []
        do {
            for dir in [figures, tables] { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
        } catch {
            throw ReportRenderError.filesystem(path: folder.path, reason: "cannot create the staging directory (\(FileIOError.cause(error)))")
        }

        var svgs: [String: Data] = [:]
        for (_, figure) in document.numberedFigures {
            let size = ReportFigure.size
            let svg = try figure.chart.render(format: .svg, width: size.width, height: size.height)
            svgs[figure.fileStem] = svg
            try save(svg, "figures/\(figure.fileStem).svg", in: folder, &written)
            try save(try figure.chart.render(format: .png, width: size.width, height: size.height), "figures/\(figure.fileStem).png", in: folder, &written)
        }
        for (_, table) in document.numberedTables {
            guard let name = table.csvName else { continue }
            try save(Data(csv(table).utf8), "tables/\(name).csv", in: folder, &written)
        }
        try save(Data(html.render(document, figureSVGs: svgs).utf8), "index.html", in: folder, &written)
        try save(try PDFRenderer().render(document), "\(document.paperID).pdf", in: folder, &written)
        return written.sorted()
    }

    private static func save(_ data: Data, _ relativePath: String, in folder: URL, _ written: inout [String]) throws {
        let url = folder.appendingPathComponent(relativePath)
        do {
            try data.write(to: url)
        } catch {
            throw ReportRenderError.filesystem(path: url.path, reason: "cannot write it (\(FileIOError.cause(error)))")
        }
        written.append(relativePath)
    }

    /// `table` as CSV (RFC 4180): header then rows, CRLF line ends, fields quoted when they hold a
    /// comma, quote, CR or LF, with quotes doubled.
    static func csv(_ table: ReportTable) -> String {
        func field(_ text: String) -> String {
            guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        let columns = table.columnCount
        let header = table.header + Array(repeating: "", count: max(0, columns - table.header.count))
        return ([header] + table.rows.map(table.cells)).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    // MARK: - Names

    /// File names come from the document, so they are checked before anything is written.
    private static func validateNames(_ document: ReportDocument) throws {
        try checkName(document.paperID, what: "paperID")
        var stems = Set<String>(), csvNames = Set<String>()
        for (number, figure) in document.numberedFigures {
            try checkName(figure.fileStem, what: "figure \(number) fileStem")
            guard stems.insert(figure.fileStem).inserted else {
                throw ReportRenderError.invalidName(what: "figure \(number) fileStem", value: figure.fileStem, reason: "is used by an earlier figure")
            }
        }
        for (number, table) in document.numberedTables {
            guard let name = table.csvName else { continue }
            try checkName(name, what: "table \(number) csvName")
            guard csvNames.insert(name).inserted else {
                throw ReportRenderError.invalidName(what: "table \(number) csvName", value: name, reason: "is used by an earlier table")
            }
        }
    }

    private static func checkName(_ name: String, what: String) throws {
        let allowed = name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }
        guard !name.isEmpty, allowed, !name.hasPrefix(".") else {
            throw ReportRenderError.invalidName(what: what, value: name, reason: "expected ASCII letters, digits, '-', '_' or '.', not starting with '.'")
        }
    }
}

/// Why a report could not be rendered or written; each message names the file or field and what was expected.
public enum ReportRenderError: Error, Equatable, CustomStringConvertible {
    /// The HTML template or stylesheet is missing or does not parse.
    case template(path: String, reason: String)
    /// A name that becomes a file name is unusable.
    case invalidName(what: String, value: String, reason: String)
    /// A file or directory could not be created, written or moved.
    case filesystem(path: String, reason: String)

    public var description: String {
        switch self {
        case .template(let path, let reason): return "template \(path): \(reason)"
        case .invalidName(let what, let value, let reason): return "\(what) \"\(value)\" \(reason)"
        case .filesystem(let path, let reason): return "\(path): \(reason)"
        }
    }
}
