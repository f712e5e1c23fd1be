import Foundation

/// The non-reproducible side of a run, stored beside its record: when and where it ran and
/// how long it took. Reports print these in the provenance appendix.
public struct RunTiming: Codable, Equatable, Sendable {
    public var wallSeconds: Double
    public var startedAt: String
    public var gitCommit: String

    public init(wallSeconds: Double, startedAt: String, gitCommit: String) {
        self.wallSeconds = wallSeconds
        self.startedAt = startedAt
        self.gitCommit = gitCommit
    }
}
