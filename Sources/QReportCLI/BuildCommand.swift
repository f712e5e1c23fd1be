import ArgumentParser
import Catalog
import Cluster
import Datasets
import Foundation
import Reports
import Results
import Training

/// `qreport build`: runs what is missing, then renders the report.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Train (or load from the run store) a paper's runs and write its HTML and PDF report.",
        discussion: "Finished runs are kept in the run store, so an interrupted build resumes (an unfinished run at its last epoch checkpoint) and a rebuild with nothing changed only renders. Each run is locked while it trains, so a build and `qreport run` processes on one store never train a run twice: the build waits for a run another process holds.")

    @OptionGroup var options: PaperOptions

    @Option(name: .customLong("only"), parsing: .singleValue, help: "Only this experiment, or a group of them by id prefix (`parallel` selects every `parallel-*`); repeatable; default: all of the paper's experiments.")
    var experiments: [String] = []

    @Option(name: .customLong("data-dir"), help: "Folder searched first for dataset files (also QREPORT_DATA).")
    var dataDirectory: String?

    @Flag(name: .customLong("no-train"), help: "Render the report from the run store only: trains and downloads nothing; experiments without stored runs show as not run.")
    var renderOnly = false

    @Option(help: "Thread count written into the records' environment (as `qreport plan/run --threads`; default 2).")
    var threads = 2

    @Flag(inversion: .prefixedNo, help: "Leave wall and start times and the report's commit out of the report, so its bytes depend only on the run records (two builds from the same store are byte-identical); the times stay in runs/<key>.timing.json. Default: on for the committed reports (reports/<paper> at paper scale, no --output), off otherwise.")
    var reproducible: Bool?

    func run() throws {
        guard threads >= 1, threads <= 4096 else { throw UserFacingError("--threads \(threads): expected 1 to 4096") }
        let layout = try ProjectLayout.locate()
        let (paper, output) = try resolveVariant(layout: layout)
        if let planning = try? ClusterPlanning(options: options, only: [], threads: threads, layout: layout),
           let note = StoredThreads.note(StoredThreads.counts(keys: planning.plan.runs.filter(\.stored).map(\.key), store: planning.store),
                                         expected: renderOnly ? nil : threads) {
            FileHandle.standardError.write(Data("qreport: \(note)\n".utf8))
        }
        let outcome = try PaperBuild(paper: paper, scale: options.scale, experimentIDs: experiments, layout: layout,
                                     output: output, store: options.store.map { URL(fileURLWithPath: $0) } ?? output.appendingPathComponent("runs"),
                                     dataDirectory: dataDirectory, environment: ProcessInfo.processInfo.environment,
                                     renderOnly: renderOnly, threads: threads,
                                     reproducible: reproducible ?? (options.output == nil && options.scale == .paper),
                                     variantStores: options.variant == nil ? defaultVariantStores(paper: paper, layout: layout) : [:]).run()
        print("report: \(outcome.html.path)")
        print("pdf:    \(outcome.pdf.path)")
        let count = { (key: String) in outcome.rows.filter { $0.verdict.key == key }.count }
        print("verdicts: \(count("consistent")) consistent, \(count("differs")) differ, \(count("inconclusive")) inconclusive, "
            + "\(count("not-run")) not run (see \(outcome.diff.lastPathComponent))")
    }
}

extension BuildCommand {
    /// The run store each variant of `paper` has when built without --output or --store (reports/<paper>-<variant>[-<scale>]/runs),
    /// by variant name: the main configuration's report shows their runs beside its own.
    func defaultVariantStores(paper: Paper, layout: ProjectLayout) -> [String: URL] {
        var stores: [String: URL] = [:]
        for name in PaperOptions.variants(of: paper).keys {
            stores[name] = PaperOptions.defaultOutputDirectory(paper: paper.id, variant: name, scale: options.scale, layout: layout)
                .appendingPathComponent("runs")
        }
        return stores
    }

    /// The paper (with `--variant`'s experiments swapped in) and the report folder.
    /// - Throws: `UserFacingError` for an unknown paper or variant.
    func resolveVariant(layout: ProjectLayout) throws -> (Paper, URL) {
        (try options.resolvePaper(), options.outputDirectory(layout: layout))
    }
}
