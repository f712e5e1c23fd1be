import Foundation

/// The published tables of the papers, read from and written to `fixtures/published/<paper>.csv`.
///
/// The files are RFC 4180 CSV with the header `paper,table,dataset,model,metric,value`: fields that
/// hold a comma, a double quote, CR or LF are quoted, with inner quotes doubled. Records end in LF
/// (the reader also accepts CRLF). Every other field is written bare, so that `csv(load(...))`
/// reproduces a canonical file byte for byte.
public enum PublishedTables {
    /// The header line's fields, in order.
    public static let header = ["paper", "table", "dataset", "model", "metric", "value"]

    /// A published-table file that cannot be read: names the file, the 1-based line and the field.
    public struct LoadError: LocalizedError, Equatable, Sendable, CustomStringConvertible {
        /// The file (path or name) being read.
        public var file: String
        /// The 1-based line where the offending record (or quoted field) starts; `nil` for the whole file.
        public var line: Int?
        /// The offending column (`"dataset"`), or `nil` when the whole record or file is at fault.
        public var field: String?
        /// What was wrong and what was expected.
        public var message: String

        /// Creates an error; `line` and `field` are `nil` when they do not apply.
        public init(file: String, line: Int?, field: String?, message: String) {
            self.file = file
            self.line = line
            self.field = field
            self.message = message
        }

        /// One line: `file:line: field 'name': message`.
        public var description: String {
            var text = file
            if let line { text += ":\(line)" }
            text += ": "
            if let field { text += "field '\(field)': " }
            return text + message
        }

        /// The same line as `description`, for `localizedDescription`.
        public var errorDescription: String? { description }
    }

    /// Reads `<fixturesDirectory>/<paper>.csv`, where `fixturesDirectory` is the folder holding the
    /// published tables (the repository's `fixtures/published`).
    ///
    /// Throws `LoadError` when the file is missing or not UTF-8, when a record is not valid CSV,
    /// when the header differs from `header`, when a record has other than six fields or an empty
    /// field, when its `paper` is not `paper`, or when two records share paper, table, dataset,
    /// model and metric.
    public static func load(paper: String, from fixturesDirectory: URL) throws -> [PublishedValue] {
        let url = fixturesDirectory.appendingPathComponent("\(paper).csv")
        guard !paper.isEmpty, paper.unicodeScalars.allSatisfy({ isIdentifierScalar($0) }) else {
            throw LoadError(file: url.path, line: nil, field: nil,
                            message: "paper id '\(paper)' is not lower-case letters, digits and hyphens")
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw LoadError(file: url.path, line: nil, field: nil,
                            message: "missing: expected the published table of '\(paper)' here")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw LoadError(file: url.path, line: nil, field: nil, message: "cannot read: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LoadError(file: url.path, line: nil, field: nil, message: "not valid UTF-8")
        }
        return try parse(text, paper: paper, file: url.path)
    }

    /// Parses the text of a published-table file, checked as `load` does; `paper` (when given) is
    /// the id every record must carry, and `file` names the source in errors.
    public static func parse(_ text: String, paper: String? = nil, file: String) throws -> [PublishedValue] {
        var records = try CSVRecord.records(in: text, file: file)
        guard !records.isEmpty else {
            throw LoadError(file: file, line: 1, field: nil,
                            message: "empty file, expected the header '\(header.joined(separator: ","))'")
        }
        let head = records.removeFirst()
        guard head.fields.count == header.count else {
            throw LoadError(file: file, line: head.line, field: nil,
                            message: "expected the header '\(header.joined(separator: ","))', found \(head.fields.count) field(s)")
        }
        for (expected, found) in zip(header, head.fields) where expected != found {
            throw LoadError(file: file, line: head.line, field: expected,
                            message: "header expected '\(expected)', found '\(found)'")
        }

        var values: [PublishedValue] = []
        values.reserveCapacity(records.count)
        var firstLine: [[String]: Int] = [:]
        for record in records {
            guard record.fields.count == header.count else {
                throw LoadError(file: file, line: record.line, field: nil,
                                message: "expected \(header.count) fields (\(header.joined(separator: ","))), found \(record.fields.count)")
            }
            if let index = record.fields.firstIndex(where: { $0.isEmpty }) {
                throw LoadError(file: file, line: record.line, field: header[index], message: "empty, expected a value")
            }
            let f = record.fields
            if let paper, f[0] != paper {
                throw LoadError(file: file, line: record.line, field: "paper",
                                message: "expected '\(paper)', found '\(f[0])'")
            }
            let key = Array(f[0..<5])
            if let earlier = firstLine[key] {
                throw LoadError(file: file, line: record.line, field: nil,
                                message: "duplicate of line \(earlier) (same paper, table, dataset, model and metric)")
            }
            firstLine[key] = record.line
            values.append(PublishedValue(paper: f[0], table: f[1], dataset: f[2], model: f[3], metric: f[4], value: f[5]))
        }
        return values
    }

    /// The CSV text of `values`: the header, then one record per value, each ending in LF.
    public static func csv(_ values: [PublishedValue]) -> String {
        var text = header.joined(separator: ",") + "\n"
        for v in values {
            text += [v.paper, v.table, v.dataset, v.model, v.metric, v.value].map(quoted).joined(separator: ",")
            text += "\n"
        }
        return text
    }

    /// The field as RFC 4180 writes it: bare unless it holds a comma, quote, CR or LF.
    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func isIdentifierScalar(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("0"..."9").contains(s) || s == "-"
    }
}

/// One CSV record and the 1-based line it starts on.
private struct CSVRecord {
    var line: Int
    var fields: [String]

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","),
                       cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    /// Splits RFC 4180 text into records. A final line break is optional; a blank line is a
    /// record with one empty field (the caller rejects it by its field count).
    static func records(in text: String, file: String) throws -> [CSVRecord] {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }  // UTF-8 byte-order mark
        let n = bytes.count
        var records: [CSVRecord] = []
        var i = 0
        var line = 1

        func error(_ line: Int, _ index: Int, _ message: String) -> PublishedTables.LoadError {
            let header = PublishedTables.header
            let field = index < header.count ? header[index] : "#\(index + 1)"
            return PublishedTables.LoadError(file: file, line: line, field: field, message: message)
        }

        while i < n {
            let recordLine = line
            var fields: [String] = []
            while true {
                if i < n, bytes[i] == quote {
                    let fieldLine = line
                    var buffer: [UInt8] = []
                    i += 1
                    while true {
                        guard i < n else {
                            throw error(fieldLine, fields.count, "quoted field not closed before the end of the file")
                        }
                        let b = bytes[i]
                        if b == quote {
                            if i + 1 < n, bytes[i + 1] == quote {
                                buffer.append(quote)
                                i += 2
                                continue
                            }
                            i += 1
                            break
                        }
                        if b == lf { line += 1 }
                        buffer.append(b)
                        i += 1
                    }
                    if i < n, bytes[i] != comma, bytes[i] != cr, bytes[i] != lf {
                        throw error(line, fields.count, "unexpected character after a closing quote (expected ',' or end of line)")
                    }
                    fields.append(String(decoding: buffer, as: UTF8.self))
                } else {
                    let start = i
                    while i < n, bytes[i] != comma, bytes[i] != cr, bytes[i] != lf {
                        if bytes[i] == quote {
                            throw error(line, fields.count, "double quote inside an unquoted field (quote the field and double the quote)")
                        }
                        i += 1
                    }
                    fields.append(String(decoding: bytes[start..<i], as: UTF8.self))
                }
                if i < n, bytes[i] == comma {
                    i += 1
                    continue
                }
                if i < n, bytes[i] == cr {
                    guard i + 1 < n, bytes[i + 1] == lf else {
                        throw error(line, fields.count - 1, "carriage return not followed by a line feed")
                    }
                    i += 1
                }
                if i < n, bytes[i] == lf {
                    i += 1
                    line += 1
                }
                break
            }
            records.append(CSVRecord(line: recordLine, fields: fields))
        }
        return records
    }
}
