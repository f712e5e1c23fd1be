import Foundation
import Testing
import TestSupport
@testable import QReportCLI

/// Where qreport finds its templates and published tables, and where reports go: in a checkout, installed under a
/// prefix (`make install`), as a checkout's binary run from elsewhere, and with `QREPORT_HOME`.
@Suite struct ProjectLayoutTests {
    let checkout = Fixtures.repositoryRoot.standardizedFileURL

    /// A scratch folder (symbolic links resolved, as the working directory would be).
    func scratch(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qreport-layout-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.resolvingSymlinksInPath()
    }

    /// `<prefix>/bin/qreport` and `<prefix>/share/qreport` as `make install` lays them out.
    func installedPrefix(_ work: URL) throws -> URL {
        let prefix = work.appendingPathComponent("prefix")
        let share = prefix.appendingPathComponent("share/qreport")
        for folder in ["bin", "share/qreport/templates", "share/qreport/fixtures/published"] {
            try FileManager.default.createDirectory(at: prefix.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data("{{title}}".utf8).write(to: share.appendingPathComponent("templates/report.html.mustache"))
        try Data("0123456789ab\n".utf8).write(to: share.appendingPathComponent("COMMIT"))
        return prefix
    }

    @Test func insideTheCheckoutEverythingIsTheCheckouts() throws {
        let layout = try ProjectLayout.locate(environment: [:], workingDirectory: checkout.appendingPathComponent("Sources/QReportCLI"),
                                              executable: checkout.appendingPathComponent(".build/release/qreport"))
        #expect(layout.root == checkout && layout.resources == checkout)
        #expect(layout.templates == checkout.appendingPathComponent("templates"))
    }

    @Test func installedBinaryReadsItsShareFolderAndWritesIntoTheWorkingDirectory() throws {
        let work = try scratch("installed")
        defer { try? FileManager.default.removeItem(at: work) }
        let prefix = try installedPrefix(work)
        let elsewhere = work.appendingPathComponent("somewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let layout = try ProjectLayout.locate(environment: [:], workingDirectory: elsewhere,
                                              executable: prefix.appendingPathComponent("bin/qreport"))
        #expect(layout.resources == prefix.appendingPathComponent("share/qreport").standardizedFileURL)
        #expect(layout.root == elsewhere.standardizedFileURL)
        #expect(layout.gitCommit() == "0123456789ab")
        let options = try PaperOptions.parse(["--paper", "hqnn", "--scale", "smoke"])
        #expect(options.outputDirectory(layout: layout).path == elsewhere.appendingPathComponent("reports/hqnn-smoke").path)

        // Installed, but run inside a checkout: the installed resources, the checkout's reports/.
        let inCheckout = try ProjectLayout.locate(environment: [:], workingDirectory: checkout,
                                                  executable: prefix.appendingPathComponent("bin/qreport"))
        #expect(inCheckout.root == checkout && inCheckout.resources == layout.resources)
    }

    @Test func checkoutBinaryRunElsewhereReadsTheCheckoutAndWritesIntoTheWorkingDirectory() throws {
        let work = try scratch("elsewhere")
        defer { try? FileManager.default.removeItem(at: work) }
        let layout = try ProjectLayout.locate(environment: [:], workingDirectory: work,
                                              executable: checkout.appendingPathComponent(".build/x86_64-unknown-linux-gnu/release/qreport"))
        #expect(layout.resources == checkout && layout.root == work.standardizedFileURL)
    }

    @Test func qreportHomeNamesTheResources() throws {
        let work = try scratch("home")
        defer { try? FileManager.default.removeItem(at: work) }
        let share = try installedPrefix(work).appendingPathComponent("share/qreport")
        let layout = try ProjectLayout.locate(environment: ["QREPORT_HOME": share.path], workingDirectory: work, executable: nil)
        #expect(layout.resources == share.standardizedFileURL && layout.root == work.standardizedFileURL)
        #expect {
            try ProjectLayout.locate(environment: ["QREPORT_HOME": work.path], workingDirectory: work, executable: nil)
        } throws: { error in
            "\(error)" == "QREPORT_HOME=\(work.path) does not hold templates/report.html.mustache and fixtures/published/"
        }
    }

    @Test func nothingFoundIsOneClearError() throws {
        let work = try scratch("none")
        defer { try? FileManager.default.removeItem(at: work) }
        #expect {
            try ProjectLayout.locate(environment: [:], workingDirectory: work, executable: work.appendingPathComponent("bin/qreport"))
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("cannot find qreport's templates/ and fixtures/published/") && text.contains("make install")
                && !text.contains("\n")
        }
    }

    /// "-dirty" names uncommitted source changes; qreport's own output under `reports/` (a re-rendered report, a new run
    /// record) is not source, so a build rendered right after another still names the clean commit.
    @Test func reportsFolderChangesDoNotMakeTheCommitDirty() throws {
        let work = try scratch("dirty")
        defer { try? FileManager.default.removeItem(at: work) }
        func git(_ arguments: String...) throws {
            let ran = try ExternalTool.run("git", ["-C", work.path, "-c", "user.name=t", "-c", "user.email=t@t"] + arguments)
            try #require(ran != nil, "git is not installed")
        }
        let files = ["Package.swift": "// package", "templates/report.html.mustache": "{{title}}",
                     "fixtures/published/table.csv": "a,b", "reports/hqnn/diff.md": "old"]
        for (path, text) in files {
            let url = work.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try git("init", "-q")
        try git("add", ".")
        try git("commit", "-q", "-m", "start")
        let layout = ProjectLayout(root: work)
        let clean = layout.gitCommit()
        #expect(clean.count == 12 && clean.allSatisfy(\.isHexDigit), "\(clean)")

        try Data("new".utf8).write(to: work.appendingPathComponent("reports/hqnn/diff.md"))
        #expect(layout.gitCommit() == clean)
        try Data("// changed".utf8).write(to: work.appendingPathComponent("Package.swift"))
        #expect(layout.gitCommit() == clean + "-dirty")
    }
}
