import ArgumentParser
import Catalog
import Datasets
import Foundation
import Reports
import Results

/// `qreport diff`: the published-vs-ours table from stored runs, without training.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Print the published-vs-ours comparison of a paper's stored runs as a Markdown table (never trains).")

    @OptionGroup var options: PaperOptions

    @Flag(help: "Exit with status 1 when any verdict is not 'consistent' (including runs not yet made).")
    var failOnMismatch = false

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
        print(report.diffMarkdown(), terminator: "")
        if failOnMismatch, report.rows.contains(where: { $0.verdict.isFailure }) {
            throw ExitCode(1)
        }
    }
}
