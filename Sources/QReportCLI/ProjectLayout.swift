import Foundation

/// Where qreport's own files are, and where its reports go.
///
/// The resources (`templates/`, `fixtures/published/`) are read from `QREPORT_HOME` if set; else from
/// `<prefix>/share/qreport` when the executable is an installed `<prefix>/bin/qreport` (`make install`); else from
/// the checkout holding the working directory; else from the checkout holding the executable
/// (`.build/release/qreport`). Reports (`reports/<paper>/`, unless `--output` names a folder) go under `root`: the
/// checkout holding the working directory, else the working directory itself.
struct ProjectLayout {
    /// The folder `reports/` is under.
    let root: URL
    /// The folder holding `templates/` and `fixtures/published/`.
    let resources: URL

    /// A layout whose reports go under `root`, with resources from `resources` (by default `root` itself: a checkout).
    init(root: URL, resources: URL? = nil) {
        self.root = root
        self.resources = resources ?? root
    }

    /// The folder under `root` that default report folders (and their run stores) go in: qreport's output, never source.
    static let reportsFolder = "reports"

    var reports: URL { root.appendingPathComponent(Self.reportsFolder) }
    var templates: URL { resources.appendingPathComponent("templates") }
    var publishedTables: URL { resources.appendingPathComponent("fixtures/published") }

    static func locate() throws -> ProjectLayout {
        try locate(environment: ProcessInfo.processInfo.environment,
                   workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath), executable: executableURL())
    }

    /// `locate()` for a given environment, working directory and executable path.
    static func locate(environment: [String: String], workingDirectory: URL, executable: URL?) throws -> ProjectLayout {
        let checkout = enclosingCheckout(of: workingDirectory)
        let root = checkout ?? workingDirectory.standardizedFileURL
        if let home = environment["QREPORT_HOME"], !home.isEmpty {
            let url = URL(fileURLWithPath: home, relativeTo: workingDirectory).standardizedFileURL
            guard holdsResources(url) else {
                throw UserFacingError("QREPORT_HOME=\(home) does not hold templates/report.html.mustache and fixtures/published/")
            }
            return ProjectLayout(root: root, resources: url)
        }
        let binDirectory = executable?.deletingLastPathComponent()
        if let binDirectory {
            let installed = binDirectory.deletingLastPathComponent().appendingPathComponent("share/qreport").standardizedFileURL
            if holdsResources(installed) { return ProjectLayout(root: root, resources: installed) }
        }
        if let checkout { return ProjectLayout(root: checkout) }
        if let binDirectory, let built = enclosingCheckout(of: binDirectory) { return ProjectLayout(root: root, resources: built) }
        throw UserFacingError("cannot find qreport's templates/ and fixtures/published/ (in <prefix>/share/qreport beside the "
            + "installed executable, or a checkout); run `make install`, run qreport inside its checkout, or set QREPORT_HOME")
    }

    /// The running executable, symbolic links resolved (`/proc/self/exe`, else `argv[0]` when it is a path).
    private static func executableURL() -> URL? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        let argument = CommandLine.arguments.first ?? ""
        return argument.contains("/") ? URL(fileURLWithPath: argument).resolvingSymlinksInPath() : nil
    }

    /// The nearest ancestor of `start` (itself included) that is a qreport checkout: resources and `Package.swift`.
    static func enclosingCheckout(of start: URL) -> URL? {
        var url = start.standardizedFileURL
        while true {
            if holdsResources(url), FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    private static func holdsResources(_ url: URL) -> Bool {
        let manager = FileManager.default
        return manager.fileExists(atPath: url.appendingPathComponent("templates/report.html.mustache").path)
            && manager.fileExists(atPath: url.appendingPathComponent("fixtures/published").path)
    }

    /// The commit qreport's resources come from: the `COMMIT` file `make install` writes beside them, else
    /// `git rev-parse --short=12 HEAD` of the checkout, with "-dirty" for uncommitted changes outside `reports/`;
    /// "unknown" otherwise. `reports/` holds qreport's own output (reports, run records), so rendering or training
    /// there does not make the next run's source "dirty".
    func gitCommit() -> String {
        if let stamped = try? String(contentsOf: resources.appendingPathComponent("COMMIT"), encoding: .utf8) {
            let commit = stamped.trimmingCharacters(in: .whitespacesAndNewlines)
            if !commit.isEmpty { return commit }
        }
        guard let head = Self.git(["rev-parse", "--short=12", "HEAD"], in: resources), !head.isEmpty else { return "unknown" }
        let status = Self.git(["status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)\(Self.reportsFolder)"],
                              in: resources) ?? ""
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
