import Foundation

/// Where qreport's own files are: `templates/` and `fixtures/published/` under the project root,
/// which is `QREPORT_HOME`, else the nearest ancestor of the working directory holding them, else
/// the nearest ancestor of the executable (`.build/release/qreport` sits inside the checkout).
struct ProjectLayout {
    let root: URL

    var templates: URL { root.appendingPathComponent("templates") }
    var publishedTables: URL { root.appendingPathComponent("fixtures/published") }

    static func locate() throws -> ProjectLayout {
        let environment = ProcessInfo.processInfo.environment
        if let home = environment["QREPORT_HOME"] {
            let url = URL(fileURLWithPath: home)
            guard isRoot(url) else {
                throw UserFacingError("QREPORT_HOME=\(home) does not hold templates/report.html.mustache and fixtures/published/")
            }
            return ProjectLayout(root: url)
        }
        let starts = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                      URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent(),
                      URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()]
        for start in starts {
            var url = start.standardizedFileURL
            while true {
                if isRoot(url) { return ProjectLayout(root: url) }
                let parent = url.deletingLastPathComponent()
                if parent.path == url.path { break }
                url = parent
            }
        }
        throw UserFacingError("cannot find qreport's templates/ and fixtures/published/; run qreport inside its checkout or set QREPORT_HOME")
    }

    private static func isRoot(_ url: URL) -> Bool {
        let manager = FileManager.default
        return manager.fileExists(atPath: url.appendingPathComponent("templates/report.html.mustache").path)
            && manager.fileExists(atPath: url.appendingPathComponent("fixtures/published").path)
    }

    /// `git rev-parse --short=12 HEAD` of the root, with "-dirty" for uncommitted changes; "unknown" outside git.
    func gitCommit() -> String {
        guard let head = Self.git(["rev-parse", "--short=12", "HEAD"], in: root), !head.isEmpty else { return "unknown" }
        let status = Self.git(["status", "--porcelain", "--untracked-files=no"], in: root) ?? ""
        return status.isEmpty ? head : head + "-dirty"
    }

    private static func git(_ arguments: [String], in directory: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // --no-optional-locks: reading the status must not take .git/index.lock (qreport changes nothing outside its folders).
        process.arguments = ["git", "--no-optional-locks", "-C", directory.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
