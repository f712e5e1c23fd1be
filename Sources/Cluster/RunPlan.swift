import Foundation
import Results

/// The runs of a paper at a scale (optionally some experiments, a variant) against one run store: which are stored,
/// what the others are expected to cost, and the command that trains each. Printed by `qreport plan` as a table, as
/// JSON, or as a Slurm job-array or shell script over the runs not yet stored.
public struct RunPlan: Codable, Equatable, Sendable {
    public var paper: String
    public var scale: String
    public var variant: String?
    /// The `--only` selections (empty: every experiment).
    public var only: [String]
    /// The thread count every run is made with (written into the records' environment).
    public var threads: Int
    /// The run store (absolute path).
    public var store: String
    public var runs: [PlannedRun]

    /// A plan of `runs` (indexed in order) against `store`: which are stored, and the estimates of all of them.
    public init(paper: String, scale: String, variant: String?, only: [String], threads: Int, store: RunStore,
                runs: [(identity: RunIdentity, epochs: Int, trainImages: Int)]) {
        self.paper = paper
        self.scale = scale
        self.variant = variant
        self.only = only
        self.threads = threads
        self.store = store.directory.standardizedFileURL.path
        let planned = runs.enumerated().map { index, run in
            PlannedRun(index: index, identity: run.identity, epochs: run.epochs, trainImages: run.trainImages,
                       stored: store.contains(key: run.identity.key))
        }
        let estimator = TimeEstimator(runs: planned, store: store)
        self.runs = planned.map { run in
            var run = run
            run.estimate = estimator.estimate(run)
            return run
        }
    }

    /// The runs whose records are not in the store.
    public var pending: [PlannedRun] { runs.filter { !$0.stored } }

    /// The run with `index`, or nil.
    public func run(index: Int) -> PlannedRun? { runs.indices.contains(index) ? runs[index] : nil }

    /// The run with store key `key` (or a unique prefix of at least 8 characters), or nil.
    public func run(key: String) -> PlannedRun? {
        if let exact = runs.first(where: { $0.key == key }) { return exact }
        guard key.count >= 8 else { return nil }
        let matches = runs.filter { $0.key.hasPrefix(key) }
        return matches.count == 1 ? matches[0] : nil
    }

    /// The `qreport run` arguments (after the executable) that train `run`.
    public func runArguments(key: String, dataDirectory: String?) -> [String] {
        var arguments = ["run", "--paper", paper, "--scale", scale]
        if let variant { arguments += ["--variant", variant] }
        arguments += ["--key", key, "--store", store, "--threads", "\(threads)"]
        if let dataDirectory { arguments += ["--data-dir", dataDirectory] }
        return arguments
    }

    // MARK: - Table and JSON

    /// One line per run, then a summary line.
    public func table() -> String {
        let header = ["index", "key", "experiment", "model", "seed", "dataset", "stored", "estimate", "source"]
        let rows = runs.map { run in
            ["\(run.index)", String(run.key.prefix(12)), run.experiment, run.model, "\(run.seed)", run.dataset,
             run.stored ? "yes" : "no", run.estimate.seconds.map(Self.duration) ?? "-", run.estimate.source]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        let line = { (cells: [String]) in
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }
        var text = ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
        text += summary() + "\n"
        return text
    }

    /// `90 runs: 30 stored, 60 to train (estimated 12.5 h of wall time at 2 threads each, 18 runs not estimated)`
    public func summary() -> String {
        let todo = pending
        let known = todo.compactMap(\.estimate.seconds)
        var text = "\(runs.count) runs of \(paper)\(variant.map { " (variant \($0))" } ?? "") at \(scale) scale: "
            + "\(runs.count - todo.count) stored, \(todo.count) to train"
        if !todo.isEmpty && known.isEmpty {
            text += " (none estimated: nothing comparable is stored)"
        } else if !todo.isEmpty {
            text += " (estimated \(Self.duration(known.reduce(0, +))) of wall time at \(threads) threads each"
            text += known.count < todo.count ? ", \(todo.count - known.count) not estimated: nothing comparable is stored)" : ")"
        }
        return text + "; store \(store)"
    }

    /// The plan as JSON (sorted keys).
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// `41 s`, `18 min`, `3.2 h`.
    static func duration(_ seconds: Double) -> String {
        if seconds < 90 { return String(format: "%.0f s", seconds) }
        if seconds < 90 * 60 { return String(format: "%.0f min", seconds / 60) }
        return String(format: "%.1f h", seconds / 3600)
    }
}
