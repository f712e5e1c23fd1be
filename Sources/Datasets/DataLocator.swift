import Foundation

/// Finds dataset files on disk, in the order DESIGN.md fixes: `--data-dir` and `QREPORT_DATA`,
/// the user cache (`$XDG_CACHE_HOME/qreport`, else `~/.cache/qreport`), the mirror folders of
/// `QREPORT_MIRROR` (colon-separated), and last the canonical URL, downloaded into the cache.
/// Each root is searched as `<root>/<entry.directory>/<accepted file name>`; after them come the
/// folders where an operating-system package installs a dataset (`entry.systemDirectories`).
public struct DataLocator: Sendable {
    /// Where a data root (and so a file found under it) comes from; recorded in provenance.
    public enum Origin: String, Sendable, Codable, CustomStringConvertible {
        case dataDirectory, environment, cache, mirror, download
        /// A folder an operating-system package installs the dataset into (`DatasetEntry.systemDirectories`).
        case system

        /// The flag, variable or place this origin stands for, as messages show it.
        public var description: String {
            switch self {
            case .dataDirectory: return "--data-dir"
            case .environment: return "QREPORT_DATA"
            case .cache: return "cache"
            case .mirror: return "QREPORT_MIRROR"
            case .download: return "downloaded"
            case .system: return "system package"
            }
        }
    }

    /// One folder searched, and why.
    public struct Root: Sendable, Equatable {
        /// The root folder; datasets live in `<url>/<entry.directory>/`.
        public let url: URL
        /// Where the root comes from.
        public let origin: Origin
    }

    /// A file found (or downloaded), and where it came from.
    public struct LocatedFile: Sendable, Equatable {
        /// The file on disk.
        public let url: URL
        /// The root it was found under, or `.download`.
        public let origin: Origin
    }

    /// The roots searched, in order.
    public let roots: [Root]
    /// The cache root downloads go to (`<cacheRoot>/<entry.directory>/<name>`).
    public let cacheRoot: URL
    /// Why downloads are off (`allowDownloads: false`, or `QREPORT_OFFLINE` set), or `nil` when on.
    public let downloadsDisabledReason: String?

    /// - Parameters:
    ///   - dataDirectory: the `--data-dir` option, searched first.
    ///   - environment: the process environment (`QREPORT_DATA`, `XDG_CACHE_HOME`, `HOME`,
    ///     `QREPORT_MIRROR`, `QREPORT_OFFLINE`).
    ///   - allowDownloads: `false` never touches the network.
    public init(
        dataDirectory: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        allowDownloads: Bool = true
    ) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        func directory(_ path: String) -> URL {
            let expanded = path == "~" ? home : path.hasPrefix("~/") ? home + path.dropFirst(1) : path
            return URL(fileURLWithPath: expanded, isDirectory: true).standardizedFileURL
        }
        func nonEmpty(_ key: String) -> String? {
            environment[key].flatMap { $0.isEmpty ? nil : $0 }
        }

        var roots: [Root] = []
        func add(_ path: String, _ origin: Origin) {
            let url = directory(path)
            if !roots.contains(where: { $0.url.path == url.path }) { roots.append(Root(url: url, origin: origin)) }
        }
        if let dataDirectory, !dataDirectory.isEmpty { add(dataDirectory, .dataDirectory) }
        if let data = nonEmpty("QREPORT_DATA") { add(data, .environment) }
        // XDG: a relative XDG_CACHE_HOME is invalid and must be ignored.
        let cacheBase = nonEmpty("XDG_CACHE_HOME").flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.cache"
        cacheRoot = directory(cacheBase + "/qreport")
        add(cacheRoot.path, .cache)
        for mirror in (nonEmpty("QREPORT_MIRROR") ?? "").split(separator: ":") { add(String(mirror), .mirror) }
        self.roots = roots

        if !allowDownloads {
            downloadsDisabledReason = "downloads are disabled"
        } else if let offline = nonEmpty("QREPORT_OFFLINE"), offline != "0" {
            downloadsDisabledReason = "QREPORT_OFFLINE is set"
        } else {
            downloadsDisabledReason = nil
        }
    }

    /// The folders searched for `entry`'s files, each with its origin, as error messages list them.
    public func searchedDirectories(for entry: DatasetEntry) -> [String] {
        folders(for: entry).map { "\($0.url.path) (\($0.origin))" }
    }

    /// The folders holding `entry`'s files directly, in search order.
    private func folders(for entry: DatasetEntry) -> [(url: URL, origin: Origin)] {
        roots.flatMap { root in
            ([entry.directory] + entry.directoryAliases).map {
                (root.url.appendingPathComponent($0, isDirectory: true), root.origin)
            }
        }
            + entry.systemDirectories.map { (URL(fileURLWithPath: $0, isDirectory: true), Origin.system) }
    }

    /// The first existing file among the roots and accepted names, without downloading.
    public func findLocally(_ file: DatasetFile, of entry: DatasetEntry) -> LocatedFile? {
        for folder in folders(for: entry) {
            for name in file.acceptedNames {
                let url = folder.url.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    return LocatedFile(url: url, origin: folder.origin)
                }
            }
        }
        return nil
    }

    /// Finds `file` of `entry` on disk or, failing that, downloads it from its canonical URL into
    /// the cache (through a temporary file, md5-verified, then renamed into place).
    /// - Throws: `DatasetError.notFound` naming the file, the folders searched, the expected md5,
    ///   the URL and why the download failed.
    public func locate(_ file: DatasetFile, of entry: DatasetEntry) throws -> LocatedFile {
        if let found = findLocally(file, of: entry) { return found }
        var failure: String?
        if let url = file.url {
            if file.md5 == nil {
                failure = "not attempted: no published md5 to verify a download against; "
                    + (file.manualStep ?? "download it by hand")
            } else if let reason = downloadsDisabledReason {
                failure = reason
            } else {
                let name = file.acceptedNames.first { $0 == url.lastPathComponent } ?? file.acceptedNames[0]
                let destination = cacheRoot.appendingPathComponent(entry.directory).appendingPathComponent(name)
                do {
                    try DataDownloader.download(
                        url, to: destination, expectedMD5: file.md5Description,
                        md5OfDecompressedContent: file.md5IsOfDecompressedContent, label: "\(entry.name)/\(name)")
                    return LocatedFile(url: destination, origin: .download)
                } catch {
                    failure = "\(error)"
                }
            }
        }
        var reason = failure ?? (file.url == nil ? file.manualStep : nil)
        // Name the other packagings, which would be read instead if they were found.
        for other in entry.alternatives {
            let files = other.files.map { "\($0.acceptedNames[0]) (md5 \($0.md5Description))" }.joined(separator: ", ")
            let how = other.files.compactMap(\.manualStep).first.map { ": \($0)" } ?? ""
            reason = (reason.map { $0 + "; " } ?? "") + "or bring \(files) to the same folders, which is read instead\(how)"
        }
        throw DatasetError.notFound(
            dataset: entry.name, fileNames: file.acceptedNames, searched: searchedDirectories(for: entry),
            expectedMD5: file.md5Description, md5OfDecompressedContent: file.md5IsOfDecompressedContent,
            url: file.url?.absoluteString, downloadFailure: reason)
    }

    /// The packaging of `entry` to read: the first of `entry.packagings` whose files are all on disk,
    /// else `entry` itself (whose files are then downloaded or reported missing).
    public func resolve(_ entry: DatasetEntry) -> DatasetEntry {
        entry.packagings.first { packaging in packaging.files.allSatisfy { findLocally($0, of: packaging) != nil } } ?? entry
    }

    /// The state of every file of `entry` on disk (found where, md5 right or not); never downloads.
    /// For a dataset with alternative packagings, the files of the one `resolve(_:)` picks; when
    /// none is complete, the files of every packaging (each one missing or partly found).
    public func verify(_ entry: DatasetEntry) -> [FileStatus] {
        let resolved = resolve(entry)
        if resolved == entry, !entry.alternatives.isEmpty, !entry.files.allSatisfy({ findLocally($0, of: entry) != nil }) {
            return entry.packagings.flatMap { verifyFiles(of: $0) }
        }
        return verifyFiles(of: resolved)
    }

    private func verifyFiles(of entry: DatasetEntry) -> [FileStatus] {
        entry.files.map { file in
            guard let location = findLocally(file, of: entry) else {
                return FileStatus(
                    dataset: entry.name, file: file, location: nil, state: .missing(searched: searchedDirectories(for: entry)))
            }
            do {
                let actual = try FileContent.readForChecksum(location.url, of: file).md5
                let state: FileStatus.State =
                    file.md5 == nil ? .unverifiable(actualMD5: actual)
                    : actual == file.md5 ? .verified : .checksumMismatch(actualMD5: actual)
                return FileStatus(dataset: entry.name, file: file, location: location, state: state)
            } catch {
                return FileStatus(dataset: entry.name, file: file, location: location, state: .unreadable(reason: "\(error)"))
            }
        }
    }
}
