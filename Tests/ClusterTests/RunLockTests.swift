import Foundation
import Testing
@testable import Cluster
#if canImport(Glibc)
import Glibc
#endif

/// Run locks: one holder at a time; a holder that is gone (dead pid on this host, the same Slurm job, no heartbeat
/// for `staleAfter`) is taken over; a live one is reported with who it is.
@Suite struct RunLockTests {
    func folder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qreport-lock-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The pid of a process that has exited (spawned and waited for).
    func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    func holder(pid: Int32, host: String = LockHolder.hostName(), job: String? = nil) -> LockHolder {
        LockHolder(host: host, pid: pid, startedAt: "2026-12-07T04:00:00Z", command: "qreport run", slurmJob: job)
    }

    /// Writes a lock file by hand, its modification time `age` seconds in the past.
    func plant(_ holder: LockHolder, at url: URL, age: TimeInterval = 0) throws {
        try CanonicalLockJSON.encode(holder).write(to: url)
        let then = Date().addingTimeInterval(-age).timeIntervalSince1970
        var times = [timeval(tv_sec: Int(then), tv_usec: 0), timeval(tv_sec: Int(then), tv_usec: 0)]
        #expect(utimes(url.path, &times) == 0)
    }

    @Test func oneHolderAtATimeAndTheOtherLearnsWho() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("abc.lock")
        guard case let .acquired(first) = try RunLock.acquire(url, holder: LockHolder.current(command: "qreport run"), environment: [:]) else {
            Issue.record("an absent lock was not acquired")
            return
        }
        // The file names this process; the lock's temporary file is gone.
        let written = try JSONDecoder().decode(LockHolder.self, from: Data(contentsOf: url))
        #expect(written.pid == getpid() && written.host == LockHolder.hostName() && written.command == "qreport run")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["abc.lock"])
        // A second attempt (another "process": this pid is alive) finds it held, by us.
        guard case let .held(holder, age) = try RunLock.acquire(url, holder: holder(pid: 1, host: "other"), environment: [:]) else {
            Issue.record("a held lock was acquired twice")
            return
        }
        #expect(holder == written && age < 60)
        first.release()
        #expect(!FileManager.default.fileExists(atPath: url.path))
        guard case let .acquired(second) = try RunLock.acquire(url, holder: LockHolder.current(command: "qreport build"), environment: [:]) else {
            Issue.record("a released lock was not acquired")
            return
        }
        second.release()
    }

    @Test func aDeadHolderOnThisHostIsTakenOver() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("k.lock")
        try plant(holder(pid: try deadPID()), at: url)
        guard case let .acquired(lock) = try RunLock.acquire(url, holder: LockHolder.current(command: "qreport run"), environment: [:]) else {
            Issue.record("a lock of a dead process was not taken over")
            return
        }
        #expect(try JSONDecoder().decode(LockHolder.self, from: Data(contentsOf: url)).pid == getpid())
        lock.release()
        // Nothing left behind: no renamed-aside or temporary files.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func aLiveHolderElsewhereIsKeptUntilItsHeartbeatIsStale() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("k.lock")
        // Another host: its pid cannot be checked, so only the heartbeat's age decides.
        try plant(holder(pid: 4242, host: "node-17"), at: url, age: RunLock.staleAfter - 60)
        guard case let .held(found, age) = try RunLock.acquire(url, holder: LockHolder.current(command: "qreport run"), environment: [:]) else {
            Issue.record("a lock with a recent heartbeat was taken over")
            return
        }
        #expect(found?.host == "node-17" && abs(age - (RunLock.staleAfter - 60)) < 30)
        try plant(holder(pid: 4242, host: "node-17"), at: url, age: RunLock.staleAfter + 60)
        guard case let .acquired(lock) = try RunLock.acquire(url, holder: LockHolder.current(command: "qreport run"), environment: [:]) else {
            Issue.record("a lock without a heartbeat for longer than staleAfter was not taken over")
            return
        }
        lock.release()
    }

    /// A requeued Slurm task runs again with the same SLURM_JOB_ID, maybe on another node: its earlier self is gone.
    @Test func theSameSlurmJobTakesItsOwnLockOver() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("k.lock")
        try plant(holder(pid: 4242, host: "node-17", job: "901_3"), at: url)
        guard case .held = try RunLock.acquire(url, holder: LockHolder.current(command: "qreport run"), environment: ["SLURM_JOB_ID": "902"]) else {
            Issue.record("another job's lock was taken over")
            return
        }
        guard case let .acquired(lock) = try RunLock.acquire(url, holder: LockHolder.current(command: "qreport run"),
                                                             environment: ["SLURM_JOB_ID": "901_3"]) else {
            Issue.record("the same job's lock was not taken over")
            return
        }
        lock.release()
    }

    /// The heartbeat keeps a held lock's modification time fresh (here every 0.2 s instead of 30 s).
    @Test func heartbeatTouchesTheLock() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("k.lock")
        guard case let .acquired(lock) = try RunLock.acquire(url, holder: LockHolder.current(command: "qreport run"), environment: [:],
                                                             heartbeat: 0.2) else {
            Issue.record("lock not acquired")
            return
        }
        defer { lock.release() }
        // Back-date it by an hour: stale by age; the heartbeat must bring it back within a few intervals.
        var old = [timeval(tv_sec: Int(Date().timeIntervalSince1970) - 3600, tv_usec: 0),
                   timeval(tv_sec: Int(Date().timeIntervalSince1970) - 3600, tv_usec: 0)]
        #expect(utimes(url.path, &old) == 0)
        #expect((RunLock.inspect(url)?.age ?? 0) > 3000)
        var age = TimeInterval.infinity
        for _ in 0..<50 where age > 60 {
            usleep(100_000)
            age = RunLock.inspect(url)?.age ?? .infinity
        }
        #expect(age < 60)
    }

    /// Many threads race for one free lock: exactly one wins.
    @Test func racingAcquirersGetOneLock() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("race.lock")
        let wins = NSLock()
        var won: [RunLock] = []
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            // Distinct holders (pids of live processes are not needed: nobody is stale here).
            let me = LockHolder(host: LockHolder.hostName(), pid: getpid(), startedAt: "t\(i)", command: "qreport run", slurmJob: nil)
            if case let .acquired(lock) = try? RunLock.acquire(url, holder: me, environment: [:]) {
                wins.lock()
                won.append(lock)
                wins.unlock()
            }
        }
        #expect(won.count == 1)
        won.forEach { $0.release() }
    }
}
