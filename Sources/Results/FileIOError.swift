import Foundation

/// Turns Foundation's file-system errors into the short cause a `qreport: error:` line ends with
/// ("permission denied", "no space left on device"), never an `NSCocoaErrorDomain` dump.
public enum FileIOError {
    /// The cause of `error`: the POSIX error underneath it where there is one, else a plain phrase for its code.
    public static func cause(_ error: Error) -> String {
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return posix(Int32(ns.code)) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return posix(Int32(underlying.code))
        }
        if ns.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: ns.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: return posix(ENOENT)
            case .fileReadNoPermission, .fileWriteNoPermission: return posix(EACCES)
            case .fileWriteOutOfSpace: return posix(ENOSPC)
            case .fileWriteVolumeReadOnly: return posix(EROFS)
            case .fileWriteFileExists: return posix(EEXIST)
            case .fileReadTooLarge: return "too large"
            case .fileReadCorruptFile, .fileReadInapplicableStringEncoding: return "unreadable content"
            default: break
            }
        }
        let text = ns.localizedDescription
        return text.contains("NSCocoaErrorDomain") || text.isEmpty ? "error \(ns.code)" : text
    }

    /// `strerror` in lower case ("no such file or directory").
    public static func posix(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
