import Foundation

/// An unfinished run's epoch checkpoint in the run store, `<key>.checkpoint`: one line of JSON (the header: which
/// run, how many epochs are done) and then the trainer's state (`payload`, opaque here). The header comes first so
/// that `qreport status` can say how far a run is without reading the weights. Written to a temporary file and
/// renamed, so the file is always a complete checkpoint of some epoch; removed when the run's record is stored.
public struct RunCheckpointFile: Sendable {
    /// What the first line says.
    public struct Header: Codable, Equatable, Sendable {
        /// `"qreport-run-checkpoint-1"`.
        public var format: String
        /// The run's store key.
        public var key: String
        /// Epochs finished and saved.
        public var epoch: Int
        /// Epochs the run has in all.
        public var epochs: Int
        /// Wall seconds spent training the saved epochs, over every start of the run (so a resumed run's timing
        /// counts them); nil when unknown.
        public var trainedSeconds: Double?

        public init(key: String, epoch: Int, epochs: Int, trainedSeconds: Double? = nil) {
            format = RunCheckpointFile.format
            self.key = key
            self.epoch = epoch
            self.epochs = epochs
            self.trainedSeconds = trainedSeconds
        }
    }

    /// The format identifier in every header.
    public static let format = "qreport-run-checkpoint-1"
    /// The longest header read (a header is about 130 bytes).
    static let headerLimit = 4096

    public let url: URL

    public init(url: URL) { self.url = url }

    /// Writes `header` and `payload` atomically.
    public func write(_ header: Header, payload: Data) throws {
        var data = CanonicalJSON.encode(header).filter { $0 != UInt8(ascii: "\n") }
        data.append(UInt8(ascii: "\n"))
        data.append(payload)
        try AtomicFile.write(data, to: url)
    }

    /// The header, or nil when there is no checkpoint.
    /// - Throws: `RunCheckpointError` when the file is not a checkpoint.
    public func header() throws -> Header? {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return nil }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: Self.headerLimit)) ?? Data()
        return try parseHeader(start).header
    }

    /// Header and payload, or nil when there is no checkpoint.
    /// - Throws: `RunCheckpointError` when the file is not a checkpoint or names another run than `key`.
    public func read(expectingKey key: String) throws -> (header: Header, payload: Data)? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw RunCheckpointError(path: url.path, reason: "cannot be read (\(error.localizedDescription))")
        }
        let (header, length) = try parseHeader(data.prefix(Self.headerLimit))
        guard header.key == key else {
            throw RunCheckpointError(path: url.path, reason: "belongs to run \(header.key), not \(key)")
        }
        return (header, data.dropFirst(length))
    }

    /// Deletes the checkpoint (nothing when there is none).
    public func remove() throws {
        do { try FileManager.default.removeItem(at: url) } catch CocoaError.fileNoSuchFile {} catch {
            if FileManager.default.fileExists(atPath: url.path) { throw error }
        }
    }

    private func parseHeader(_ start: Data) throws -> (header: Header, length: Int) {
        guard let newline = start.firstIndex(of: UInt8(ascii: "\n")) else {
            throw RunCheckpointError(path: url.path, reason: "has no header line in its first \(Self.headerLimit) bytes")
        }
        let header: Header
        do { header = try JSONDecoder().decode(Header.self, from: start[start.startIndex..<newline]) } catch {
            throw RunCheckpointError(path: url.path, reason: "has an unreadable header (\(error))")
        }
        guard header.format == Self.format else {
            throw RunCheckpointError(path: url.path, reason: "has format \(header.format), expected \(Self.format)")
        }
        guard header.epoch >= 0, header.epochs >= header.epoch else {
            throw RunCheckpointError(path: url.path, reason: "says epoch \(header.epoch) of \(header.epochs)")
        }
        return (header, newline - start.startIndex + 1)
    }
}

/// A checkpoint file that cannot be used.
public struct RunCheckpointError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        "checkpoint \(path) \(reason); delete it to train that run from its first epoch"
    }
}
