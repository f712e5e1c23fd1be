import ArgumentParser
import Catalog
import Foundation
import Reports
import Results
import Training

/// `qreport build`: runs what is missing, then renders the report.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Train (or load from the run store) a paper's runs and write its HTML and PDF report.",
        discussion: "Finished runs are kept in the run store, so an interrupted build resumes and a rebuild with nothing changed only renders.")

    @OptionGroup var options: PaperOptions

    @Option(name: .customLong("only"), parsing: .singleValue, help: "Only this experiment (repeatable); default: all of the paper's experiments.")
    var experiments: [String] = []

    @Option(name: .customLong("data-dir"), help: "Folder searched first for dataset files (also QREPORT_DATA).")
    var dataDirectory: String?

    func run() throws {
        let layout = try ProjectLayout.locate()
        let paper = try options.resolvePaper()
        let outcome = try PaperBuild(paper: paper, scale: options.scale, experimentIDs: experiments, layout: layout,
                                     output: options.outputDirectory(layout: layout), store: options.storeDirectory(layout: layout),
                                     dataDirectory: dataDirectory, environment: ProcessInfo.processInfo.environment).run()
        print("report: \(outcome.html.path)")
        print("pdf:    \(outcome.pdf.path)")
        let failures = outcome.rows.filter { $0.verdict.isFailure }.count
        print("verdicts: \(outcome.rows.count - failures) consistent, \(failures) not (see \(outcome.diff.lastPathComponent))")
    }
}
