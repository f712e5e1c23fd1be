import Foundation

/// Which file a loaded dataset came from, for the report's provenance appendix.
public struct FileProvenance: Sendable, Codable, Equatable {
    /// The dataset's registry name.
    public let dataset: String
    /// The file's logical name in the registry (`"train-images"`).
    public let file: String
    /// The path it was read from.
    public let path: String
    /// Where that path came from (`--data-dir`, cache, mirror, download).
    public let origin: DataLocator.Origin
    /// The verified md5 of its (decompressed) content.
    public let md5: String

    /// A provenance record.
    public init(dataset: String, file: String, path: String, origin: DataLocator.Origin, md5: String) {
        self.dataset = dataset
        self.file = file
        self.path = path
        self.origin = origin
        self.md5 = md5
    }
}
