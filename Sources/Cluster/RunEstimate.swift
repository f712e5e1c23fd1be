import Foundation

/// How long a run is expected to take, and how much memory, and where that comes from.
public struct RunEstimate: Codable, Equatable, Sendable {
    /// Expected wall seconds at the plan's thread count; nil when nothing was measured.
    public var seconds: Double?
    /// Expected peak resident memory in bytes; nil when nothing was measured.
    public var memoryBytes: Int?
    /// `measured: 3 stored runs of this experiment and model`, `scaled from 6 stored runs of quantum-rwkv by
    /// epochs x training images`, or `none measured`.
    public var source: String

    public init(seconds: Double?, memoryBytes: Int?, source: String) {
        self.seconds = seconds
        self.memoryBytes = memoryBytes
        self.source = source
    }

    public static let unknown = RunEstimate(seconds: nil, memoryBytes: nil, source: "none measured")
}
