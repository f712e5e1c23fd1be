import Charts
import Foundation
import Testing
import TestSupport
@testable import Reports

/// Rendering of `ReportDocument`s to HTML, PDF and the report directory.
struct RenderingTests {
    static let templates = Fixtures.repositoryRoot.appendingPathComponent("templates")
    static let banner = "Reduced scale (smoke): verdicts are indicative"

    static func chart() -> LineChart {
        let epochs = (1...10).map(Double.init)
        return LineChart(title: "Accuracy", xLabel: "Epoch", yLabel: "Accuracy", series: [
            LineSeries(name: "HQNN", x: epochs, y: epochs.map { 1 - 0.5 / $0 }, band: epochs.map { _ in 0.02 }),
            LineSeries(name: "CNN", x: epochs, y: epochs.map { 0.95 - 0.5 / $0 }),
        ], xTickStep: 1)
    }

    static func document(rows: Int = 6, banner: String? = RenderingTests.banner, figureStem: String = "fig-accuracy") -> ReportDocument {
        let verdicts = ["consistent", "differs: 3σ", "not run", "indicative: 1 seed", "consistent (indicative)", "n/a"]
        let table = ReportTable(caption: "Accuracy, published vs ours", header: ["Dataset", "Published", "Ours", "Verdict"],
                                rows: (0..<rows).map { ["set \($0)", "9\($0 % 10).0", "9\($0 % 10).1 ± 0.2", verdicts[$0 % verdicts.count]] },
                                verdictColumn: 3, csvName: "table1")
        return ReportDocument(paperID: "hqnn", title: "Hybrid quantum neural networks", citation: "Senokosov et al. 2024, arXiv:2304.09224",
                              scaleBanner: banner, generatedBy: "qreport 0.1 (commit abc123)", sections: [
            ReportSection(title: "Summary", blocks: [
                .paragraph("Compares <published> & \"ours\"."),
                .bulletList(["one", "two"]),
            ]),
            ReportSection(title: "Table 1", blocks: [.table(table)]),
            ReportSection(title: "Figure 5", blocks: [.figure(ReportFigure(caption: "Learning curves", chart: chart(), fileStem: figureStem))]),
            ReportSection(title: "Provenance", blocks: [.definitionList([ReportDefinition(term: "Commit", detail: "abc123")])]),
        ])
    }

    // MARK: - HTML

    @Test func htmlIsSelfContainedAndEscaped() throws {
        let html = try HTMLRenderer(templatesDirectory: Self.templates).render(Self.document())
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("://"), "no http(s):// or other external references")
        #expect(!html.contains("<link"))
        #expect(html.contains("Compares &lt;published&gt; &amp; &quot;ours&quot;."))
        #expect(html.contains("data:image/svg+xml;base64,"))
        // The banner at the top of the page and of each of the 4 sections.
        #expect(html.components(separatedBy: "<div class=\"banner\"").count - 1 == 5)
        #expect(html.contains("<td class=\"nowrap verdict verdict-consistent\">consistent</td>"))
        #expect(html.contains("verdict-differs\">differs: 3σ</td>"))
        #expect(html.contains("verdict-not-run\">not run</td>"))
        #expect(html.contains("verdict-indicative\">indicative: 1 seed</td>"))
        #expect(html.contains("<td class=\"nowrap\">n/a</td>"))       // not a verdict word: unstyled
        #expect(html.contains("<a href=\"#section-3\">"))
        #expect(!html.contains("{{"), "every mustache tag was rendered")
    }

    @Test func htmlWithoutBannerHasNone() throws {
        let html = try HTMLRenderer(templatesDirectory: Self.templates).render(Self.document(banner: nil))
        #expect(!html.contains("class=\"banner\""))
        #expect(!html.contains(Self.banner))
    }

    @Test func embeddedFigureIsTheChartsSVG() throws {
        let html = try HTMLRenderer(templatesDirectory: Self.templates).render(Self.document())
        let svg = try Self.chart().render(format: .svg, width: ReportFigure.size.width, height: ReportFigure.size.height)
        #expect(html.contains(svg.base64EncodedString()))
    }

    @Test func missingTemplatesNameTheFile() {
        let missing = URL(fileURLWithPath: "/nonexistent/templates")
        #expect {
            try HTMLRenderer(templatesDirectory: missing)
        } throws: { error in
            "\(error)".contains("/nonexistent/templates/report.html.mustache")
        }
    }

    // MARK: - PDF

    @Test func longTableSplitsAcrossPagesWithHeaderAndBannerOnEach() throws {
        let pdf = try PDFRenderer().render(Self.document(rows: 120))
        #expect(pdf == (try PDFRenderer().render(Self.document(rows: 120))), "same document, same bytes")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).pdf")
        try pdf.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        guard let info = try tool("pdfinfo", [url.path]) else { return }
        let pages = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.split(separator: " ").last!) })
        // 120 rows of ~13 pt cannot fit on one A4 page (~720 pt of body).
        #expect(pages >= 3)
        #expect(info.contains("A4"))
        var continued = 0, headers = 0
        for page in 1...pages {
            guard let text = try tool("pdftotext", ["-layout", "-f", "\(page)", "-l", "\(page)", url.path, "-"]) else { return }
            #expect(text.contains(Self.banner), "banner missing on page \(page)")
            #expect(text.contains("Page \(page) of \(pages)"))
            if text.contains("Table 1 (continued)") { continued += 1 }
            if text.contains("Dataset") && text.contains("Published") { headers += 1 }
        }
        #expect(continued >= 1)
        #expect(headers == continued + 1, "the header repeats on every page the table continues on")
    }

    @Test func pdfWithoutBannerOmitsIt() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).pdf")
        try PDFRenderer().render(Self.document(banner: nil)).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        guard let text = try tool("pdftotext", [url.path, "-"]) else { return }
        #expect(!text.contains("Reduced scale"))
        #expect(text.contains("Hybrid quantum neural networks"))
    }

    // MARK: - CSV and verdicts

    @Test func csvFollowsRFC4180() {
        let table = ReportTable(caption: "", header: ["name", "value"],
                                rows: [["plain", "1"], ["comma, here", "quote \"x\""], ["line\nbreak", ""], ["short"]])
        // Fields with a comma, quote or line break are quoted, quotes doubled; CRLF ends every record;
        // the short row is padded to two fields.
        let expected = "name,value\r\nplain,1\r\n\"comma, here\",\"quote \"\"x\"\"\"\r\n\"line\nbreak\",\r\nshort,\r\n"
        #expect(ReportWriter.csv(table) == expected)
    }

    @Test func verdictStylesFollowTheLeadingWord() {
        #expect(VerdictStyle(cellText: "Consistent within 1σ") == .consistent)
        #expect(VerdictStyle(cellText: "  differs by 2.7") == .differs)
        #expect(VerdictStyle(cellText: "not run (smoke)") == .notRun)
        #expect(VerdictStyle(cellText: "indicative: consistent") == .indicative)
        #expect(VerdictStyle(cellText: "n/a") == nil)
        #expect(VerdictStyle(cellText: "inconsistent") == nil)
    }

    // MARK: - Writing the report directory

    @Test func writerProducesEveryFileAndKeepsForeignOnes() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        // A report folder written before markers and generations: adopted, its run store untouched.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("runs"), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: dir.appendingPathComponent("runs/r1.json"))
        try Data("# diff".utf8).write(to: dir.appendingPathComponent("diff.md"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("figures"), withIntermediateDirectories: true)
        try Data("stale".utf8).write(to: dir.appendingPathComponent("figures/old.png"))
        try Data("old".utf8).write(to: dir.appendingPathComponent("index.html"))

        let written = try ReportWriter.write(Self.document(), to: dir, templatesDirectory: Self.templates)
        #expect(written == ["figures/fig-accuracy.png", "figures/fig-accuracy.svg", "hqnn.pdf", "index.html", "tables/table1.csv"])
        #expect(try visibleFiles(dir).keys.sorted() == ["diff.md", "figures/fig-accuracy.png", "figures/fig-accuracy.svg", "hqnn.pdf",
                                                       "index.html", "runs/r1.json", "tables/table1.csv"])
        #expect(try String(contentsOf: dir.appendingPathComponent("diff.md"), encoding: .utf8) == "# diff")
        #expect(try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        let png = try Data(contentsOf: dir.appendingPathComponent("figures/fig-accuracy.png"))
        #expect(png == (try Self.chart().render(format: .png, width: 480, height: 300)))
        // Nothing is written beside the target; inside it, the marker, the pointer and one generation.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.deletingLastPathComponent().path) == [dir.lastPathComponent])
        let hidden = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }.sorted()
        #expect(hidden.count == 3 && hidden[0] == ".qreport-report" && hidden[1] == ".report" && hidden[2].hasPrefix(".report-"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.appendingPathComponent(".report").path) == hidden[2])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.appendingPathComponent("index.html").path) == ".report/index.html")

        // Rewriting gives identical bytes, in the same generation.
        let first = try visibleFiles(dir)
        try ReportWriter.write(Self.document(), to: dir, templatesDirectory: Self.templates)
        #expect(try visibleFiles(dir) == first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }.sorted() == hidden)
    }

    @Test func extraFilesArePublishedWithTheReport() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try ReportWriter.write(Self.document(), to: dir, templatesDirectory: Self.templates, extraFiles: ["diff.md": Data("one".utf8)])
        try ReportWriter.write(Self.document(rows: 3), to: dir, templatesDirectory: Self.templates, extraFiles: ["diff.md": Data("two".utf8)])
        #expect(try String(contentsOf: dir.appendingPathComponent("diff.md"), encoding: .utf8) == "two")
        // The previous generation is gone once the pointer names the new one.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".report-") }.count == 1)
    }

    @Test func foreignFoldersAreRefusedAndUntouched() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: dir.appendingPathComponent("notes.txt"))
        try Data("old".utf8).write(to: dir.appendingPathComponent("index.html"))
        let before = try snapshot(dir)
        #expect(throws: ReportRenderError.filesystem(
            path: dir.path, reason: "holds 'notes.txt', which qreport did not write, and no .qreport-report marker; "
                + "qreport writes reports only into empty or new folders or its own report folders")) {
            try ReportWriter.write(Self.document(), to: dir, templatesDirectory: Self.templates)
        }
        #expect(try snapshot(dir) == before)
        // A file where the folder should be.
        let file = dir.appendingPathComponent("notes.txt")
        #expect(throws: ReportRenderError.filesystem(path: file.path, reason: "is a file; expected a report folder")) {
            try ReportWriter.write(Self.document(), to: file, templatesDirectory: Self.templates)
        }
        // A marked folder is qreport's, whatever else it holds.
        try ReportFolder.prepare(dir.appendingPathComponent("sub"))
        try Data("x".utf8).write(to: dir.appendingPathComponent("sub/notes.txt"))
        try ReportWriter.write(Self.document(), to: dir.appendingPathComponent("sub"), templatesDirectory: Self.templates)
        #expect(try String(contentsOf: dir.appendingPathComponent("sub/notes.txt"), encoding: .utf8) == "x")
    }

    @Test func leftoversOfKilledProcessesAreRemoved() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try ReportWriter.write(Self.document(), to: dir, templatesDirectory: Self.templates)
        let dead = try deadPID(), fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent(".report-staging-\(dead)/figures"), withIntermediateDirectories: true)
        try Data().write(to: dir.appendingPathComponent(".report.tmp-\(dead)"))
        try fm.createDirectory(at: dir.appendingPathComponent(".report-0123456789abcdef"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.deletingLastPathComponent().appendingPathComponent(".report.staging-6A1B"), withIntermediateDirectories: true)
        // A live process's staging folder stays (this test process's parent is alive).
        let live = dir.appendingPathComponent(".report-staging-\(getppid())")
        try fm.createDirectory(at: live, withIntermediateDirectories: true)
        try ReportWriter.write(Self.document(rows: 3), to: dir, templatesDirectory: Self.templates)
        let hidden = try fm.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }.sorted()
        #expect(hidden.count == 4 && hidden[0] == ".qreport-report" && hidden[1] == ".report")
        #expect(hidden.contains(live.lastPathComponent))
        #expect(try fm.contentsOfDirectory(atPath: dir.deletingLastPathComponent().path) == [dir.lastPathComponent])
    }

    @Test func failedWritesLeaveTheTargetUntouched() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try ReportWriter.write(Self.document(), to: dir, templatesDirectory: Self.templates)
        try Data("keep".utf8).write(to: dir.appendingPathComponent("provenance.json"))
        let before = try snapshot(dir)

        // Rendering fails: the template directory is missing.
        #expect(throws: ReportRenderError.self) {
            try ReportWriter.write(Self.document(rows: 3), to: dir, templatesDirectory: URL(fileURLWithPath: "/nonexistent"))
        }
        #expect(try snapshot(dir) == before)
        // Validation fails: a figure stem that would escape figures/.
        #expect(throws: ReportRenderError.invalidName(what: "figure 1 fileStem", value: "../evil",
                                                      reason: "expected ASCII letters, digits, '-', '_' or '.', not starting with '.'")) {
            try ReportWriter.write(Self.document(figureStem: "../evil"), to: dir, templatesDirectory: Self.templates)
        }
        // Chart data is invalid: found while rendering, after the staging directory exists.
        var broken = Self.document(rows: 3)
        if case .figure(var figure) = broken.sections[2].blocks[0], var chart = figure.chart as? LineChart {
            chart.series[0].band = [0.1]
            figure.chart = chart
            broken.sections[2].blocks[0] = .figure(figure)
        }
        #expect(throws: ChartError.self) { try ReportWriter.write(broken, to: dir, templatesDirectory: Self.templates) }
        #expect(try snapshot(dir) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.deletingLastPathComponent().path) == [dir.lastPathComponent])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".report-staging") }.isEmpty)
    }

    // MARK: - Helpers

    /// A fresh `<tmp>/<uuid>/report` path (not yet created).
    private func temporaryDirectory() throws -> URL {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("reports-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        return parent.appendingPathComponent("report")
    }

    /// The report as a reader sees it: every file under `dir` reached through visible names (links followed).
    private func visibleFiles(_ dir: URL, prefix: String = "") throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where !name.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            let url = dir.appendingPathComponent(name)
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                files.merge(try visibleFiles(url, prefix: prefix + name + "/")) { a, _ in a }
            } else {
                files[prefix + name] = try Data(contentsOf: url)
            }
        }
        return files
    }

    /// The id of a process that has exited.
    private func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    /// Every regular file under `dir`, relative path -> contents.
    private func snapshot(_ dir: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = dir.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return files }
        for case let path as String in walker {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = try Data(contentsOf: URL(fileURLWithPath: base + "/" + path)) }
        }
        return files
    }

    /// Output of a poppler tool, or nil when it is not installed (the checks that need it are skipped).
    private func tool(_ name: String, _ arguments: [String]) throws -> String? {
        try ExternalTool.run(name, arguments)
    }
}
