import Foundation

/// One file of a dataset as the registry knows it.
public struct DatasetFile: Sendable, Equatable {
    /// The name the registry and splits use for this file (`"train-images"`).
    public let name: String
    /// File names accepted on disk, in order of preference (`"train-images-idx3-ubyte.gz"`,
    /// `"train-images-idx3-ubyte"`); the first is the one downloads create.
    public let acceptedNames: [String]
    /// Lowercase hex md5 of the file's content after gzip decompression (of the file itself
    /// when it is not gzip'd), so a re-compressed copy still verifies.
    public let md5: String
    /// Where the canonical copy can be downloaded; `nil` when the user must bring the file.
    public let url: URL?

    /// A registry file entry.
    public init(name: String, acceptedNames: [String], md5: String, url: URL?) {
        self.name = name
        self.acceptedNames = acceptedNames
        self.md5 = md5
        self.url = url
    }

    /// Whether `md5` refers to decompressed content (some accepted name is a `.gz` file).
    public var md5IsOfDecompressedContent: Bool {
        acceptedNames.contains { $0.hasSuffix(".gz") }
    }
}
