import Charts
import Foundation

/// Writes a report's files into its directory, all or nothing:
///
///     index.html            self-contained page (HTMLRenderer)
///     <paperID>.pdf         the PDF (PDFRenderer)
///     figures/<stem>.svg    every figure, vector, 480 × 300 pt
///     figures/<stem>.png    the same at 2 pixels per point
///     tables/<name>.csv     every table with a csvName (RFC 4180)
///
/// Everything is rendered into a hidden staging directory beside the target first; only when all
/// of it succeeded are the entries above moved into the target, each with an atomic rename
/// (`renameat2(RENAME_EXCHANGE)` where the filesystem supports it). If any move fails, those already
/// made are undone. Other entries of the target (`runs/`, `diff.md`, `provenance.json`, ...) are
/// never touched; `figures/` and `tables/` are replaced as wholes, so stale files vanish with them.
public enum ReportWriter {
    /// Renders and writes `document` into `directory` (created if missing) using the HTML template and
    /// stylesheet in `templatesDirectory`. Returns the written paths relative to `directory`, sorted.
    @discardableResult
    public static func write(_ document: ReportDocument, to directory: URL, templatesDirectory: URL) throws -> [String] {
        try validateNames(document)
        let fm = FileManager.default
        let target = directory.standardizedFileURL
        let parent = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: target.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ReportRenderError.filesystem(path: target.path, reason: "exists and is not a directory")
        }
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw ReportRenderError.filesystem(path: parent.path, reason: "cannot create it (\(error.localizedDescription))")
        }

        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).staging-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: staging) }
        let fresh = staging.appendingPathComponent("new")
        let written = try render(document, into: fresh, templatesDirectory: templatesDirectory)

        if !fm.fileExists(atPath: target.path) {
            try move(fresh, to: target)
            return written
        }
        let entries = ["index.html", "\(document.paperID).pdf", "figures", "tables"]
        try swapIn(entries, from: fresh, into: target, parking: staging.appendingPathComponent("old"))
        return written
    }

    // MARK: - Rendering into the staging directory

    private static func render(_ document: ReportDocument, into folder: URL, templatesDirectory: URL) throws -> [String] {
        let html = try HTMLRenderer(templatesDirectory: templatesDirectory)
        let figures = folder.appendingPathComponent("figures"), tables = folder.appendingPathComponent("tables")
        var written: [String] = []
        do {
            for dir in [figures, tables] { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
        } catch {
            throw ReportRenderError.filesystem(path: folder.path, reason: "cannot create the staging directory (\(error.localizedDescription))")
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
            throw ReportRenderError.filesystem(path: url.path, reason: "cannot write it (\(error.localizedDescription))")
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

    // MARK: - Moving into place

    /// Moves each of `entries` from `source` into `target`. An entry already in `target` is exchanged
    /// with the new one (atomically where possible) and its old version ends up under `parking`.
    /// On failure every completed move is undone, so `target` is as it was.
    private static func swapIn(_ entries: [String], from source: URL, into target: URL, parking: URL) throws {
        let fm = FileManager.default
        try? fm.createDirectory(at: parking, withIntermediateDirectories: true)
        var undo: [() -> Void] = []
        do {
            for entry in entries {
                let new = source.appendingPathComponent(entry), old = target.appendingPathComponent(entry)
                guard fm.fileExists(atPath: new.path) else { continue }
                if (try? old.checkResourceIsReachable()) == true || isSymlink(old) {
                    if exchange(new, old) {
                        undo.append { _ = exchange(new, old) }
                    } else {
                        let parked = parking.appendingPathComponent(entry)
                        try move(old, to: parked)
                        do {
                            try move(new, to: old)
                        } catch {
                            try? move(parked, to: old)
                            throw error
                        }
                        undo.append { try? move(old, to: new); try? move(parked, to: old) }
                    }
                } else {
                    try move(new, to: old)
                    undo.append { try? move(old, to: new) }
                }
            }
        } catch {
            for step in undo.reversed() { step() }
            throw error
        }
    }

    private static func isSymlink(_ url: URL) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil
    }

    /// `rename(2)`: atomic within one filesystem, replaces a file or an empty directory.
    private static func move(_ from: URL, to: URL) throws {
        guard rename(from.path, to.path) == 0 else {
            let reason = String(cString: strerror(errno))
            throw ReportRenderError.filesystem(path: to.path, reason: "cannot move \(from.lastPathComponent) into place (\(reason))")
        }
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// Linux's `renameat2`, looked up at run time: Glibc's Swift overlay does not export it.
    nonisolated(unsafe) private static let renameat2: RenameAt2? = {
        #if os(Linux)
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()

    /// Atomically swaps two existing paths (`RENAME_EXCHANGE`); false where unsupported.
    private static func exchange(_ a: URL, _ b: URL) -> Bool {
        guard let renameat2 else { return false }
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a.path, AT_FDCWD, b.path, renameExchange) == 0
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
