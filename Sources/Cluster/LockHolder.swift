import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who holds a run lock: written into the lock file when it is created.
public struct LockHolder: Codable, Equatable, Sendable {
    /// The host name of the machine the process runs on.
    public var host: String
    public var pid: Int32
    /// When the process took the lock (ISO 8601, UTC).
    public var startedAt: String
    /// `qreport run` or `qreport build`.
    public var command: String
    /// The Slurm job (`SLURM_JOB_ID`; an array task has its own) when the process is one; a requeued job keeps its id,
    /// so a lock naming the job a process runs in is left over from that job's earlier start.
    public var slurmJob: String?

    public init(host: String, pid: Int32, startedAt: String, command: String, slurmJob: String?) {
        self.host = host
        self.pid = pid
        self.startedAt = startedAt
        self.command = command
        self.slurmJob = slurmJob
    }

    /// This process, about to take a lock for `command`.
    public static func current(command: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                               now: Date = Date()) -> LockHolder {
        let job = environment["SLURM_JOB_ID"].flatMap { $0.isEmpty ? nil : $0 }
        return LockHolder(host: hostName(), pid: getpid(), startedAt: ISO8601DateFormatter().string(from: now),
                          command: command, slurmJob: job)
    }

    /// `gethostname`, or "unknown".
    public static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
        return String(cString: buffer)
    }

    /// `host pid 1234 (qreport run, Slurm job 77), since 2026-12-07T04:00:00Z`
    public var summary: String {
        "\(host) pid \(pid) (\(command)\(slurmJob.map { ", Slurm job \($0)" } ?? "")), since \(startedAt)"
    }
}
