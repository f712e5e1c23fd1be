import ArgumentParser
import Foundation
import Results

/// The process entry point: sets up the BLAS environment, runs the command, and turns every
/// user-facing error into one line on stderr and a non-zero exit.
public enum QReportEntry {
    public static func main() {
        BLASEnvironment.reexecIfNeeded()
        do {
            var command = try QReport.parseAsRoot()
            try command.run()
        } catch let error as UserFacingError {
            FileHandle.standardError.write(Data("qreport: error: \(error.message)\n".utf8))
            exit(error.exitCode)
        } catch let error as NSError where error.domain == NSCocoaErrorDomain || error.domain == NSPOSIXErrorDomain {
            // A file-system error no command turned into a message: one line with the path and the cause.
            let path = error.userInfo[NSFilePathErrorKey] as? String ?? (error.userInfo[NSURLErrorKey] as? URL)?.path
            FileHandle.standardError.write(Data("qreport: error: \(path.map { "\($0): " } ?? "")\(FileIOError.cause(error))\n".utf8))
            exit(1)
        } catch {
            QReport.exit(withError: error)
        }
    }
}

/// An error the user caused or can fix, printed as one line.
public struct UserFacingError: Error, CustomStringConvertible {
    public var message: String
    public var exitCode: Int32

    public init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }

    public var description: String { message }
}
