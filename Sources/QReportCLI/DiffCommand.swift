import ArgumentParser
import Catalog
import Datasets
import Foundation
import Reports
import Results

/// The output formats of `qreport diff`.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case md, json, csv
}

/// `qreport diff`: the published-vs-ours comparison from stored runs, without training.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Print the published-vs-ours comparison of a paper's stored runs (never trains).",
        discussion: """
        Formats: md (the Markdown of diff.md), json (per row: the published value, ours per seed, the 95 % interval, \
        the margin and the verdict; then the claims), csv (the rows only). Verdicts: consistent, differs, inconclusive, \
        not run (rules: docs/verdicts.md).
        Exit status: 0 when no gate fails; 1 when --fail-on-mismatch is given and a row or claim 'differs' (or, with \
        --fail-on-inconclusive, is 'inconclusive'); 1 also for a user error (unknown paper, unreadable run store), \
        with one line on stderr; 64 for invalid arguments. Rows not run never fail the gate.
        """)

    @OptionGroup var options: PaperOptions

    @Option(help: "Output format: md, json or csv.")
    var format: DiffFormat = .md

    @Flag(help: "Exit with status 1 when any published number or claim 'differs' from ours (not-run and inconclusive rows pass).")
    var failOnMismatch = false

    @Flag(help: "With --fail-on-mismatch: 'inconclusive' fails too (the seeds cannot tell agreement from disagreement).")
    var failOnInconclusive = false

    func run() throws {
        let layout = try ProjectLayout.locate()
        let paper = try options.resolvePaper()
        let store = RunStore(directory: options.storeDirectory(layout: layout))
        let published = try PaperBuild.published(paper: paper, layout: layout)
        let locator = PaperBuild.localLocator(dataDirectory: nil, environment: ProcessInfo.processInfo.environment)
        let results = try paper.experiments.map {
            try PaperBuild.shownFromStore(paper: paper, experiment: $0, scale: options.scale, store: store, localLocator: locator)
        }
        let report = PaperReport(paper: paper, scale: options.scale, experiments: results, published: published, reportCommit: layout.gitCommit())
        switch format {
        case .md: print(report.diffMarkdown(), terminator: "")
        case .json: print(DiffExport(report: report).json(), terminator: "")
        case .csv: print(DiffExport(report: report).csv(), terminator: "")
        }
        if failOnMismatch, Self.gateFails(report, includingInconclusive: failOnInconclusive) {
            throw ExitCode(1)
        }
    }

    /// Whether a row or a claim of `report` fails the gate.
    static func gateFails(_ report: PaperReport, includingInconclusive: Bool) -> Bool {
        report.rows.contains { $0.verdict.fails(includingInconclusive: includingInconclusive) }
            || report.claimRows().contains { $0.verdict.fails(includingInconclusive: includingInconclusive) }
    }

    func validate() throws {
        if failOnInconclusive && !failOnMismatch {
            throw ValidationError("--fail-on-inconclusive needs --fail-on-mismatch")
        }
    }
}
