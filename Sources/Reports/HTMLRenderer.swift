import Charts
import Foundation
import Mustache

/// Renders a `ReportDocument` into one self-contained HTML page through `report.html.mustache`.
///
/// The page inlines its CSS (`report.css`) and its figures (SVG data URIs, which keep each figure's
/// internal ids apart), uses no JavaScript and requests nothing from the network.
public struct HTMLRenderer {
    /// The page template's file name inside the templates directory.
    public static let templateName = "report.html.mustache"
    /// The stylesheet's file name inside the templates directory.
    public static let stylesheetName = "report.css"

    private let template: MustacheTemplate
    private let css: String

    /// Loads the template and stylesheet from `templatesDirectory`.
    public init(templatesDirectory: URL) throws {
        let templateURL = templatesDirectory.appendingPathComponent(Self.templateName)
        let cssURL = templatesDirectory.appendingPathComponent(Self.stylesheetName)
        let source = try Self.read(templateURL)
        css = try Self.read(cssURL)
        do {
            template = try MustacheTemplate(string: source)
        } catch {
            throw ReportRenderError.template(path: templateURL.path, reason: "\(error)")
        }
    }

    /// The HTML page for `document`.
    public func render(_ document: ReportDocument) throws -> String {
        var svgs: [String: Data] = [:]
        for (_, figure) in document.numberedFigures where svgs[figure.fileStem] == nil {
            svgs[figure.fileStem] = try figure.chart.render(format: .svg, width: ReportFigure.size.width, height: ReportFigure.size.height)
        }
        return render(document, figureSVGs: svgs)
    }

    /// The HTML page for `document`, using already rendered SVGs keyed by figure file stem.
    func render(_ document: ReportDocument, figureSVGs: [String: Data]) -> String {
        template.render(context(document, figureSVGs: figureSVGs))
    }

    // MARK: - Template context
    //
    // Mustache looks names up through enclosing contexts, so every block sets all its `is...` flags
    // and no inner context reuses a name it does not define itself.

    private func context(_ document: ReportDocument, figureSVGs: [String: Data]) -> [String: Any] {
        var tableNumber = 0, figureNumber = 0
        let sections: [[String: Any]] = document.sections.enumerated().map { index, section in
            let blocks: [[String: Any]] = section.blocks.map { block in
                var item: [String: Any] = ["isParagraph": false, "isBulletList": false, "isDefinitionList": false,
                                           "isTable": false, "isFigure": false]
                switch block {
                case .paragraph(let text):
                    item["isParagraph"] = true
                    item["text"] = text
                case .bulletList(let items):
                    item["isBulletList"] = true
                    item["items"] = items
                case .definitionList(let definitions):
                    item["isDefinitionList"] = true
                    item["definitions"] = definitions.map { ["term": $0.term, "detail": $0.detail] }
                case .table(let table):
                    tableNumber += 1
                    item["isTable"] = true
                    item.merge(tableContext(table, number: tableNumber)) { $1 }
                case .figure(let figure):
                    figureNumber += 1
                    item["isFigure"] = true
                    item["figureNumber"] = figureNumber
                    item["caption"] = figure.caption
                    item["svgBase64"] = (figureSVGs[figure.fileStem] ?? Data()).base64EncodedString()
                    // Intrinsic size 1.5 CSS px per point (8 pt tick labels show at 12 px); CSS caps the width.
                    item["width"] = Int(ReportFigure.size.width * 1.5)
                    item["height"] = Int(ReportFigure.size.height * 1.5)
                }
                return item
            }
            return ["number": index + 1, "anchor": "section-\(index + 1)", "title": section.title, "blocks": blocks]
        }
        return [
            "paperID": document.paperID,
            "title": document.title,
            "citation": document.citation,
            "generatedBy": document.generatedBy,
            "hasBanner": document.banner != nil,
            "banner": document.banner ?? "",
            "css": css,
            "sections": sections,
        ]
    }

    private func tableContext(_ table: ReportTable, number: Int) -> [String: Any] {
        let columns = table.columnCount
        let columnClasses: [[String]] = (0..<columns).map { c in
            (table.isNumeric(column: c) ? ["num"] : []) + (table.isShort(column: c) ? ["nowrap"] : [])
        }
        let header: [[String: Any]] = (0..<columns).map { c in
            ["text": c < table.header.count ? table.header[c] : "", "cellClass": columnClasses[c].joined(separator: " ")]
        }
        let rows: [[String: Any]] = table.rows.map { row in
            let cells = table.cells(row)
            return ["cells": cells.indices.map { c -> [String: Any] in
                var classes = columnClasses[c]
                if let style = table.verdictStyle(row: cells, column: c) { classes += ["verdict", "verdict-\(style.rawValue)"] }
                return ["text": cells[c], "cellClass": classes.joined(separator: " ")]
            }]
        }
        return [
            "tableNumber": number,
            "caption": table.caption,
            "headerCells": header,
            "bodyRows": rows,
            "isWide": table.columnCount >= 7,
            "isScrollable": table.columnCount >= 4,
            // The CSV travels inside the page too, so index.html sent alone still carries its data.
            "csvBase64": table.csvName == nil ? "" : Data(ReportWriter.csv(table).utf8).base64EncodedString(),
            "hasCSV": table.csvName != nil,
            "csvName": table.csvName ?? "",
        ]
    }

    private static func read(_ url: URL) throws -> String {
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ReportRenderError.template(path: url.path, reason: "cannot read it (\(error.localizedDescription)); pass the repository's templates/ directory")
        }
    }
}
