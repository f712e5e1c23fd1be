import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The lock a process holds in a run store while it trains one run: `<key>.lock`, created atomically (written under
/// a temporary name, then hard-linked to the lock's name, which fails when the name exists; `link` is atomic on
/// local file systems and on NFS), holding a `LockHolder` as JSON. While held, a heartbeat touches the file's
/// modification time every `heartbeatInterval` seconds.
///
/// A lock is taken over (renamed away, then created anew) when its holder is gone: its host is this one and its
/// pid is not running, or it names the Slurm job this process runs in (a requeued job), or its heartbeat is older
/// than `staleAfter` (a holder on another machine that died). Releasing deletes the file; SIGTERM and SIGINT release
/// every held lock before the process exits (Slurm sends SIGTERM when it preempts or cancels a job).
public final class RunLock: @unchecked Sendable {
    /// Seconds between heartbeats.
    public static let heartbeatInterval: TimeInterval = 30
    /// A lock whose heartbeat is older than this (10 minutes: 20 missed heartbeats) is taken over from any host.
    public static let staleAfter: TimeInterval = 600

    /// The lock file.
    public let url: URL
    /// This process.
    public let holder: LockHolder
    private var timer: DispatchSourceTimer?
    private let inode: UInt64

    /// What `acquire` found.
    public enum Attempt {
        /// The lock is this process's until `release()`.
        case acquired(RunLock)
        /// Another live process holds it: who (nil when its file cannot be read) and seconds since its heartbeat.
        case held(LockHolder?, heartbeatAge: TimeInterval)
    }

    private init(url: URL, holder: LockHolder, inode: UInt64) {
        self.url = url
        self.holder = holder
        self.inode = inode
    }

    /// Tries once to take the lock at `url` for `holder`, taking over a stale lock; the heartbeat touches it every
    /// `heartbeat` seconds while held.
    /// - Throws: `RunLockError` when the store folder cannot be written.
    public static func acquire(_ url: URL, holder: LockHolder, environment: [String: String] = ProcessInfo.processInfo.environment,
                               heartbeat: TimeInterval = heartbeatInterval, now: () -> Date = Date.init) throws -> Attempt {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw RunLockError("cannot create the run store \(folder.path): \(error.localizedDescription)")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(holder.host)-\(holder.pid)-\(UUID().uuidString.prefix(8))")
        let content = CanonicalLockJSON.encode(holder)
        guard FileManager.default.createFile(atPath: temporary.path, contents: content) else {
            throw RunLockError("cannot write \(temporary.path) (is the run store writable?)")
        }
        defer { unlink(temporary.path) }
        // A few rounds: each either takes the lock, finds it held, or removes a stale one and tries again.
        for _ in 0..<5 {
            if link(temporary.path, url.path) == 0 || linkCount(temporary) == 2 {
                let lock = RunLock(url: url, holder: holder, inode: inodeNumber(url) ?? 0)
                lock.startHeartbeat(every: heartbeat)
                HeldLocks.shared.add(lock)
                return .acquired(lock)
            }
            guard errno == EEXIST || FileManager.default.fileExists(atPath: url.path) else {
                throw RunLockError("cannot create the lock \(url.path): \(String(cString: strerror(errno)))")
            }
            guard let found = inspect(url, now: now()) else { continue }  // vanished meanwhile: try again
            if !isStale(found.holder, heartbeatAge: found.age, environment: environment) {
                return .held(found.holder, heartbeatAge: found.age)
            }
            takeOver(url, inode: found.inode, by: holder)
        }
        let found = inspect(url, now: now())
        return .held(found?.holder, heartbeatAge: found?.age ?? 0)
    }

    /// Whether a lock held by `holder` with a heartbeat `heartbeatAge` seconds old belongs to a process that is gone.
    public static func isStale(_ holder: LockHolder?, heartbeatAge: TimeInterval,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        if heartbeatAge > staleAfter { return true }
        guard let holder else { return false }
        if let job = holder.slurmJob, job == environment["SLURM_JOB_ID"], holder.pid != getpid() || holder.host != LockHolder.hostName() {
            return true
        }
        if holder.host == LockHolder.hostName() {
            return kill(holder.pid, 0) != 0 && errno == ESRCH
        }
        return false
    }

    /// The holder (nil when unreadable), the heartbeat's age and the inode of the lock at `url`; nil when there is none.
    public static func inspect(_ url: URL, now: Date = Date()) -> (holder: LockHolder?, age: TimeInterval, inode: UInt64)? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        #if os(Linux)
        let mtime = info.st_mtim
        #else
        let mtime = info.st_mtimespec
        #endif
        let modified = Date(timeIntervalSince1970: TimeInterval(mtime.tv_sec) + TimeInterval(mtime.tv_nsec) / 1e9)
        let holder = (try? Data(contentsOf: url)).flatMap { try? JSONDecoder().decode(LockHolder.self, from: $0) }
        return (holder, max(0, now.timeIntervalSince(modified)), UInt64(info.st_ino))
    }

    /// Gives the lock back: stops the heartbeat and deletes the file if it is still this process's.
    public func release() {
        timer?.cancel()
        timer = nil
        HeldLocks.shared.remove(self)
        if Self.inodeNumber(url) == inode, let found = Self.inspect(url), found.holder == holder {
            unlink(url.path)
        }
    }

    private func startHeartbeat(every interval: TimeInterval) {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        timer.schedule(deadline: .now() + interval, repeating: interval)
        let path = url.path
        timer.setEventHandler { _ = utimes(path, nil) }
        timer.resume()
        self.timer = timer
    }

    /// Renames the stale lock out of the way (one process wins the rename), checks that it was the file judged stale
    /// (else puts it back), and deletes it.
    private static func takeOver(_ url: URL, inode: UInt64, by holder: LockHolder) {
        let aside = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).stale-\(holder.host)-\(holder.pid)-\(UUID().uuidString.prefix(8))")
        guard rename(url.path, aside.path) == 0 else { return }
        if inodeNumber(aside) != inode {
            // A fresh lock was created between the check and the rename: give it back (unless yet another exists).
            _ = link(aside.path, url.path)
        }
        unlink(aside.path)
    }

    private static func inodeNumber(_ url: URL) -> UInt64? {
        var info = stat()
        return stat(url.path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    /// NFS may report a `link` that succeeded as failed; the temporary file's link count tells.
    private static func linkCount(_ url: URL) -> Int {
        var info = stat()
        return stat(url.path, &info) == 0 ? Int(info.st_nlink) : 0
    }
}

/// A lock that cannot be taken for a reason other than another holder.
public struct RunLockError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The lock file's encoding: sorted keys, one line.
enum CanonicalLockJSON {
    static func encode(_ holder: LockHolder) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(holder)) ?? Data()
        data.append(0x0A)
        return data
    }
}
