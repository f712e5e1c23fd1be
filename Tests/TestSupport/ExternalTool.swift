import Foundation

/// Runs command-line tools the tests use as independent checkers (poppler's pdfinfo/pdftotext).
public enum ExternalTool {
    /// A tool that ran but failed.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The standard output of `name arguments`, or nil when the tool is not installed (the checks
    /// that need it are then skipped). Throws when the tool exits non-zero.
    public static func run(_ name: String, _ arguments: [String]) throws -> String? {
        guard let path = ["/usr/bin/\(name)", "/usr/local/bin/\(name)"].first(where: FileManager.default.isExecutableFile) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(name) \(arguments) exited with \(process.terminationStatus)")
        }
        return String(decoding: output, as: UTF8.self)
    }
}
