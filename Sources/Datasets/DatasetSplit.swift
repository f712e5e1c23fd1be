import Foundation

/// One split of a dataset: which part it is, how many samples it holds, and which files hold them.
public struct DatasetSplit: Sendable, Equatable {
    /// The standard splits.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case train, validation, test
    }

    /// How a split's samples are stored. Later formats (NPZ arrays, image folders) add cases here.
    public enum Source: Sendable, Equatable {
        /// Two IDX files of unsigned bytes, named by their `DatasetFile.name`: images `[N, H, W]`
        /// and labels `[N]`.
        case idx(images: String, labels: String)
    }

    /// Which split this is.
    public let kind: Kind
    /// The number of samples the split must hold.
    public let count: Int
    /// The files holding it.
    public let source: Source

    /// A registry split entry.
    public init(kind: Kind, count: Int, source: Source) {
        self.kind = kind
        self.count = count
        self.source = source
    }

    /// The names of the files this split reads.
    public var fileNames: [String] {
        switch source {
        case let .idx(images, labels): return [images, labels]
        }
    }
}
