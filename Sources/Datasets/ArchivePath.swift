import Foundation

/// The rule for names inside archives (zip, tar): relative paths that stay inside the archive.
enum ArchivePath {
    /// - Throws: `DatasetError.malformed` for an empty name, an absolute path (`/x`, `C:\x`), a
    ///   backslash-separated path, a NUL byte or a `..` component.
    static func check(_ name: String, file: String, offset: Int) throws {
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        let absolute = name.hasPrefix("/") || name.hasPrefix("\\") || (name.count >= 2 && name.dropFirst().first == ":")
        if name.isEmpty || absolute || name.contains("\\") || name.contains("\0") || components.contains("..") {
            throw DatasetError.malformed(
                file: file, field: "member name", offset: offset, found: "\"\(name.prefix(200))\"",
                expected: "a relative path without \"..\" components (the archive would write outside its folder)")
        }
    }
}
