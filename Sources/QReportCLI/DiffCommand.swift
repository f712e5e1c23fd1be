import ArgumentParser
import Catalog
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
        var rows: [ComparisonRow] = []
        for experiment in paper.experiments {
            let results = try PaperBuild.storedResults(paper: paper, experiment: experiment, scale: options.scale, store: store)
            rows += ComparisonRow.rows(for: results, published: published)
        }
        print(DiffTable.markdown(paper: paper.id, scale: options.scale.rawValue, rows: rows, reducedScale: options.scale.isReduced),
              terminator: "")
        if failOnMismatch, rows.contains(where: { $0.verdict.isFailure }) {
            throw ExitCode(1)
        }
    }
}
