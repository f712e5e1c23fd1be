import Foundation

/// One file of a dataset as the registry knows it.
public struct DatasetFile: Sendable, Equatable {
    /// The name the registry and splits use for this file (`"train-images"`).
    public let name: String
    /// File names accepted on disk, in order of preference (`"train-images-idx3-ubyte.gz"`,
    /// `"train-images-idx3-ubyte"`); the first is the one downloads create.
    public let acceptedNames: [String]
    /// Lowercase hex md5 the file must have, or `nil` when no checksum has been published for it
    /// (datasets users fetch by hand from sites that publish none): such a file is used as found
    /// and its md5 is recorded in the provenance, but it is never reported as verified.
    public let md5: String?
    /// Whether `md5` is that of the content after gzip decompression (so a re-compressed copy still
    /// verifies) rather than of the file's own bytes (archives whose upstream md5 is published).
    public let md5IsOfDecompressedContent: Bool
    /// Where the canonical copy can be downloaded; `nil` when the user must bring the file.
    public let url: URL?
    /// The size in bytes of the content `md5` is of (decompressed for `.gz`), where the registry knows it:
    /// decompression stops there, so a corrupt or hostile `.gz` is refused in bounded memory and time.
    public let contentSize: Int?
    /// What a user must do to get the file when it cannot be downloaded automatically (a
    /// registration page, a manual download), or `nil` when `url` suffices.
    public let manualStep: String?

    /// A registry file entry.
    /// - Parameter md5OfDecompressedContent: defaults to whether some accepted name ends in `.gz`
    ///   (IDX files, hashed after decompression); pass `false` for `.tar.gz` archives hashed as shipped.
    public init(
        name: String, acceptedNames: [String], md5: String?, md5OfDecompressedContent: Bool? = nil, url: URL?,
        manualStep: String? = nil, contentSize: Int? = nil
    ) {
        self.contentSize = contentSize
        self.name = name
        self.acceptedNames = acceptedNames
        self.md5 = md5
        self.md5IsOfDecompressedContent = md5OfDecompressedContent ?? acceptedNames.contains { $0.hasSuffix(".gz") }
        self.url = url
        self.manualStep = manualStep
    }

    /// The md5 as messages show it (`"unpublished"` when there is none).
    var md5Description: String { md5 ?? "unpublished" }
}
