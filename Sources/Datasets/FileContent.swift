import Foundation

/// Reads a data file and undoes its gzip compression, if any (recognised by its magic bytes, so a
/// `.gz` name on an already decompressed file is harmless).
enum FileContent {
    /// The file's bytes as stored.
    /// - Throws: `DatasetError.unreadable`.
    static func readRaw(_ url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw DatasetError.unreadable(path: url.path, reason: (error as NSError).localizedDescription)
        }
    }

    /// The file's content, decompressed when it is gzip'd, refused once it passes `limit` bytes.
    /// - Throws: `DatasetError.unreadable` or the decompression's `DatasetError.malformed`.
    static func read(_ url: URL, limit: Int = Gzip.defaultLimit) throws -> Data {
        let data = try readRaw(url)
        return Gzip.isGzip(data) ? try Gzip.decompress(data, file: url.path, limit: limit) : data
    }

    /// The content `file`'s registry md5 refers to (decompressed or as stored), and its md5. Decompression stops
    /// at the registry's content size, so a `.gz` that inflates beyond it is refused before it fills memory.
    static func readForChecksum(_ url: URL, of file: DatasetFile) throws -> (content: Data, md5: String) {
        let content = file.md5IsOfDecompressedContent ? try read(url, limit: file.contentSize ?? Gzip.defaultLimit) : try readRaw(url)
        return (content, MD5.hex(content))
    }
}
