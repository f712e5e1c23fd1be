import Catalog
import Cluster
import Datasets
import Foundation
import Results
import Training

/// The glue between the Catalog's runs (identities from `RunPlanner`) and the `Cluster` module's plan, shared by
/// `qreport plan`, `run` and `status`.
struct ClusterPlanning {
    var paper: Paper
    var experiments: [Experiment]
    var plan: RunPlan
    var store: RunStore

    /// The plan of `options`' paper (its variant's experiments) at its scale, `only` selecting experiments as
    /// `build --only` does, against the options' store.
    init(options: PaperOptions, only: [String], threads: Int, layout: ProjectLayout) throws {
        guard threads >= 1, threads <= 4096 else { throw UserFacingError("--threads \(threads): expected 1 to 4096") }
        paper = try options.resolvePaper()
        experiments = try PaperBuild.select(only, in: paper).experiments
        store = RunStore(directory: options.storeDirectory(layout: layout))
        var runs: [(identity: RunIdentity, epochs: Int, trainImages: Int)] = []
        // A dataset with several packagings is planned on the one found here (looking only on disk).
        let locator = PaperBuild.localLocator(dataDirectory: nil, environment: ProcessInfo.processInfo.environment)
        for experiment in experiments {
            let scale = experiment.protocolFor(options.scale)
            let packaging = experiment.isCircuitAnalysis ? nil : (try? DatasetRegistry.entry(named: experiment.dataset)).map(locator.resolve)
            for (_, identity) in RunPlanner.plan(paper: paper, experiment: experiment, scale: scale, packaging: packaging) {
                runs.append((identity, scale.epochs, scale.trainCount))
            }
        }
        plan = RunPlan(paper: paper.id, scale: options.scale.rawValue, variant: options.variant, only: only, threads: threads,
                       store: store, runs: runs)
    }

    /// The experiment and model of a planned run.
    func resolve(_ run: PlannedRun) -> (experiment: Experiment, model: ModelSpec)? {
        guard let experiment = experiments.first(where: { $0.id == run.experiment }),
              let model = experiment.models.first(where: { $0.id == run.model }) else { return nil }
        return (experiment, model)
    }

    /// This executable's absolute path (for the scripts' tasks).
    static var executablePath: String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    }
}

/// `ExperimentRunner.claim` backed by the run locks: takes the run's lock in the store, taking over a stale one;
/// when another process holds it, waits (polling every `pollSeconds`, saying once who holds it) when `wait`, else
/// throws the `heldExitCode` error naming the holder.
struct RunClaim {
    /// `qreport run`'s exit status when another process holds the run (EX_TEMPFAIL: try again later).
    static let heldExitCode: Int32 = 75
    static let pollSeconds: UInt32 = 5

    var store: RunStore
    var command: String
    var wait: Bool
    var say: (String) -> Void

    static func describe(_ holder: LockHolder?, age: TimeInterval) -> String {
        "\(holder?.summary ?? "a process whose lock file cannot be read") (heartbeat \(Int(age)) s ago)"
    }

    /// The error `qreport run` exits with when another process holds its run.
    static func heldError(label: String, key: String, holder: LockHolder?, age: TimeInterval, lock: URL) -> UserFacingError {
        UserFacingError("\(label) (\(key.prefix(12))) is being trained by \(describe(holder, age: age)); lock \(lock.path); exit status \(heldExitCode) (--wait waits for it)",
                        exitCode: heldExitCode)
    }

    func claim(_ identity: RunIdentity, label: String) throws -> () -> Void {
        var announced = false
        while true {
            let attempt: RunLock.Attempt
            do {
                attempt = try RunLock.acquire(store.lockURL(key: identity.key), holder: LockHolder.current(command: command))
            } catch let error as RunLockError {
                throw UserFacingError("\(error)")
            }
            switch attempt {
            case let .acquired(lock):
                return { lock.release() }
            case let .held(holder, age):
                let who = Self.describe(holder, age: age)
                guard wait else {
                    throw Self.heldError(label: label, key: identity.key, holder: holder, age: age, lock: store.lockURL(key: identity.key))
                }
                if !announced {
                    say("\(label): waiting for \(who), which holds \(store.lockURL(key: identity.key).lastPathComponent); a lock without a heartbeat for \(Int(RunLock.staleAfter)) s is taken over")
                    announced = true
                }
                // The holder may have finished meanwhile: the caller re-checks the store once it holds the lock.
                sleep(Self.pollSeconds)
            }
        }
    }
}
