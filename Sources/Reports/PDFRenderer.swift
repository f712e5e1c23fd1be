import Charts
import Foundation

/// Renders a `ReportDocument` as an A4 portrait PDF: a title block with contents, numbered sections,
/// wrapped paragraphs, lists, tables (header rule, zebra rows, verdict colours, header repeated when
/// a table continues on the next page), figures as vectors, bookmarks, and a footer on every page
/// with the paper id, the page number and, when set, the scale banner.
public struct PDFRenderer {
    /// A renderer with the standard page style.
    public init() {}

    /// The PDF's bytes. The same document gives the same bytes every time.
    public func render(_ document: ReportDocument) throws -> Data {
        for (_, figure) in document.numberedFigures { try figure.chart.validate() }
        let writer = try PDFDocumentWriter(pageSize: PDFDocumentWriter.a4, title: document.title, creator: document.generatedBy)
        var flow = PageFlow(canvas: writer.canvas, pageSize: writer.pageSize)
        flow.layOut(document)
        let total = flow.pages.count
        for (index, page) in flow.pages.enumerated() {
            if index > 0 { writer.newPage() }
            for item in page { draw(item, on: writer, sectionPages: flow.sectionPages) }
            drawFooter(document, page: index + 1, of: total, on: writer.canvas, pageSize: writer.pageSize)
        }
        for (index, section) in document.sections.enumerated() {
            writer.addOutline("\(index + 1)  \(section.title)", to: PageFlow.anchor(index))
        }
        return try writer.finish()
    }

    private func draw(_ item: PageItem, on writer: PDFDocumentWriter, sectionPages: [Int: Int]) {
        let canvas = writer.canvas
        switch item {
        case .text(let text, let font, let color, let origin, let maxWidth, let alignment):
            canvas.draw(text, font: font, color: color, at: origin, maxWidth: maxWidth, alignment: alignment)
        case .fill(let rect, let color):
            canvas.fill(.rect(rect), color: color)
        case .rule(let from, let to, let color, let width):
            canvas.stroke(.line(from: from, to: to), color: color, style: StrokeStyle(width: width))
        case .chart(let chart, let rect):
            canvas.save()
            canvas.clip(to: rect)
            chart.draw(on: canvas, in: rect)
            canvas.restore()
        case .destination(let name, let point):
            writer.addDestination(name, at: point)
        case .link(let rect, let name):
            writer.addLink(rect, to: name)
        case .sectionPageNumber(let section, let font, let color, let origin, let width):
            canvas.draw(sectionPages[section].map(String.init) ?? "", font: font, color: color, at: origin, maxWidth: width, alignment: .right)
        }
    }

    private func drawFooter(_ document: ReportDocument, page: Int, of total: Int, on canvas: Canvas, pageSize: Size) {
        let g = PageFlow.Geometry(pageSize: pageSize)
        canvas.stroke(.line(from: Point(x: g.left, y: g.footerRule), to: Point(x: g.right, y: g.footerRule)),
                      color: Color(hex: 0xC8C8C8), style: StrokeStyle(width: 0.5))
        var y = g.footerRule + 4
        if let banner = document.banner {
            canvas.fill(.rect(Rect(x: g.left, y: y + 1.5, width: 3, height: 8)), color: Palette.bannerAccent)
            canvas.drawLine(banner, font: PageFlow.Fonts.footerBanner, color: Palette.bannerText,
                            at: Point(x: g.left + 7, y: y), maxWidth: g.width - 7)
            y += canvas.lineHeight(PageFlow.Fonts.footerBanner) + 2
        }
        let pageText = "Page \(page) of \(total)"
        let pageWidth = canvas.measure(pageText, font: PageFlow.Fonts.footer, maxWidth: nil).width
        canvas.drawLine("\(document.paperID) · \(document.title)", font: PageFlow.Fonts.footer, color: Palette.mutedText,
                        at: Point(x: g.left, y: y), maxWidth: g.width - pageWidth - 24)
        canvas.draw(pageText, font: PageFlow.Fonts.footer, color: Palette.mutedText, at: Point(x: g.right - pageWidth, y: y))
    }
}

/// One drawing operation placed on a page by the layout pass.
private enum PageItem {
    case text(String, Font, Color, Point, maxWidth: Double?, TextAlignment)
    case fill(Rect, Color)
    case rule(from: Point, to: Point, Color, width: Double)
    case chart(any Chart, Rect)
    case destination(String, Point)
    case link(Rect, String)
    /// The page a section starts on, known only once layout is done (for the contents).
    case sectionPageNumber(Int, Font, Color, Point, width: Double)
}

/// The layout pass: flows the document's blocks down A4 pages, breaking pages where content does not fit.
private struct PageFlow {
    struct Geometry {
        let pageSize: Size
        var left: Double { 56.7 }                         // 20 mm margins
        var right: Double { pageSize.width - 56.7 }
        var width: Double { right - left }
        var top: Double { 56.7 }
        var bottom: Double { pageSize.height - 66 }       // body ends above the footer
        var footerRule: Double { pageSize.height - 52 }
    }

    enum Fonts {
        static let kicker = Font.sans(8, bold: true)
        static let title = Font.sans(18, bold: true)
        static let citation = Font.sans(10)
        static let meta = Font.sans(8.5)
        static let banner = Font.sans(9.5, bold: true)
        static let contentsHeading = Font.sans(11, bold: true)
        static let contents = Font.sans(9.5)
        static let heading = Font.sans(13, bold: true)
        static let body = Font.sans(9.5)
        static let caption = Font.sans(8.5, italic: true)
        static let table = Font.sans(8)
        static let tableHeader = Font.sans(8, bold: true)
        static let term = Font.sans(8.5, bold: true)
        static let detail = Font.sans(8.5)
        static let footer = Font.sans(7.5)
        static let footerBanner = Font.sans(7.5, bold: true)
    }

    static let ruleColor = Color(hex: 0x333333)
    static let zebra = Color(hex: 0xF3F4F6)
    static func anchor(_ section: Int) -> String { "section-\(section + 1)" }

    let canvas: Canvas
    let g: Geometry
    var pages: [[PageItem]] = [[]]
    var y: Double
    var sectionPages: [Int: Int] = [:]

    init(canvas: Canvas, pageSize: Size) {
        self.canvas = canvas
        g = Geometry(pageSize: pageSize)
        y = g.top
    }

    private var atPageTop: Bool { y <= g.top + 0.5 }
    private mutating func add(_ item: PageItem) { pages[pages.count - 1].append(item) }
    private mutating func newPage() { pages.append([]); y = g.top }

    /// Starts a new page unless `height` fits below the cursor (or the page is still empty).
    private mutating func ensure(_ height: Double) {
        if y + height > g.bottom && !atPageTop { newPage() }
    }

    private func pitch(_ font: Font, leading: Double = 1.5) -> Double { canvas.lineHeight(font) + leading }

    mutating func layOut(_ document: ReportDocument) {
        titleBlock(document)
        var tableNumber = 0, figureNumber = 0
        for (index, section) in document.sections.enumerated() {
            heading(section.title, index: index, keepWith: section.blocks.first.map { minimumStart($0, tableNumber: tableNumber + 1, figureNumber: figureNumber + 1) } ?? 0)
            for block in section.blocks {
                switch block {
                case .paragraph(let text):
                    // Markdown code marks mean nothing on paper.
                    let paragraphLines = canvas.lines(text.replacingOccurrences(of: "`", with: ""), font: Fonts.body, maxWidth: g.width)
                    // A paragraph introducing what follows ("Findings:") stays with its first two lines.
                    if text.hasSuffix(":") { ensure(Double(paragraphLines.count + 2) * pitch(Fonts.body) + 6) }
                    lines(paragraphLines, font: Fonts.body, x: g.left, pitch: pitch(Fonts.body))
                    y += 6
                case .bulletList(let items):
                    bulletList(items.map { $0.replacingOccurrences(of: "`", with: "") })
                case .definitionList(let definitions):
                    definitionList(definitions.map { ReportDefinition(term: $0.term, detail: $0.detail.replacingOccurrences(of: "`", with: "")) })
                case .table(let table):
                    tableNumber += 1
                    self.table(table, number: tableNumber)
                case .figure(let figure):
                    figureNumber += 1
                    self.figure(figure, number: figureNumber)
                }
            }
            y += 8
        }
    }

    // MARK: - Blocks

    private mutating func titleBlock(_ document: ReportDocument) {
        add(.text("REPRODUCTION REPORT · \(document.paperID)", Fonts.kicker, Palette.mutedText, Point(x: g.left, y: y), maxWidth: g.width, .left))
        y += pitch(Fonts.kicker) + 6
        lines(canvas.lines(document.title, font: Fonts.title, maxWidth: g.width), font: Fonts.title, x: g.left, pitch: pitch(Fonts.title, leading: 2))
        y += 4
        lines(canvas.lines(document.citation, font: Fonts.citation, maxWidth: g.width), font: Fonts.citation, x: g.left,
              pitch: pitch(Fonts.citation), color: Palette.mutedText)
        y += 4
        lines(canvas.lines("Generated by \(document.generatedBy)", font: Fonts.meta, maxWidth: g.width), font: Fonts.meta, x: g.left,
              pitch: pitch(Fonts.meta), color: Palette.mutedText)
        y += 8
        if let banner = document.banner {
            let bannerLines = canvas.lines(banner, font: Fonts.banner, maxWidth: g.width - 24)
            let height = Double(bannerLines.count) * pitch(Fonts.banner) + 12
            add(.fill(Rect(x: g.left, y: y, width: g.width, height: height), Palette.bannerBackground))
            add(.fill(Rect(x: g.left, y: y, width: 4, height: height), Palette.bannerAccent))
            var lineY = y + 6
            for line in bannerLines {
                add(.text(line, Fonts.banner, Palette.bannerText, Point(x: g.left + 14, y: lineY), maxWidth: nil, .left))
                lineY += pitch(Fonts.banner)
            }
            y += height + 12
        }

        guard !document.sections.isEmpty else { return }
        add(.text("Contents", Fonts.contentsHeading, Palette.text, Point(x: g.left, y: y), maxWidth: nil, .left))
        y += pitch(Fonts.contentsHeading) + 4
        let entryPitch = pitch(Fonts.contents, leading: 4)
        for (index, section) in document.sections.enumerated() {
            // Long titles wrap short of the page-number column instead of running under it.
            let titleLines = canvas.lines(section.title, font: Fonts.contents, maxWidth: g.width - 20 - 48)
            let lineStep = pitch(Fonts.contents)
            let height = entryPitch + Double(max(0, titleLines.count - 1)) * lineStep
            ensure(height)
            let number = "\(index + 1)"
            add(.text(number, Fonts.contents, Palette.mutedText, Point(x: g.left, y: y), maxWidth: nil, .left))
            for (i, line) in titleLines.enumerated() {
                add(.text(line, Fonts.contents, Palette.text, Point(x: g.left + 20, y: y + Double(i) * lineStep), maxWidth: nil, .left))
            }
            add(.sectionPageNumber(index, Fonts.contents, Palette.mutedText, Point(x: g.right - 40, y: y), width: 40))
            add(.link(Rect(x: g.left, y: y, width: g.width, height: height), Self.anchor(index)))
            y += height
        }
        y += 8
        add(.rule(from: Point(x: g.left, y: y), to: Point(x: g.right, y: y), Color(hex: 0xC8C8C8), width: 0.5))
        y += 18
    }

    /// Height the start of `block` needs on the page it begins on: a whole figure, a table's caption,
    /// header and first row, or the first two lines of text.
    private func minimumStart(_ block: ReportBlock, tableNumber: Int, figureNumber: Int) -> Double {
        switch block {
        case .figure(let figure):
            return figureHeight(figure, number: figureNumber)
        case .table(let table):
            let layout = tableLayout(table, number: tableNumber)
            return layout.captionHeight + 3 + layout.headerHeight + (layout.rowHeights.first ?? 0)
        case .paragraph, .bulletList, .definitionList:
            return 2 * pitch(Fonts.body)
        }
    }

    private mutating func heading(_ title: String, index: Int, keepWith following: Double) {
        let text = "\(index + 1)  \(title)"
        let headingLines = canvas.lines(text, font: Fonts.heading, maxWidth: g.width)
        let headingPitch = pitch(Fonts.heading)
        // Keep the heading on the page where its first block starts.
        ensure(Double(headingLines.count) * headingPitch + 9 + following)
        sectionPages[index] = pages.count
        add(.destination(Self.anchor(index), Point(x: g.left, y: y)))
        lines(headingLines, font: Fonts.heading, x: g.left, pitch: headingPitch)
        add(.rule(from: Point(x: g.left, y: y + 1), to: Point(x: g.right, y: y + 1), Color(hex: 0xC8C8C8), width: 0.5))
        y += 8
    }

    private mutating func bulletList(_ items: [String]) {
        let p = pitch(Fonts.body)
        for item in items {
            let itemLines = canvas.lines(item, font: Fonts.body, maxWidth: g.width - 14)
            ensure(min(2, Double(itemLines.count)) * p)
            add(.text("•", Fonts.body, Palette.mutedText, Point(x: g.left + 3, y: y), maxWidth: nil, .left))
            lines(itemLines, font: Fonts.body, x: g.left + 14, pitch: p)
            y += 2
        }
        y += 4
    }

    private mutating func definitionList(_ definitions: [ReportDefinition]) {
        let widest = definitions.map { canvas.measure($0.term, font: Fonts.term, maxWidth: nil).width }.max() ?? 0
        let termWidth = min(widest, 0.32 * g.width)
        let gap = 12.0
        let detailX = g.left + termWidth + gap
        let p = pitch(Fonts.detail)
        for definition in definitions {
            let terms = canvas.lines(definition.term, font: Fonts.term, maxWidth: termWidth)
            let details = canvas.lines(definition.detail, font: Fonts.detail, maxWidth: g.right - detailX)
            let count = max(terms.count, details.count)
            ensure(min(2, Double(count)) * p)
            for k in 0..<count {
                ensure(p)
                if k < terms.count { add(.text(terms[k], Fonts.term, Palette.text, Point(x: g.left, y: y), maxWidth: nil, .left)) }
                if k < details.count { add(.text(details[k], Fonts.detail, Palette.text, Point(x: detailX, y: y), maxWidth: nil, .left)) }
                y += p
            }
            y += 3
        }
        y += 6
    }

    /// A table measured for the page: column widths, wrapped cells, and row heights.
    private struct TableLayout {
        static let padX = 4.0, padY = 2.5
        var widths: [Double]
        var numeric: [Bool]
        var pitch: Double
        var headerCells: [[String]]
        var headerHeight: Double
        var captionLines: [String]
        var captionHeight: Double
        var bodyRows: [[[String]]]
        var rowHeights: [Double]
    }

    private func tableLayout(_ table: ReportTable, number: Int) -> TableLayout {
        let padX = TableLayout.padX, padY = TableLayout.padY
        let p = pitch(Fonts.table, leading: 1)
        let columns = table.columnCount
        let widths = columnWidths(table, padding: padX)
        let headerCells = (0..<columns).map { c in
            canvas.lines(c < table.header.count ? table.header[c] : "", font: Fonts.tableHeader, maxWidth: widths[c] - 2 * padX)
        }
        let headerHeight = Double(headerCells.map(\.count).max() ?? 1) * p + 2 * padY
        let captionLines = canvas.lines("Table \(number). \(table.caption)", font: Fonts.caption, maxWidth: g.width)
        let captionPitch = pitch(Fonts.caption)
        // A single row may hold at most what fits on an empty page under the caption and header.
        let maxRowLines = max(2, Int((g.bottom - g.top - headerHeight - captionPitch * 2 - 2 * padY) / p))
        let bodyRows: [[[String]]] = table.rows.map { row in
            table.cells(row).enumerated().map { c, text in
                let font = table.isVerdict(column: c) ? Fonts.tableHeader : Fonts.table
                let cellLines = canvas.lines(text, font: font, maxWidth: widths[c] - 2 * padX)
                return cellLines.count <= maxRowLines ? cellLines : Array(cellLines.prefix(maxRowLines - 1)) + ["…"]
            }
        }
        return TableLayout(widths: widths, numeric: (0..<columns).map { table.isNumeric(column: $0) }, pitch: p,
                           headerCells: headerCells, headerHeight: headerHeight,
                           captionLines: captionLines, captionHeight: Double(captionLines.count) * captionPitch,
                           bodyRows: bodyRows, rowHeights: bodyRows.map { Double($0.map(\.count).max() ?? 1) * p + 2 * padY })
    }

    private mutating func table(_ table: ReportTable, number: Int) {
        guard table.columnCount > 0 else { return }
        let t = tableLayout(table, number: number)
        let padX = TableLayout.padX, padY = TableLayout.padY
        let captionPitch = pitch(Fonts.caption)

        func header(_ flow: inout PageFlow) {
            flow.add(.rule(from: Point(x: flow.g.left, y: flow.y), to: Point(x: flow.g.right, y: flow.y), Self.ruleColor, width: 0.9))
            var x = flow.g.left
            for c in t.widths.indices {
                flow.cell(t.headerCells[c], font: Fonts.tableHeader, color: Palette.text, x: x, width: t.widths[c], padX: padX, padY: padY,
                          pitch: t.pitch, alignment: t.numeric[c] ? .right : .left)
                x += t.widths[c]
            }
            flow.y += t.headerHeight
            flow.add(.rule(from: Point(x: flow.g.left, y: flow.y), to: Point(x: flow.g.right, y: flow.y), Self.ruleColor, width: 0.5))
        }

        ensure(t.captionHeight + 3 + t.headerHeight + (t.rowHeights.first ?? 0))
        lines(t.captionLines, font: Fonts.caption, x: g.left, pitch: captionPitch)
        y += 3
        header(&self)
        for (r, cells) in t.bodyRows.enumerated() {
            if y + t.rowHeights[r] > g.bottom {
                add(.rule(from: Point(x: g.left, y: y), to: Point(x: g.right, y: y), Self.ruleColor, width: 0.9))
                newPage()
                lines(["Table \(number) (continued)"], font: Fonts.caption, x: g.left, pitch: captionPitch)
                y += 3
                header(&self)
            }
            if r % 2 == 1 { add(.fill(Rect(x: g.left, y: y, width: g.width, height: t.rowHeights[r]), Self.zebra)) }
            let texts = table.cells(table.rows[r])
            var x = g.left
            for c in t.widths.indices {
                var color = Palette.text, font = Fonts.table
                if let style = table.verdictStyle(row: texts, column: c) {
                    add(.fill(Rect(x: x + 1, y: y + 1, width: t.widths[c] - 2, height: t.rowHeights[r] - 2), style.background))
                    color = style.foreground
                    font = Fonts.tableHeader
                } else if table.isVerdict(column: c) {
                    font = Fonts.tableHeader
                }
                cell(cells[c], font: font, color: color, x: x, width: t.widths[c], padX: padX, padY: padY, pitch: t.pitch,
                     alignment: t.numeric[c] ? .right : .left)
                x += t.widths[c]
            }
            y += t.rowHeights[r]
        }
        add(.rule(from: Point(x: g.left, y: y), to: Point(x: g.right, y: y), Self.ruleColor, width: 0.9))
        y += 14
    }

    /// Column widths filling the text width: natural widths when they fit (extra space shared in
    /// proportion); otherwise narrow columns keep their natural width and the rest share what is left.
    private func columnWidths(_ table: ReportTable, padding: Double) -> [Double] {
        let columns = table.columnCount
        var natural = [Double](repeating: 2 * padding + 8, count: columns)
        for c in 0..<columns {
            let texts = [c < table.header.count ? table.header[c] : ""] + table.rows.map { table.cells($0)[c] }
            for (i, text) in texts.enumerated() {
                let w = canvas.measure(text, font: i == 0 || table.isVerdict(column: c) ? Fonts.tableHeader : Fonts.table, maxWidth: nil).width
                natural[c] = max(natural[c], w + 2 * padding)
            }
        }
        let total = natural.reduce(0, +)
        if total <= g.width { return natural.map { $0 * g.width / total } }
        if let balanced = balancedWidths(table, padding: padding) { return balanced }
        var fixed = [Bool](repeating: false, count: columns)
        while true {
            let remaining = g.width - zip(natural, fixed).filter { $0.1 }.map { $0.0 }.reduce(0, +)
            let flexible = (0..<columns).filter { !fixed[$0] }
            let fair = remaining / Double(max(1, flexible.count))
            let newlyFixed = flexible.filter { natural[$0] <= fair }
            if newlyFixed.isEmpty || newlyFixed.count == flexible.count {
                let flexibleTotal = flexible.map { natural[$0] }.reduce(0, +)
                let widths = (0..<columns).map { fixed[$0] ? natural[$0] : natural[$0] / flexibleTotal * remaining }
                return widenToLongestWords(widths, table, padding: padding)
            }
            for c in newlyFixed { fixed[c] = true }
        }
    }

    /// Widths that keep the table short: every column starts at its longest word (capped at a quarter of the text
    /// width), and the rest of the width goes, a step at a time, to the column whose widening saves the most lines over
    /// the table (lines counted by wrapping each cell's measured words). Nil when the longest words alone do not fit.
    private func balancedWidths(_ table: ReportTable, padding: Double) -> [Double]? {
        let columns = table.columnCount
        let texts: [[String]] = [table.cells(table.header)] + table.rows.map { table.cells($0) }
        let fonts: [[Font]] = texts.indices.map { i in (0..<columns).map { c in i == 0 || table.isVerdict(column: c) ? Fonts.tableHeader : Fonts.table } }
        let words: [[[Double]]] = texts.enumerated().map { i, row in
            row.enumerated().map { c, text in
                text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { canvas.measure(String($0), font: fonts[i][c], maxWidth: nil).width }
            }
        }
        let space = canvas.measure("a b", font: Fonts.table, maxWidth: nil).width - canvas.measure("ab", font: Fonts.table, maxWidth: nil).width
        var widths: [Double] = (0..<columns).map { c in
            min((words.flatMap { $0[c] }.max() ?? 0) + 2 * padding + 1, 0.25 * g.width)
        }
        var remaining = g.width - widths.reduce(0, +)
        guard remaining >= 0 else { return nil }
        // Lines a cell wraps to: words placed greedily, a word wider than the column broken over several lines.
        func lines(_ cell: [Double], _ width: Double) -> Int {
            let available = max(1, width - 2 * padding - 0.5)
            var count = 1, current = 0.0
            for w in cell {
                if current == 0 {
                    count += Int((w / available).rounded(.up)) - 1
                    current = w.truncatingRemainder(dividingBy: available)
                } else if current + space + w <= available {
                    current += space + w
                } else {
                    count += 1 + Int((w / available).rounded(.up)) - 1
                    current = w.truncatingRemainder(dividingBy: available)
                }
            }
            return max(1, count)
        }
        // First the smallest line count H that every cell can be held to at once: each column as narrow as keeps all its
        // cells within H lines, while the columns together fit the text width.
        for h in 1...12 {
            var trial = widths, fits = true
            for c in 0..<columns {
                while words.contains(where: { lines($0[c], trial[c]) > h }) {
                    trial[c] += 2
                    if trial[c] > g.width { fits = false; break }
                }
                if !fits { break }
            }
            if fits, trial.reduce(0, +) <= g.width {
                widths = trial
                remaining = g.width - trial.reduce(0, +)
                break
            }
        }
        var cellLines: [[Int]] = words.map { row in (0..<columns).map { lines(row[$0], widths[$0]) } }
        // The table's height in lines, with every cell's own count as a small tie-breaker so that columns off the
        // critical path still shrink.
        func cost(_ table: [[Int]]) -> Double {
            table.reduce(0) { $0 + Double($1.max()!) + 0.01 * Double($1.reduce(0, +)) }
        }
        var current = cost(cellLines)
        let step = 2.0
        while remaining >= step {
            var best: (column: Int, width: Double, lines: [[Int]], cost: Double, gain: Double)?
            for c in 0..<columns {
                let before = cellLines.reduce(0) { $0 + $1[c] }
                var target = widths[c] + step
                // The narrowest widening of column c that takes a line off one of its cells.
                while target - widths[c] <= remaining {
                    let column = words.map { lines($0[c], target) }
                    if column.reduce(0, +) < before {
                        var trial = cellLines
                        for r in trial.indices { trial[r][c] = column[r] }
                        let trialCost = cost(trial)
                        let gain = (current - trialCost) / (target - widths[c])
                        if gain > 0, best == nil || gain > best!.gain { best = (c, target, trial, trialCost, gain) }
                        break
                    }
                    target += step
                }
            }
            guard let choice = best else { break }
            remaining -= choice.width - widths[choice.column]
            widths[choice.column] = choice.width
            cellLines = choice.lines
            current = choice.cost
        }
        // What no column needs goes to the columns in proportion to their natural widths.
        if remaining > 0 {
            var natural = [Double](repeating: 0, count: columns)
            for row in words {
                for c in 0..<columns {
                    let gaps = Double(max(0, row[c].count - 1))
                    let width: Double = row[c].reduce(0, +) + space * gaps
                    natural[c] = max(natural[c], width)
                }
            }
            let sum: Double = natural.reduce(0, +)
            for c in 0..<columns {
                let share: Double = sum > 0 ? natural[c] / sum * remaining : remaining / Double(columns)
                widths[c] += share
            }
        }
        return widths
    }

    /// Widens every column to its longest word (at most a quarter of the text width), so that names like
    /// "HQNN-Parallel" are not broken mid-word, taking the width from the columns that have more than theirs.
    private func widenToLongestWords(_ widths: [Double], _ table: ReportTable, padding: Double) -> [Double] {
        let columns = widths.count
        let needed: [Double] = (0..<columns).map { c in
            let texts = [c < table.header.count ? table.header[c] : ""] + table.rows.map { table.cells($0)[c] }
            let longest = texts.enumerated().flatMap { i, text in
                text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { word in
                    canvas.measure(String(word), font: i == 0 || table.isVerdict(column: c) ? Fonts.tableHeader : Fonts.table, maxWidth: nil).width
                }
            }.max() ?? 0
            return min(longest + 2 * padding + 1, 0.25 * g.width)
        }
        let deficit = (0..<columns).map { max(0, needed[$0] - widths[$0]) }.reduce(0, +)
        let surplus = (0..<columns).map { max(0, widths[$0] - needed[$0]) }
        let available = surplus.reduce(0, +)
        guard deficit > 0 else { return widths }
        // The longest words alone overflow the text width: share it in proportion to them, so that no column is
        // starved to a letter per line (an id column broken into one character per line is unreadable).
        // Numeric columns keep their longest value whole; the text columns share the rest, the widest ones giving way
        // first: every text column is capped at the one level L where the capped widths fill the text width.
        guard available > deficit else {
            let numeric = (0..<columns).map { table.isNumeric(column: $0) }
            var left = g.width - (0..<columns).filter { numeric[$0] }.map { needed[$0] }.reduce(0, +)
            var text = (0..<columns).filter { !numeric[$0] }.map { needed[$0] }.sorted()
            var level = text.last ?? 0
            while let narrowest = text.first, narrowest * Double(text.count) <= left {
                left -= narrowest
                text.removeFirst()
                level = text.isEmpty ? narrowest : left / Double(text.count)
            }
            if let narrowest = text.first, narrowest * Double(text.count) > left { level = left / Double(text.count) }
            return (0..<columns).map { numeric[$0] ? needed[$0] : min(needed[$0], level) }
        }
        return (0..<columns).map { c in
            widths[c] < needed[c] ? needed[c] : widths[c] - surplus[c] / available * deficit
        }
    }

    private mutating func cell(_ cellLines: [String], font: Font, color: Color, x: Double, width: Double, padX: Double, padY: Double,
                               pitch: Double, alignment: TextAlignment) {
        var lineY = y + padY
        for line in cellLines {
            add(.text(line, font, color, Point(x: x + padX, y: lineY), maxWidth: width - 2 * padX + 0.5, alignment))
            lineY += pitch
        }
    }

    /// Figures are drawn at `ReportFigure.size`, shrunk to the text width if needed.
    private var figureSize: Size {
        let size = ReportFigure.size
        let width = min(size.width, g.width)
        return Size(width: width, height: size.height * width / size.width)
    }

    private func figureCaption(_ figure: ReportFigure, number: Int) -> [String] {
        canvas.lines("Figure \(number). \(figure.caption)", font: Fonts.caption, maxWidth: figureSize.width)
    }

    /// Height of a figure with its caption, which stay together on one page.
    private func figureHeight(_ figure: ReportFigure, number: Int) -> Double {
        figureSize.height + 6 + Double(figureCaption(figure, number: number).count) * pitch(Fonts.caption)
    }

    private mutating func figure(_ figure: ReportFigure, number: Int) {
        let size = figureSize
        ensure(figureHeight(figure, number: number))
        let x = g.left + (g.width - size.width) / 2
        add(.chart(figure.chart, Rect(x: x, y: y, width: size.width, height: size.height)))
        y += size.height + 6
        lines(figureCaption(figure, number: number), font: Fonts.caption, x: x, pitch: pitch(Fonts.caption))
        y += 12
    }

    /// Places pre-wrapped lines one under another, breaking the page between lines when needed.
    private mutating func lines(_ lines: [String], font: Font, x: Double, pitch: Double, color: Color = Palette.text) {
        for line in lines {
            ensure(pitch)
            add(.text(line, font, color, Point(x: x, y: y), maxWidth: nil, .left))
            y += pitch
        }
    }
}
