import Foundation
import Results

/// Where one planned run stands in a store being filled: `qreport status`.
public enum RunState: Equatable, Sendable {
    /// Its record is stored.
    case done
    /// A process holds its lock: who, seconds since its heartbeat, and the epoch its checkpoint has reached
    /// (nil: none saved yet). `stale`: the holder looks gone and the next start takes the lock over.
    case running(holder: LockHolder?, heartbeatAge: TimeInterval, checkpoint: RunCheckpointFile.Header?, stale: Bool)
    /// Not stored and not locked; `checkpoint`: an interrupted run's last saved epoch.
    case pending(checkpoint: RunCheckpointFile.Header?)

    /// The state of `run` in `store`.
    public static func of(_ run: PlannedRun, in store: RunStore, now: Date = Date()) -> RunState {
        if store.contains(key: run.key) { return .done }
        let checkpoint = try? store.checkpoint(key: run.key).header()
        if let lock = RunLock.inspect(store.lockURL(key: run.key), now: now) {
            return .running(holder: lock.holder, heartbeatAge: lock.age, checkpoint: checkpoint ?? nil,
                            stale: RunLock.isStale(lock.holder, heartbeatAge: lock.age, environment: [:]))
        }
        return .pending(checkpoint: checkpoint ?? nil)
    }
}

/// The report `qreport status` prints: runs done, running (holder, heartbeat, last epoch) and pending.
public struct StoreStatus: Sendable {
    public var plan: RunPlan
    public var states: [RunState]
    /// Thread counts of the stored records, with how many records have each.
    public var threads: [Int: Int]

    public init(plan: RunPlan, store: RunStore, now: Date = Date()) {
        self.plan = plan
        states = plan.runs.map { RunState.of($0, in: store, now: now) }
        threads = StoredThreads.counts(keys: plan.runs.filter(\.stored).map(\.key), store: store)
    }

    public var text: String {
        var done = 0, running: [String] = [], pending: [String] = []
        for (run, state) in zip(plan.runs, states) {
            let name = "\(run.index) \(run.experiment) · \(run.model) · seed \(run.seed) (\(run.key.prefix(12)))"
            switch state {
            case .done:
                done += 1
            case let .running(holder, age, checkpoint, stale):
                let epoch = checkpoint.map { "epoch \($0.epoch)/\($0.epochs) saved" } ?? "no epoch saved yet"
                running.append("  \(name): \(holder?.summary ?? "unreadable lock"), heartbeat \(Int(age)) s ago, \(epoch)"
                               + (stale ? " (stale: the holder looks gone; the next start takes it over)" : ""))
            case let .pending(checkpoint):
                pending.append("  \(name)" + (checkpoint.map { ": interrupted, resumes after epoch \($0.epoch)/\($0.epochs)" } ?? ""))
            }
        }
        var lines = ["\(plan.paper)\(plan.variant.map { " (variant \($0))" } ?? "") at \(plan.scale) scale, store \(plan.store)",
                     "done: \(done) of \(plan.runs.count)", "running: \(running.count)"]
        lines += running
        lines.append("pending: \(pending.count)")
        lines += pending
        if let note = StoredThreads.note(threads) { lines.append(note) }
        return lines.joined(separator: "\n") + "\n"
    }
}
