import Charts
import Foundation

/// Everything a report shows, independent of output format: `HTMLRenderer` and `PDFRenderer` draw
/// it, `ReportWriter` writes both plus the figures and tables as files.
public struct ReportDocument: Sendable {
    /// Paper identifier, e.g. "hqnn"; names the PDF file (`<paperID>.pdf`).
    public var paperID: String
    /// The paper's title.
    public var title: String
    /// Authors, venue, arXiv id.
    public var citation: String
    /// Shown at the top of every section and on every PDF page when the report is not at paper
    /// scale, e.g. "Reduced scale (smoke): verdicts are indicative"; nil at paper scale.
    public var scaleBanner: String?
    /// Tool and version that produced the report, e.g. "qreport 0.1 (commit abc123)".
    public var generatedBy: String
    /// The body, in order.
    public var sections: [ReportSection]

    /// A report; see the properties for each argument.
    public init(paperID: String, title: String, citation: String, scaleBanner: String? = nil,
                generatedBy: String, sections: [ReportSection]) {
        self.paperID = paperID
        self.title = title
        self.citation = citation
        self.scaleBanner = scaleBanner
        self.generatedBy = generatedBy
        self.sections = sections
    }

    /// The banner text when there is one worth showing (nil for nil or blank).
    var banner: String? {
        guard let scaleBanner, !scaleBanner.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return scaleBanner
    }

    /// Every table in document order, numbered from 1 (the numbering both renderers print).
    var numberedTables: [(number: Int, table: ReportTable)] {
        var n = 0
        return sections.flatMap { $0.blocks }.compactMap {
            guard case .table(let t) = $0 else { return nil }
            n += 1
            return (n, t)
        }
    }

    /// Every figure in document order, numbered from 1.
    var numberedFigures: [(number: Int, figure: ReportFigure)] {
        var n = 0
        return sections.flatMap { $0.blocks }.compactMap {
            guard case .figure(let f) = $0 else { return nil }
            n += 1
            return (n, f)
        }
    }
}

/// A numbered section of a report: a heading and its blocks.
public struct ReportSection: Sendable {
    /// Heading text (numbered by the renderers).
    public var title: String
    /// Content, in order.
    public var blocks: [ReportBlock]

    /// A section titled `title`.
    public init(title: String, blocks: [ReportBlock]) {
        self.title = title
        self.blocks = blocks
    }
}

/// One piece of section content.
public enum ReportBlock: Sendable {
    /// Plain text (escaped in HTML; newlines start new lines).
    case paragraph(String)
    /// A numbered table with a caption.
    case table(ReportTable)
    /// A numbered chart with a caption.
    case figure(ReportFigure)
    /// Term–detail pairs: provenance, assumptions.
    case definitionList([ReportDefinition])
    /// An unordered list.
    case bulletList([String])
}

/// One entry of a definition list.
public struct ReportDefinition: Sendable, Hashable {
    /// What is defined, e.g. "Toolchain".
    public var term: String
    /// Its value or explanation, e.g. "Swift 6.3.1".
    public var detail: String

    /// The entry `term`: `detail`.
    public init(term: String, detail: String) {
        self.term = term
        self.detail = detail
    }
}

/// A table of text cells.
public struct ReportTable: Sendable {
    /// Shown above the table after "Table N:".
    public var caption: String
    /// Column headings.
    public var header: [String]
    /// Body rows; each as many cells as `header` (short rows are padded with empty cells).
    public var rows: [[String]]
    /// Indices of the columns holding verdicts, which are coloured by `VerdictStyle`; empty for none.
    public var verdictColumns: Set<Int>
    /// Base name of the CSV export, e.g. "table1" writes `tables/table1.csv`; nil for no export.
    public var csvName: String?

    /// A table; see the properties for each argument.
    public init(caption: String, header: [String], rows: [[String]], verdictColumn: Int? = nil, csvName: String? = nil) {
        self.init(caption: caption, header: header, rows: rows, verdictColumns: verdictColumn.map { [$0] } ?? [], csvName: csvName)
    }

    /// A table with several verdict columns (a mirrored table with one verdict per model).
    public init(caption: String, header: [String], rows: [[String]], verdictColumns: Set<Int>, csvName: String? = nil) {
        self.caption = caption
        self.header = header
        self.rows = rows
        self.verdictColumns = verdictColumns
        self.csvName = csvName
    }

    /// Whether column `c` holds verdicts.
    func isVerdict(column c: Int) -> Bool { verdictColumns.contains(c) }

    /// Number of columns: the widest of the header and the rows.
    var columnCount: Int { max(header.count, rows.map(\.count).max() ?? 0) }

    /// `row` padded with empty cells to `columnCount`.
    func cells(_ row: [String]) -> [String] {
        row + Array(repeating: "", count: max(0, columnCount - row.count))
    }

    /// Whether column `c` holds numbers, so it is right-aligned: every body cell starts like a number,
    /// apart from empty cells and placeholders ("—", "–", "-", "n/a").
    func isNumeric(column c: Int) -> Bool {
        guard !isVerdict(column: c) else { return false }
        let placeholders: Set<String> = ["", "—", "–", "-", "n/a", "N/A"]
        let values = rows.compactMap { c < $0.count ? $0[c].trimmingCharacters(in: .whitespaces) : nil }.filter { !placeholders.contains($0) }
        return !values.isEmpty && values.allSatisfy { cell in
            guard let first = cell.unicodeScalars.first else { return false }
            return CharacterSet.decimalDigits.contains(first) || "-−+.".unicodeScalars.contains(first)
        }
    }

    /// Whether every cell of column `c` (header included) is at most `limit` characters, so HTML keeps it on one line.
    func isShort(column c: Int, limit: Int = 24) -> Bool {
        ([c < header.count ? header[c] : ""] + rows.map { c < $0.count ? $0[c] : "" }).allSatisfy { $0.count <= limit }
    }

    /// The verdict class of cell `c` in `row`, or nil outside the verdict columns.
    func verdictStyle(row: [String], column c: Int) -> VerdictStyle? {
        guard isVerdict(column: c), c < row.count else { return nil }
        return VerdictStyle(cellText: row[c])
    }
}

/// A chart with a caption; written as `figures/<fileStem>.svg` and `.png`.
public struct ReportFigure: Sendable {
    /// Shown under the figure after "Figure N:".
    public var caption: String
    /// The chart (any `Chart`; line charts today).
    public var chart: any Chart
    /// File name without extension, e.g. "fig5-mnist".
    public var fileStem: String

    /// A figure showing `chart`.
    public init(caption: String, chart: any Chart, fileStem: String) {
        self.caption = caption
        self.chart = chart
        self.fileStem = fileStem
    }

    /// Size figures are drawn at, in points: the PDF's text width, and the SVG/PNG files' size.
    static let size = Size(width: 480, height: 300)
}

/// How a verdict cell is coloured, decided by the start of its text (case-insensitive): claims' "holds" and counts'
/// "matches" as consistent, "fails" as differs.
public enum VerdictStyle: String, Sendable, CaseIterable {
    /// Text starts with "consistent": green.
    case consistent
    /// Text starts with "differs": red.
    case differs
    /// Text starts with "not run": grey.
    case notRun = "not-run"
    /// Text starts with "indicative": amber.
    case indicative
    /// Text starts with "inconclusive": blue.
    case inconclusive

    /// The style for a cell reading `cellText`, or nil if it starts with none of the verdict words.
    public init?(cellText: String) {
        let text = cellText.trimmingCharacters(in: .whitespaces).lowercased()
        if text.hasPrefix("consistent") || text.hasPrefix("holds") || text.hasPrefix("matches") { self = .consistent }
        else if text.hasPrefix("differs") || text.hasPrefix("fails") { self = .differs }
        else if text.hasPrefix("inconclusive") { self = .inconclusive }
        else if text.hasPrefix("not run") { self = .notRun }
        else if text.hasPrefix("indicative") { self = .indicative }
        else { return nil }
    }

    /// Text colour (dark shades of the Okabe–Ito hues, readable on `background`).
    public var foreground: Color {
        switch self {
        case .consistent: return Color(hex: 0x00664A)
        case .differs: return Color(hex: 0xA33A00)
        case .notRun: return Color(hex: 0x555555)
        case .indicative: return Color(hex: 0x7A5600)
        case .inconclusive: return Color(hex: 0x00507F)
        }
    }

    /// Cell background tint.
    public var background: Color {
        switch self {
        case .consistent: return Color(hex: 0xDDF2EA)
        case .differs: return Color(hex: 0xFBE3D6)
        case .notRun: return Color(hex: 0xEEEEEE)
        case .indicative: return Color(hex: 0xFDF1D0)
        case .inconclusive: return Color(hex: 0xDCEBF6)
        }
    }
}
