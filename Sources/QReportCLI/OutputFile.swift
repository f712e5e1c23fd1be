import Foundation
import Results

/// Writes a file the user named (`-o`): complete or not at all (a temporary file beside it, then a rename), and
/// every failure one line naming the path and the cause.
enum OutputFile {
    static func write(_ data: Data, to url: URL) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw UserFacingError("\(url.path): is a folder; expected a file name")
        }
        do {
            try AtomicFile.write(data, to: url)
        } catch {
            throw UserFacingError("\(url.path): cannot write (\(FileIOError.cause(error)))")
        }
    }
}
