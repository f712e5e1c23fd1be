import Foundation

/// Reads a data file and undoes its gzip compression, if any (recognised by its magic bytes, so a
/// `.gz` name on an already decompressed file is harmless).
enum FileContent {
    /// The file's content, decompressed when it is gzip'd.
    /// - Throws: `DatasetError.unreadable` or the decompression's `DatasetError.malformed`.
    static func read(_ url: URL) throws -> Data {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw DatasetError.unreadable(path: url.path, reason: (error as NSError).localizedDescription)
        }
        return Gzip.isGzip(data) ? try Gzip.decompress(data, file: url.path) : data
    }
}
