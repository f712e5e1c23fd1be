import ArgumentParser
import Catalog
import Cluster
import Datasets
import Foundation
import Results
import Training

/// `qreport run`: trains exactly one run of a paper into a run store (a Slurm array task, or a loop's step).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Train exactly one run of a paper into the run store (what each task of `qreport plan`'s scripts does).",
        discussion: """
        The run is chosen by its index in `qreport plan` (same --paper/--scale/--variant/--only) or by its store key.
        While it trains, the run's lock <store>/<key>.lock names this host, pid and start time, and its heartbeat is
        touched every \(Int(RunLock.heartbeatInterval)) s; after every epoch a checkpoint <store>/<key>.checkpoint is saved, and a
        run started again (after a kill, a preemption or a Slurm requeue) resumes at the epoch after it.
        A lock whose holder is gone (same host and its pid not running, the same Slurm job, or no heartbeat for \(Int(RunLock.staleAfter)) s)
        is taken over.
        Exit status: 0 when the run is stored (now, or already before: then at once); \(RunClaim.heldExitCode) when another
        process holds the run's lock (unless --wait); 1 for any error.
        """)

    @OptionGroup var options: PaperOptions

    @Option(name: .customLong("only"), parsing: .singleValue, help: "Experiments the plan was made for (as for build/plan); repeatable.")
    var experiments: [String] = []

    @Option(help: "The run's index in `qreport plan`.")
    var index: Int?

    @Option(help: "The run's store key (or a unique prefix of at least 8 characters).")
    var key: String?

    @Option(help: "Thread count written into the record's environment; the plan fixes it (default 2).")
    var threads = 2

    @Option(name: .customLong("data-dir"), help: "Folder searched first for dataset files (also QREPORT_DATA).")
    var dataDirectory: String?

    @Flag(help: "When another process holds the run, wait for it (then exit 0 once it is stored, or train it if the holder gave up).")
    var wait = false

    func validate() throws {
        guard (index == nil) != (key == nil) else { throw ValidationError("give exactly one of --index and --key") }
    }

    func run() throws {
        let layout = try ProjectLayout.locate()
        let planning = try ClusterPlanning(options: options, only: experiments, threads: threads, layout: layout)
        let plan = planning.plan
        let found: PlannedRun?
        if let index {
            found = plan.run(index: index)
            guard found != nil else {
                throw UserFacingError("--index \(index): the plan of \(plan.paper) at \(plan.scale) scale has runs 0 to \(plan.runs.count - 1)")
            }
        } else {
            found = plan.run(key: key ?? "")
            guard found != nil else {
                throw UserFacingError("--key \(key ?? ""): no run of \(plan.paper) at \(plan.scale) scale\(options.variant.map { " (variant \($0))" } ?? "") has this key (`qreport plan` lists them)")
            }
        }
        let run = found!
        guard let (experiment, model) = planning.resolve(run) else { throw UserFacingError("run \(run.key) is not in the Catalog") }
        let label = "\(experiment.id) · \(model.name) · seed \(run.seed)"
        if run.stored {
            print("\(label): stored (\(planning.store.recordURL(key: run.key).path))")
            return
        }
        let counts = StoredThreads.counts(keys: plan.runs.filter(\.stored).map(\.key), store: planning.store)
        if let note = StoredThreads.note(counts, expected: threads) {
            FileHandle.standardError.write(Data("qreport: \(note)\n".utf8))
        }
        // Held by a live process: say so at once, before the data is read (`claim` decides again after that).
        if !wait, let lock = RunLock.inspect(planning.store.lockURL(key: run.key)),
           !RunLock.isStale(lock.holder, heartbeatAge: lock.age) {
            throw RunClaim.heldError(label: label, key: run.key, holder: lock.holder, age: lock.age, lock: planning.store.lockURL(key: run.key))
        }
        let progress = Progress(totalRuns: 1, header: "\(plan.paper)/\(experiment.id) at \(plan.scale) scale: run \(run.index) (\(run.key.prefix(12))), \(threads) threads")
        var runner = ExperimentRunner(store: planning.store, threads: threads, gitCommit: layout.gitCommit())
        runner.claim = RunClaim(store: planning.store, command: "qreport run", wait: wait, say: progress.note).claim
        let environment = ProcessInfo.processInfo.environment
        // The packaging of the dataset the plan named (its key says which).
        let packaging = RunPlanner.packagings(of: experiment).first { packaging in
            RunPlanner.identity(paper: planning.paper, experiment: experiment, model: model, scale: experiment.protocolFor(options.scale),
                                seed: run.seed, packaging: packaging).key == run.key
        } ?? nil
        let identity = RunPlanner.identity(paper: planning.paper, experiment: experiment, model: model,
                                           scale: experiment.protocolFor(options.scale), seed: run.seed, packaging: packaging)
        do {
            let (record, _) = try runner.produce(model: model, identity: identity, experiment: experiment, scale: options.scale,
                                                 progress: progress) {
                let locator = DataLocator(dataDirectory: dataDirectory, environment: environment)
                do {
                    return try ExperimentData.prepare(experiment: experiment, scale: experiment.protocolFor(options.scale), locator: locator,
                                                      packaging: packaging)
                } catch let error as DatasetError {
                    throw UserFacingError("\(error)")
                }
            }
            print("\(label): stored (\(planning.store.recordURL(key: record.key).path))")
        } catch let error as TrainingError {
            throw UserFacingError("\(error)".split(whereSeparator: \.isNewline).joined(separator: " "))
        } catch let error as RunCheckpointError {
            throw UserFacingError("\(error)")
        } catch let error as RunStoreError {
            throw UserFacingError("\(error)")
        }
    }
}
