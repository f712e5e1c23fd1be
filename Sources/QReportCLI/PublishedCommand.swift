import ArgumentParser
import Catalog
import Foundation

/// `qreport published`: the paper's own numbers, as transcribed.
struct PublishedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "published",
        abstract: "Print every number a paper publishes in its tables (as printed; accuracies in percent).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, markdown }

    @Option(help: "Paper id: \(Papers.all.map(\.id).joined(separator: ", ")).")
    var paper: String

    @Option(help: "csv (paper,table,dataset,model,metric,value) or markdown.")
    var format: Format = .csv

    func run() throws {
        let layout = try ProjectLayout.locate()
        let paper: Paper
        do { paper = try Papers.named(self.paper) } catch { throw UserFacingError("\(error)") }
        let values = try PaperBuild.published(paper: paper, layout: layout)
        switch format {
        case .csv:
            print(PublishedTables.csv(values), terminator: "")
        case .markdown:
            print("| table | dataset | model | metric | value |\n|---|---|---|---|---|")
            for v in values { print("| \(v.table) | \(v.dataset) | \(v.model) | \(v.metric) | \(v.value) |") }
        }
    }
}
