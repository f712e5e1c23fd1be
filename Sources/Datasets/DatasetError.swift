import Foundation

/// Everything that can go wrong while finding, verifying and decoding a dataset.
///
/// Each case renders as one line that names the file (or dataset), the field or byte offset,
/// the value found and what was expected; missing or corrupt files also say which md5 is
/// expected, where qreport looked and where to put the file.
public enum DatasetError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A file's bytes do not follow its format (gzip, IDX, ...).
    /// `offset` is the byte offset in the file (for gzip, in the compressed input) where decoding failed.
    case malformed(file: String, field: String, offset: Int, found: String, expected: String)
    /// A file could not be read at all (permissions, a directory in its place, I/O error).
    case unreadable(path: String, reason: String)
    /// No accepted name of a dataset file exists in any searched directory, and it could not be downloaded.
    /// `searched` lists the directories looked in, each with where it came from.
    case notFound(
        dataset: String, fileNames: [String], searched: [String], expectedMD5: String,
        md5OfDecompressedContent: Bool, url: String?, downloadFailure: String?)
    /// A file was found but its content has the wrong md5.
    case checksumMismatch(
        dataset: String, path: String, expectedMD5: String, actualMD5: String,
        md5OfDecompressedContent: Bool, url: String?)
    /// Decoded files disagree with each other or with the registry (sample counts, image sizes, labels).
    case inconsistent(dataset: String, file: String, field: String, found: String, expected: String)
    /// No dataset of that name is registered.
    case unknownDataset(name: String, known: [String])
    /// The dataset has no such split, or no such file.
    case unknownPart(dataset: String, kind: String, name: String, known: [String])
    /// The data is present but this build cannot decode it (a format whose decoder it lacks).
    case unsupported(dataset: String, file: String, reason: String)

    public var description: String {
        switch self {
        case let .malformed(file, field, offset, found, expected):
            return "\(file): \(field) at byte \(offset): found \(found), expected \(expected)"
        case let .unreadable(path, reason):
            return "\(path): cannot be read (\(reason)); expected a readable file"
        case let .notFound(dataset, fileNames, searched, expectedMD5, decompressed, url, downloadFailure):
            let name = fileNames.first ?? "?"
            let alternatives = fileNames.dropFirst()
            let names = alternatives.isEmpty ? name : "\(name) (or \(alternatives.joined(separator: ", ")))"
            var places = "looked in: \(searched.isEmpty ? "nowhere" : searched.joined(separator: ", "))"
            if let url {
                places += "; download from \(url) \(downloadFailure.map { "failed: \($0)" } ?? "not attempted")"
            } else if let downloadFailure {
                places += "; to get it: \(downloadFailure)"
            }
            let md5 = decompressed ? "md5 of decompressed content \(expectedMD5)" : "md5 \(expectedMD5)"
            return "\(dataset): \(names) not found (\(places)). Put the file (\(md5)) in one of them, "
                + "set QREPORT_DATA, or pass --data-dir"
        case let .checksumMismatch(dataset, path, expectedMD5, actualMD5, decompressed, url):
            let what = decompressed ? "md5 of decompressed content" : "md5"
            let fix = url.map { "replace it with the canonical file (\($0))" } ?? "replace it with the canonical file"
            return "\(dataset): \(path): \(what) is \(actualMD5), expected \(expectedMD5) "
                + "(corrupt or a different version); \(fix) or remove it"
        case let .inconsistent(dataset, file, field, found, expected):
            return "\(dataset): \(file): \(field): found \(found), expected \(expected)"
        case let .unknownDataset(name, known):
            return "unknown dataset \"\(name)\": expected one of \(known.joined(separator: ", "))"
        case let .unsupported(dataset, file, reason):
            return "\(dataset): \(file): cannot be loaded by this build: \(reason)"
        case let .unknownPart(dataset, kind, name, known):
            return "\(dataset): unknown \(kind) \"\(name)\": expected one of \(known.joined(separator: ", "))"
        }
    }
}
