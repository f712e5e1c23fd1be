import Catalog
import Datasets
import Foundation
import Reports
import Results
import Training

/// One `qreport build`: run or load every selected experiment, then render the report folder.
/// Every user-facing failure (unknown name, missing or corrupt data) is thrown before anything
/// is written to the report folder; runs are stored one complete file at a time.
struct PaperBuild {
    var paper: Paper
    var scale: Scale
    var experimentIDs: [String]
    var layout: ProjectLayout
    var output: URL
    var store: URL
    var dataDirectory: String?
    var environment: [String: String]
    /// `--no-train`: every experiment is shown from the store, as if none were selected.
    var renderOnly = false
    /// The thread count written into the records' environment (`--threads`).
    var threads = 2

    struct Outcome {
        var html: URL
        var pdf: URL
        var diff: URL
        var rows: [ComparisonRow]
    }

    func run() throws -> Outcome {
        let (chosen, exact) = try Self.select(experimentIDs, in: paper)
        let selected = renderOnly ? [] : chosen
        let published = try Self.published(paper: paper, layout: layout)
        let runStore = RunStore(directory: store)
        let commit = layout.gitCommit()
        var runner = ExperimentRunner(store: runStore, threads: threads, gitCommit: commit)
        runner.claim = RunClaim(store: runStore, command: "qreport build", wait: true) {
            FileHandle.standardError.write(Data("qreport: \($0)\n".utf8))
        }.claim
        let locator = DataLocator(dataDirectory: dataDirectory, environment: environment)
        let offlineLocator = Self.localLocator(dataDirectory: dataDirectory, environment: environment)

        var results: [ExperimentResults] = []
        for experiment in paper.experiments {
            if selected.contains(where: { $0.id == experiment.id }) {
                // A whole-paper (or group) build reports an experiment whose data is absent as "not run: data missing";
                // naming it exactly with --only makes the missing data an error.
                if !exact.contains(experiment.id), let missing = Self.missingDataError(experiment, locator: locator) {
                    FileHandle.standardError.write(Data("qreport: warning: \(paper.id)/\(experiment.id) not run: \(missing)\n".utf8))
                    var stored = try Self.storedResults(paper: paper, experiment: experiment, scale: scale, store: runStore)
                    stored.missingData = Self.reportLine(missing)
                    results.append(stored)
                    continue
                }
                let planned = experiment.models.count * experiment.protocolFor(scale).seeds.count
                let progress = Progress(totalRuns: planned, header: "\(paper.id)/\(experiment.id) at \(scale.rawValue) scale: \(planned) runs")
                let outcome: (records: [String: [RunRecord]], timings: [String: RunTiming])
                do {
                    outcome = try runner.run(paper: paper, experiment: experiment, scale: scale, progress: progress) {
                        do {
                            return try ExperimentData.prepare(experiment: experiment, scale: experiment.protocolFor(scale), locator: locator)
                        } catch let error as DatasetError {
                            throw UserFacingError("\(error)")
                        }
                    }
                } catch let error as TrainingError {
                    // The runs finished before it are stored; a rebuild resumes after them.
                    let line = "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")
                    throw UserFacingError("\(paper.id)/\(experiment.id): \(line) (finished runs are kept in \(store.path))")
                } catch let error as RunCheckpointError {
                    throw UserFacingError("\(paper.id)/\(experiment.id): \(error)")
                }
                results.append(ExperimentResults(experiment: experiment, scale: experiment.protocolFor(scale),
                                                 records: outcome.records, timings: outcome.timings))
            } else {
                results.append(try Self.shownFromStore(paper: paper, experiment: experiment, scale: scale, store: runStore,
                                                       localLocator: offlineLocator))
            }
        }

        let report = PaperReport(paper: paper, scale: scale, experiments: results, published: published, reportCommit: commit)
        let document = report.document()
        do {
            try ReportWriter.write(document, to: output, templatesDirectory: layout.templates)
            let diff = output.appendingPathComponent("diff.md")
            try AtomicFile.write(Data(report.diffMarkdown().utf8), to: diff)
            try AtomicFile.write(CanonicalJSON.encode(report.provenance), to: output.appendingPathComponent("provenance.json"))
            return Outcome(html: output.appendingPathComponent("index.html"),
                           pdf: output.appendingPathComponent("\(paper.id).pdf"), diff: diff, rows: report.rows)
        } catch let error as UserFacingError {
            throw error
        } catch {
            throw UserFacingError("writing the report to \(output.path) failed: \(error)")
        }
    }

    /// The experiments `names` select (all when empty), and the ids named exactly. A name is an experiment id, or a
    /// group: the prefix of ids before a hyphen (`parallel` selects `parallel-mnist`, `parallel-medical-mnist`, …).
    /// An unknown name is an error listing the experiments.
    static func select(_ names: [String], in paper: Paper) throws -> (experiments: [Experiment], exact: Set<String>) {
        var selected: [String] = [], exact = Set<String>()
        for name in names {
            if paper.experiments.contains(where: { $0.id == name }) {
                exact.insert(name)
                selected.append(name)
                continue
            }
            let group = paper.experiments.filter { $0.id.hasPrefix(name + "-") }
            guard !group.isEmpty else {
                do { _ = try paper.experiment(name) } catch { throw UserFacingError("\(error)") }
                continue
            }
            selected += group.map(\.id)
        }
        let experiments = names.isEmpty ? paper.experiments : paper.experiments.filter { selected.contains($0.id) }
        return (experiments, exact)
    }

    /// The message of the data error when a file of `experiment`'s dataset is absent everywhere qreport looks
    /// (with the folders searched: for the terminal).
    static func missingData(_ experiment: Experiment, locator: DataLocator) -> String? {
        missingDataError(experiment, locator: locator).map { "\($0)" }
    }

    static func missingDataError(_ experiment: Experiment, locator: DataLocator) -> DatasetError? {
        guard let entry = try? DatasetRegistry.entry(named: experiment.dataset) else { return nil }
        for file in entry.files where locator.findLocally(file, of: entry) == nil {
            do { _ = try locator.locate(file, of: entry) } catch let error as DatasetError {
                if case .notFound = error { return error }
            } catch {}
        }
        return nil
    }

    /// The missing-data line a report prints: the files, their md5 and how to get them, without the folders of the
    /// machine that built it (a report is sent to others).
    static func reportLine(_ error: DatasetError) -> String {
        guard case let .notFound(dataset, fileNames, _, expectedMD5, _, url, downloadFailure) = error else { return "\(error)" }
        let names = fileNames.first ?? "?"
        var text = "\(dataset): \(names) (md5 \(expectedMD5)) is not in the data folders of the machine that built this report"
        if let url {
            text += "; qreport data fetch \(dataset) downloads it from \(url)"
        } else if let downloadFailure {
            text += "; to get it: \(downloadFailure)"
        }
        return text + "."
    }

    /// The report's missing-data line for `experiment`, nil when its data is here.
    static func missingDataLine(_ experiment: Experiment, locator: DataLocator) -> String? {
        missingDataError(experiment, locator: locator).map(reportLine)
    }

    /// The paper's published values from `fixtures/published/<paper>.csv`.
    static func published(paper: Paper, layout: ProjectLayout) throws -> [PublishedValue] {
        do {
            return try PublishedTables.load(paper: paper.id, from: layout.publishedTables)
        } catch {
            throw UserFacingError("\(error)")
        }
    }

    /// The runs of `experiment` already in the store (none are trained).
    /// A data locator that only looks in local folders (rendering and diffing never download).
    static func localLocator(dataDirectory: String?, environment: [String: String]) -> DataLocator {
        var offline = environment
        offline["QREPORT_OFFLINE"] = "1"
        return DataLocator(dataDirectory: dataDirectory, environment: offline)
    }

    /// An experiment not being trained, shown from the store; with nothing stored, whether its data is here
    /// (so the report says "data missing" rather than "no finished runs").
    static func shownFromStore(paper: Paper, experiment: Experiment, scale: Scale, store: RunStore,
                               localLocator: DataLocator) throws -> ExperimentResults {
        var stored = try storedResults(paper: paper, experiment: experiment, scale: scale, store: store)
        if stored.records.isEmpty, experiment.fourierSpectrum == nil {
            stored.missingData = missingDataLine(experiment, locator: localLocator)
        }
        return stored
    }

    static func storedResults(paper: Paper, experiment: Experiment, scale: Scale, store: RunStore) throws -> ExperimentResults {
        let scaleProtocol = experiment.protocolFor(scale)
        var records: [String: [RunRecord]] = [:]
        var timings: [String: RunTiming] = [:]
        for (model, identity) in RunPlanner.plan(paper: paper, experiment: experiment, scale: scaleProtocol) {
            do {
                guard let record = try store.record(for: identity) else { continue }
                records[model.id, default: []].append(record)
                timings[record.key] = store.timing(key: record.key)
            } catch {
                throw UserFacingError("\(error)")
            }
        }
        return ExperimentResults(experiment: experiment, scale: scaleProtocol, records: records, timings: timings)
    }
}
