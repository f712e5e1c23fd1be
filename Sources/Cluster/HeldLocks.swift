import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The run locks this process holds, released when SIGTERM or SIGINT ends it: a preempted or cancelled Slurm job
/// (or Ctrl-C) leaves its epoch checkpoint and no lock, so the run's next start goes ahead at once.
final class HeldLocks: @unchecked Sendable {
    static let shared = HeldLocks()

    private let mutex = NSLock()
    private var locks: [ObjectIdentifier: RunLock] = [:]
    private var sources: [DispatchSourceSignal] = []

    func add(_ lock: RunLock) {
        mutex.lock()
        defer { mutex.unlock() }
        locks[ObjectIdentifier(lock)] = lock
        if sources.isEmpty { installHandlers() }
    }

    func remove(_ lock: RunLock) {
        mutex.lock()
        defer { mutex.unlock() }
        locks[ObjectIdentifier(lock)] = nil
    }

    /// Signal sources on a queue of their own (the training thread never returns to a run loop); the handler
    /// releases every lock and exits with 128 + the signal, as the default action would report it.
    private func installHandlers() {
        for number in [SIGTERM, SIGINT] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: DispatchQueue(label: "qreport.signals"))
            source.setEventHandler { [weak self] in
                guard let self else { return }
                self.mutex.lock()
                let held = Array(self.locks.values)
                self.mutex.unlock()
                for lock in held { lock.release() }
                FileHandle.standardError.write(Data("qreport: \(number == SIGTERM ? "SIGTERM" : "SIGINT"): released \(held.count) run lock(s); the epoch checkpoints stay for the next start\n".utf8))
                _exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }
}
