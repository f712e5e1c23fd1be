import Foundation
import Results

/// A folder qreport owns and publishes reports into. Its layout:
///
///     .qreport-report        marker: qreport wrote this folder (and takes its lock on this file)
///     .report -> .report-<hash>      the pointer to the published generation
///     .report-<hash>/        one complete report: index.html, <paper>.pdf, figures/, tables/, diff.md, provenance.json
///     index.html -> .report/index.html       (and so on for every entry of the report)
///     runs/                  the run store (never moved)
///
/// A new report is rendered whole into `.report-staging-<pid>` inside the folder, renamed to its generation
/// and published by replacing the pointer with one `rename(2)`: a reader, or a kill at any moment, sees the old
/// report or the new one, never a mix. Leftovers of killed processes (staging folders, temporary files whose
/// process is gone, unpublished generations) are removed at the next build.
public enum ReportFolder {
    /// The marker file qreport writes into every report folder; a folder without it that holds anything but
    /// qreport's own entries is refused.
    public static let markerName = ".qreport-report"
    /// The symbolic link naming the published generation.
    public static let pointerName = ".report"
    static let generationPrefix = ".report-"
    static let stagingPrefix = ".report-staging-"
    static let markerText = Data("""
        This folder is a qreport report: each build replaces the report it holds (index.html, the PDF, figures/,
        tables/, diff.md, provenance.json) by publishing a new .report-<hash>/ and pointing .report at it.
        runs/ holds the run store. qreport writes only into folders that are empty, new or carry this file.

        """.utf8)

    /// Entries of a report folder written before markers existed; a folder holding only these is adopted.
    static func isLegacyEntry(_ name: String) -> Bool {
        ["index.html", "figures", "tables", "diff.md", "provenance.json", "runs"].contains(name) || name.hasSuffix(".pdf")
            || name.hasPrefix(".") && (name.contains(".tmp-") || name.hasPrefix(generationPrefix) || name == pointerName)
    }

    // MARK: - Checking and claiming

    /// Checks that `folder` can become a report folder without creating anything: absent, an empty folder, one
    /// with the marker, or one holding only qreport's own entries (a report written before markers).
    /// - Throws: `ReportRenderError.filesystem` naming the path and the cause: a file where the folder should be,
    ///   a foreign folder (naming one of its entries), a folder that cannot be listed.
    public static func check(_ folder: URL) throws {
        let fm = FileManager.default
        let path = folder.path
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw ReportRenderError.filesystem(path: path, reason: "is a file; expected a report folder")
        }
        if fm.fileExists(atPath: folder.appendingPathComponent(markerName).path) { return }
        let entries: [String]
        do { entries = try fm.contentsOfDirectory(atPath: path).sorted() } catch {
            throw ReportRenderError.filesystem(path: path, reason: "cannot list it (\(FileIOError.cause(error)))")
        }
        if let foreign = entries.first(where: { !isLegacyEntry($0) }) {
            throw ReportRenderError.filesystem(
                path: path, reason: "holds '\(foreign)', which qreport did not write, and no \(markerName) marker; "
                    + "qreport writes reports only into empty or new folders or its own report folders")
        }
    }

    /// Makes `folder` a report folder after `check`: creates it (and its parents) when absent and writes the marker.
    /// - Throws: `ReportRenderError.filesystem` for what `check` refuses, or a folder that cannot be created or written.
    public static func prepare(_ folder: URL) throws {
        try check(folder)
        let fm = FileManager.default
        let path = folder.path
        if !fm.fileExists(atPath: path) {
            do { try fm.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
                throw ReportRenderError.filesystem(path: path, reason: "cannot create the folder (\(FileIOError.cause(error)))")
            }
        }
        guard access(path, W_OK | X_OK) == 0 else {
            throw ReportRenderError.filesystem(path: path, reason: "cannot write into the folder (\(FileIOError.posix(errno)))")
        }
        let marker = folder.appendingPathComponent(markerName)
        if (try? Data(contentsOf: marker)) != markerText {
            do { try AtomicFile.write(markerText, to: marker) } catch {
                throw ReportRenderError.filesystem(path: marker.path, reason: "cannot write the marker (\(FileIOError.cause(error)))")
            }
        }
    }

    /// Runs `body` holding the folder's lock (`flock` on the marker), so two processes never publish into
    /// or clean the same folder at once. The lock goes with the process, however it ends.
    static func withLock<T>(_ folder: URL, _ body: () throws -> T) throws -> T {
        let marker = folder.appendingPathComponent(markerName).path
        let fd = open(marker, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ReportRenderError.filesystem(path: marker, reason: "cannot open the marker to lock the folder (\(FileIOError.posix(errno)))")
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw ReportRenderError.filesystem(path: marker, reason: "cannot lock the folder (\(FileIOError.posix(errno)))")
            }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    // MARK: - Leftovers

    /// Whether process `pid` is alive (a process of another user counts as alive).
    static func isAlive(_ pid: Int32) -> Bool {
        pid > 0 && pid != getpid() && (kill(pid, 0) == 0 || errno == EPERM)
    }

    /// The process id a leftover's name ends with (`…-<pid>` or `….tmp-<pid>`: digits only), if any.
    static func ownerPID(_ name: String) -> Int32? {
        guard let dash = name.lastIndex(of: "-") else { return nil }
        let digits = name[name.index(after: dash)...]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int32(digits)
    }

    /// Removes what killed processes left in `folder` and beside it: staging folders and temporary files whose
    /// process is gone, generations the pointer does not name, staging folders of earlier qreport versions
    /// (`.<folder>.staging-<uuid>` beside it). Returns the names removed. Call with the lock held.
    @discardableResult
    static func removeLeftovers(in folder: URL) -> [String] {
        let fm = FileManager.default
        var removed: [String] = []
        let current = try? fm.destinationOfSymbolicLink(atPath: folder.appendingPathComponent(pointerName).path)
        for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(".") {
            let stale: Bool
            if name.hasPrefix(stagingPrefix) || name.contains(".tmp-") {
                stale = ownerPID(name).map { !isAlive($0) } ?? true
            } else if name.hasPrefix(generationPrefix) {
                stale = name != current
            } else {
                stale = false
            }
            if stale, (try? fm.removeItem(at: folder.appendingPathComponent(name))) != nil { removed.append(name) }
        }
        let parent = folder.deletingLastPathComponent()
        let oldStaging = ".\(folder.lastPathComponent).staging-"
        for name in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(oldStaging) {
            if (try? fm.removeItem(at: parent.appendingPathComponent(name))) != nil { removed.append("../" + name) }
        }
        return removed.sorted()
    }

    // MARK: - Publishing

    /// A fresh staging folder in `folder` for this process.
    static func stagingFolder(in folder: URL) throws -> URL {
        let staging = folder.appendingPathComponent("\(stagingPrefix)\(getpid())")
        try? FileManager.default.removeItem(at: staging)
        do { try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false) } catch {
            throw ReportRenderError.filesystem(path: staging.path, reason: "cannot create the staging folder (\(FileIOError.cause(error)))")
        }
        return staging
    }

    /// Publishes the complete report in `staging` (top-level `entries`) as the folder's report: renames it to its
    /// generation `.report-<hash of its files>`, links each entry at the top level through the pointer, then
    /// swaps the pointer with one rename and removes the previous generation. A report folder written before
    /// this layout is first turned into a generation of its own, so readers see the old report until the swap.
    static func publish(_ staging: URL, entries: [String], into folder: URL) throws {
        let fm = FileManager.default
        let generation = generationPrefix + (try contentHash(staging))
        try withLock(folder) {
            let pointer = folder.appendingPathComponent(pointerName)
            let current = try? fm.destinationOfSymbolicLink(atPath: pointer.path)
            if current == nil { try adoptLegacyReport(in: folder, entries: entries) }
            let target = folder.appendingPathComponent(generation)
            if current == generation, fm.fileExists(atPath: target.path) {
                try? fm.removeItem(at: staging)  // the same report is already published
            } else {
                if fm.fileExists(atPath: target.path) { try remove(target) }
                try move(staging, to: target)
            }
            for entry in entries { try link(entry, in: folder) }
            try swapLink(at: pointer, to: generation)
            removeLeftovers(in: folder)
        }
    }

    /// Turns a report written before generations existed (real files at the top level) into the generation
    /// `.report-legacy` and links its entries, so that the folder shows the same report throughout.
    private static func adoptLegacyReport(in folder: URL, entries: [String]) throws {
        let fm = FileManager.default
        let real = entries.filter { entry in
            let url = folder.appendingPathComponent(entry)
            return fm.fileExists(atPath: url.path) && (try? fm.destinationOfSymbolicLink(atPath: url.path)) == nil
        }
        guard !real.isEmpty else { return }
        let copy = folder.appendingPathComponent("\(stagingPrefix)\(getpid())-legacy")
        try? fm.removeItem(at: copy)
        do {
            try fm.createDirectory(at: copy, withIntermediateDirectories: false)
            for entry in real { try fm.copyItem(at: folder.appendingPathComponent(entry), to: copy.appendingPathComponent(entry)) }
        } catch {
            throw ReportRenderError.filesystem(path: copy.path, reason: "cannot copy the previous report (\(FileIOError.cause(error)))")
        }
        let legacy = folder.appendingPathComponent(generationPrefix + "legacy")
        if fm.fileExists(atPath: legacy.path) { try remove(legacy) }
        try move(copy, to: legacy)
        try swapLink(at: folder.appendingPathComponent(pointerName), to: legacy.lastPathComponent)
        for entry in real { try link(entry, in: folder) }
    }

    /// Makes `folder/entry` the link `.report/entry` (a file or folder already there is replaced by one rename;
    /// a folder is first moved aside, as rename cannot replace a non-empty one).
    private static func link(_ entry: String, in folder: URL) throws {
        let fm = FileManager.default
        let url = folder.appendingPathComponent(entry), destination = "\(pointerName)/\(entry)"
        if (try? fm.destinationOfSymbolicLink(atPath: url.path)) == destination { return }
        var isDirectory: ObjCBool = false
        let isLink = (try? fm.destinationOfSymbolicLink(atPath: url.path)) != nil
        if !isLink, fm.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            let aside = folder.appendingPathComponent(".\(entry).old.tmp-\(getpid())")
            try? fm.removeItem(at: aside)
            try move(url, to: aside)
            try swapLink(at: url, to: destination)
            try? fm.removeItem(at: aside)
        } else {
            try swapLink(at: url, to: destination)
        }
    }

    /// Points the symbolic link `url` at `destination` with one rename of a new link over it.
    private static func swapLink(at url: URL, to destination: String) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        unlink(temporary.path)
        guard symlink(destination, temporary.path) == 0 else {
            throw ReportRenderError.filesystem(path: temporary.path, reason: "cannot create a link (\(FileIOError.posix(errno)))")
        }
        do { try move(temporary, to: url) } catch {
            unlink(temporary.path)
            throw error
        }
    }

    /// 16 hex digits of the SHA-256 of every file under `folder` (relative paths and bytes, sorted by path).
    static func contentHash(_ folder: URL) throws -> String {
        let fm = FileManager.default
        var paths: [String] = []
        guard let walker = fm.enumerator(atPath: folder.path) else {
            throw ReportRenderError.filesystem(path: folder.path, reason: "cannot list it")
        }
        while let path = walker.nextObject() as? String { paths.append(path) }
        var all = Data()
        for path in paths.sorted() {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            guard let data = fm.contents(atPath: folder.appendingPathComponent(path).path) else {
                throw ReportRenderError.filesystem(path: folder.appendingPathComponent(path).path, reason: "cannot read it back")
            }
            all.append(Data(path.utf8))
            all.append(0)
            all.append(Data(SHA256.digest(data)))
        }
        return String(SHA256.hex(all).prefix(16))
    }

    static func move(_ from: URL, to: URL) throws {
        guard rename(from.path, to.path) == 0 else {
            throw ReportRenderError.filesystem(path: to.path, reason: "cannot move \(from.lastPathComponent) into place (\(FileIOError.posix(errno)))")
        }
    }

    private static func remove(_ url: URL) throws {
        do { try FileManager.default.removeItem(at: url) } catch {
            throw ReportRenderError.filesystem(path: url.path, reason: "cannot remove it (\(FileIOError.cause(error)))")
        }
    }
}
