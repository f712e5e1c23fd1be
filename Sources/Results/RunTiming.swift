import Foundation

/// The non-reproducible side of a run, stored beside its record: when and where it ran and
/// how long it took. Reports print these in the provenance appendix.
public struct RunTiming: Codable, Equatable, Sendable {
    public var wallSeconds: Double
    public var startedAt: String
    public var gitCommit: String
    /// The process's peak resident memory when the run was stored (bytes; an upper bound for the run, since a build
    /// trains several runs in one process); nil in timings written before it was recorded, and then absent from the JSON.
    public var peakResidentBytes: Int?

    public init(wallSeconds: Double, startedAt: String, gitCommit: String, peakResidentBytes: Int? = nil) {
        self.wallSeconds = wallSeconds
        self.startedAt = startedAt
        self.gitCommit = gitCommit
        self.peakResidentBytes = peakResidentBytes
    }
}
