import ArgumentParser
import Foundation

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
