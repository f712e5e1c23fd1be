import Foundation

/// A content-addressed folder of finished runs: `<key>.json` holds the `RunRecord`,
/// `<key>.timing.json` its `RunTiming`. Files are written to a temporary name and renamed, so
/// a run is either fully stored or absent. An unfinished run may have `<key>.checkpoint` (its last finished epoch,
/// see `RunCheckpointFile`) and, while a process trains it, `<key>.lock` (see the `Cluster` module).
public struct RunStore: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// The stored record for `identity`, or nil if that run has not finished yet.
    /// A present but unreadable or mismatching file is an error, not a silent re-run.
    public func record(for identity: RunIdentity) throws -> RunRecord? {
        let url = recordURL(key: identity.key)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let record: RunRecord
        do {
            record = try CanonicalJSON.decode(RunRecord.self, from: Data(contentsOf: url))
        } catch {
            throw RunStoreError.unreadable(path: url.path, reason: "\(error)")
        }
        guard record.identity == identity else {
            throw RunStoreError.unreadable(path: url.path, reason: "its identity does not hash to its file name")
        }
        return record
    }

    /// The timing stored beside the record with `key`, if any.
    public func timing(key: String) -> RunTiming? {
        guard let data = try? Data(contentsOf: timingURL(key: key)) else { return nil }
        return try? CanonicalJSON.decode(RunTiming.self, from: data)
    }

    /// Stores a finished run (timing first, so a present record always has its timing), then deletes the run's
    /// epoch checkpoint, which the record supersedes.
    public func save(_ record: RunRecord, timing: RunTiming) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try AtomicFile.write(CanonicalJSON.encode(timing), to: timingURL(key: record.key))
        try AtomicFile.write(CanonicalJSON.encode(record), to: recordURL(key: record.key))
        try checkpoint(key: record.key).remove()
    }

    /// Whether the record with `key` is stored (without reading it).
    public func contains(key: String) -> Bool {
        FileManager.default.fileExists(atPath: recordURL(key: key).path)
    }

    /// Every stored record (unordered input, returned sorted by key).
    public func allRecords() throws -> [RunRecord] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return try names.filter { $0.hasSuffix(".json") && !$0.hasSuffix(".timing.json") }.sorted().map { name in
            let url = directory.appendingPathComponent(name)
            do {
                return try CanonicalJSON.decode(RunRecord.self, from: Data(contentsOf: url))
            } catch {
                throw RunStoreError.unreadable(path: url.path, reason: "\(error)")
            }
        }
    }

    /// Removes the temporary files `AtomicFile` left when its writer was killed before the rename
    /// (`.<key>.json.tmp-<pid>`): those whose process is not alive on this machine and that have not been
    /// touched for `minimumAge` seconds (a store may be shared with other machines, whose process ids mean
    /// nothing here; a write and its rename take milliseconds). Other files (the `Cluster` module's locks and
    /// their `.tmp-<host>-<pid>-…` files) are left alone. Returns the names removed.
    @discardableResult
    public func removeStaleTemporaryFiles(minimumAge: TimeInterval = 60) -> [String] {
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { name in
            guard name.hasPrefix("."), let range = name.range(of: ".tmp-", options: .backwards) else { return false }
            let suffix = name[range.upperBound...]
            guard !suffix.isEmpty, suffix.allSatisfy(\.isASCII), suffix.allSatisfy(\.isNumber), let pid = Int32(suffix) else { return false }
            let alive = pid > 0 && (pid == getpid() || kill(pid, 0) == 0 || errno == EPERM)
            let url = directory.appendingPathComponent(name)
            let modified = (try? fm.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date ?? Date()
            guard !alive, Date().timeIntervalSince(modified) >= minimumAge else { return false }
            return (try? fm.removeItem(at: url)) != nil
        }.sorted()
    }

    public func recordURL(key: String) -> URL { directory.appendingPathComponent("\(key).json") }
    public func timingURL(key: String) -> URL { directory.appendingPathComponent("\(key).timing.json") }
    /// The epoch checkpoint of the unfinished run with `key`.
    public func checkpoint(key: String) -> RunCheckpointFile {
        RunCheckpointFile(url: directory.appendingPathComponent("\(key).checkpoint"))
    }
    /// The lock file a process training the run with `key` holds.
    public func lockURL(key: String) -> URL { directory.appendingPathComponent("\(key).lock") }
}

/// Errors reading the run store.
public enum RunStoreError: Error, CustomStringConvertible {
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "run store: \(path) is not a valid run record (\(reason)); delete it to re-run that run"
        }
    }
}
