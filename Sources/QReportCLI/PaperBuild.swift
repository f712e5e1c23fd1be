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
    /// `--reproducible`: the report's bytes depend only on the run records (no wall or start times).
    var reproducible = false
    /// Run stores of the paper's variants (by `--variant` name) whose runs the report shows beside its own
    /// (`PaperBuild+Variants`); a store that does not exist is skipped.
    var variantStores: [String: URL] = [:]
    /// The registry entry of a dataset id: `DatasetRegistry`'s; the tests give entries for the committed data subsets.
    var datasets: (String) throws -> DatasetEntry = DatasetRegistry.entry(named:)

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
        // Both folders are checked (and claimed) before anything is trained, and leftovers of killed builds go.
        try Self.prepareFolders(output: output, store: store, dataDirectory: dataDirectory)
        let runStore = RunStore(directory: store)
        runStore.removeStaleTemporaryFiles()
        let commit = layout.gitCommit()
        var runner = ExperimentRunner(store: runStore, threads: threads, gitCommit: commit)
        runner.claim = RunClaim(store: runStore, command: "qreport build", wait: true) {
            FileHandle.standardError.write(Data("qreport: \($0)\n".utf8))
        }.claim
        let locator = DataLocator(dataDirectory: dataDirectory, environment: environment)
        let offlineLocator = Self.localLocator(dataDirectory: dataDirectory, environment: environment)
        let datasets = self.datasets

        if scale != .smoke {
            try printEstimate(selected, store: runStore, locator: locator)
        }

        var results: [ExperimentResults] = []
        for experiment in paper.experiments {
            if selected.contains(where: { $0.id == experiment.id }) {
                // A whole-paper (or group) build reports an experiment whose data is absent as "not run: data missing";
                // naming it exactly with --only makes the missing data an error.
                if !exact.contains(experiment.id), let missing = Self.missingDataError(experiment, locator: locator, datasets: datasets) {
                    FileHandle.standardError.write(Data("qreport: warning: \(paper.id)/\(experiment.id) not run: \(missing)\n".utf8))
                    var stored = try Self.storedResults(paper: paper, experiment: experiment, scale: scale, store: runStore)
                    stored.missingData = Self.reportLine(missing)
                    results.append(stored)
                    continue
                }
                let planned = experiment.models.count * experiment.protocolFor(scale).seeds.count
                let progress = Progress(totalRuns: planned, header: "\(paper.id)/\(experiment.id) at \(scale.rawValue) scale: \(planned) runs")
                let outcome: (records: [String: [RunRecord]], timings: [String: RunTiming])
                let packaging = (try? datasets(experiment.dataset)).map(locator.resolve)
                do {
                    outcome = try runner.run(paper: paper, experiment: experiment, scale: scale, progress: progress,
                                             packaging: experiment.isCircuitAnalysis ? nil : packaging) {
                        do {
                            return try ExperimentData.prepare(experiment: experiment,
                                                              entry: packaging?.alone ?? locator.resolve(datasets(experiment.dataset)),
                                                              scale: experiment.protocolFor(scale), locator: locator)
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
                } catch let error as UserFacingError {
                    throw error
                } catch let error as NSError where error.domain == NSCocoaErrorDomain || error.domain == NSPOSIXErrorDomain {
                    // Storing a finished run failed (a full disk, a store made read-only meanwhile).
                    let path = (error as NSError).userInfo[NSFilePathErrorKey] as? String ?? store.path
                    throw UserFacingError("\(path): storing a finished run of \(paper.id)/\(experiment.id) failed (\(FileIOError.cause(error)))")
                }
                results.append(ExperimentResults(experiment: experiment, scale: experiment.protocolFor(scale),
                                                 records: outcome.records, timings: outcome.timings))
            } else {
                results.append(try Self.shownFromStore(paper: paper, experiment: experiment, scale: scale, store: runStore,
                                                       localLocator: offlineLocator, datasets: datasets))
            }
        }

        var report = PaperReport(paper: paper, scale: scale, experiments: results, published: published, reportCommit: commit)
        report.includesBuildDetails = !reproducible
        report.variants = try variantResults()
        let document = report.document()
        do {
            let provenance = reproducible ? report.provenance.withoutBuildDetails() : report.provenance
            try ReportWriter.write(document, to: output, templatesDirectory: layout.templates,
                                   extraFiles: ["diff.md": Data(report.diffMarkdown().utf8),
                                                "provenance.json": CanonicalJSON.encode(provenance)])
            return Outcome(html: output.appendingPathComponent("index.html"), pdf: output.appendingPathComponent("\(paper.id).pdf"),
                           diff: output.appendingPathComponent("diff.md"), rows: report.rows)
        } catch let error as UserFacingError {
            throw error
        } catch let error as ReportRenderError {
            throw UserFacingError("\(error)")
        } catch {
            throw UserFacingError("\(output.path): writing the report failed (\(FileIOError.cause(error)))")
        }
    }

    /// Prints, before anything trains, the estimated time of every run of `experiments` still to train (with its data
    /// present; resumed runs count the epochs left), from one step of each model timed here. Smoke builds skip it:
    /// their runs take about as long as the timing would.
    func printEstimate(_ experiments: [Experiment], store: RunStore, locator: DataLocator) throws {
        var runs: [TrainingEstimate.Run] = []
        for experiment in experiments where !experiment.isCircuitAnalysis {
            guard Self.missingDataError(experiment, locator: locator, datasets: datasets) == nil,
                  let entry = try? datasets(experiment.dataset) else { continue }
            let scaled = experiment.protocolFor(scale)
            let classes = experiment.classLabels?.count ?? (entry.classNames.isEmpty ? 10 : entry.classNames.count)
            for (model, identity) in RunPlanner.plan(paper: paper, experiment: experiment, scale: scaled, packaging: locator.resolve(entry))
            where (try? store.record(for: identity)) == nil {
                let done = ((try? store.checkpoint(key: identity.key).header()) ?? nil)?.epoch ?? 0
                runs.append(TrainingEstimate.Run(label: "\(experiment.id) · \(model.name) · seed \(identity.seed)", experiment: experiment,
                                                 model: model, classes: classes, trainCount: scaled.trainCount,
                                                 testCount: scaled.testCount, epochs: max(scaled.epochs - done, 0)))
            }
        }
        guard !runs.isEmpty else { return }
        do {
            let estimate = try TrainingEstimate.measure(runs, threads: threads)
            let text = estimate.lines(title: "\(paper.id) at \(scale.rawValue) scale").joined(separator: "\n")
            FileHandle.standardError.write(Data((text + "\n").utf8))
        } catch let error as TrainingError {
            throw UserFacingError("\(paper.id): \(error)")
        }
    }

    /// Checks, before any training and without creating anything, that the report folder is new, empty or
    /// qreport's own, that the store is not a file, that both can be written (or created: their nearest existing
    /// parent is a writable folder), and that `--data-dir` is a folder. The folders themselves are created when
    /// the first run is stored and when the report is written, so a build refused for missing data leaves nothing.
    static func prepareFolders(output: URL, store: URL, dataDirectory: String?) throws {
        try checkDataDirectory(dataDirectory)
        do { try ReportFolder.check(output.standardizedFileURL) } catch let error as ReportRenderError {
            throw UserFacingError("--output \(error)")
        }
        try writable(output.standardizedFileURL, option: "--output")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: store.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw UserFacingError("--store \(store.path): is a file; expected a folder")
        }
        try writable(store.standardizedFileURL, option: "--store")
    }

    /// Refuses a `--data-dir` that is a file (an absent one is only one place fewer to look).
    static func checkDataDirectory(_ dataDirectory: String?) throws {
        guard let dataDirectory, !dataDirectory.isEmpty else { return }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: dataDirectory, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw UserFacingError("--data-dir \(dataDirectory): is a file; expected a folder holding <dataset>/<file>")
        }
    }

    /// Refuses `folder` when it, or (while absent) its nearest existing parent, is not a folder this process can write into.
    static func writable(_ folder: URL, option: String) throws {
        let fm = FileManager.default
        var url = folder
        while !fm.fileExists(atPath: url.path) {
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { break }
            url = parent
        }
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw UserFacingError("\(option) \(folder.path): \(url.path) is a file; expected a folder")
        }
        guard access(url.path, W_OK | X_OK) == 0 else {
            let what = url.path == folder.path ? "cannot write into the folder" : "cannot create it in \(url.path)"
            throw UserFacingError("\(option) \(folder.path): \(what) (\(FileIOError.posix(errno)))")
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
    /// (with the folders searched: for the terminal). `datasets` gives the registry entries (the tests' subsets).
    static func missingData(_ experiment: Experiment, locator: DataLocator,
                            datasets: (String) throws -> DatasetEntry = DatasetRegistry.entry(named:)) -> String? {
        missingDataError(experiment, locator: locator, datasets: datasets).map { "\($0)" }
    }

    static func missingDataError(_ experiment: Experiment, locator: DataLocator,
                                 datasets: (String) throws -> DatasetEntry = DatasetRegistry.entry(named:)) -> DatasetError? {
        guard let registered = try? datasets(experiment.dataset) else { return nil }
        let entry = locator.resolve(registered)
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
    static func missingDataLine(_ experiment: Experiment, locator: DataLocator,
                                datasets: (String) throws -> DatasetEntry = DatasetRegistry.entry(named:)) -> String? {
        missingDataError(experiment, locator: locator, datasets: datasets).map(reportLine)
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
    static func shownFromStore(paper: Paper, experiment: Experiment, scale: Scale, store: RunStore, localLocator: DataLocator,
                               datasets: (String) throws -> DatasetEntry = DatasetRegistry.entry(named:)) throws -> ExperimentResults {
        var stored = try storedResults(paper: paper, experiment: experiment, scale: scale, store: store)
        if stored.records.isEmpty, !experiment.isCircuitAnalysis {
            stored.missingData = missingDataLine(experiment, locator: localLocator, datasets: datasets)
        }
        return stored
    }

    static func storedResults(paper: Paper, experiment: Experiment, scale: Scale, store: RunStore) throws -> ExperimentResults {
        let scaleProtocol = experiment.protocolFor(scale)
        var records: [String: [RunRecord]] = [:]
        var timings: [String: RunTiming] = [:]
        // A run may have been trained on any packaging of the dataset; the first stored one is shown.
        var shown = Set<String>()
        for packaging in RunPlanner.packagings(of: experiment) {
            for (model, identity) in RunPlanner.plan(paper: paper, experiment: experiment, scale: scaleProtocol, packaging: packaging)
            where !shown.contains("\(model.id)/\(identity.seed)") {
                do {
                    guard let record = try store.record(for: identity) else { continue }
                    shown.insert("\(model.id)/\(identity.seed)")
                    records[model.id, default: []].append(record)
                    timings[record.key] = store.timing(key: record.key)
                } catch {
                    throw UserFacingError("\(error)")
                }
            }
        }
        return ExperimentResults(experiment: experiment, scale: scaleProtocol, records: records, timings: timings)
    }
}
