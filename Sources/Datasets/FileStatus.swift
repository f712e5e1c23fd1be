import Foundation

/// What `DataLocator.verify` found for one dataset file.
public struct FileStatus: Sendable, Equatable {
    /// The outcome for the file.
    public enum State: Sendable, Equatable {
        /// Found, and the md5 of its (decompressed) content matches the registry.
        case verified
        /// Not in any of the folders listed.
        case missing(searched: [String])
        /// Found, but its content has another md5.
        case checksumMismatch(actualMD5: String)
        /// Found, but it could not be read or decompressed.
        case unreadable(reason: String)
        /// Found, but the registry has no published md5 to check it against; its md5 is shown.
        case unverifiable(actualMD5: String)
    }

    /// The dataset's registry name.
    public let dataset: String
    /// The registry's description of the file.
    public let file: DatasetFile
    /// Where it was found, if anywhere.
    public let location: DataLocator.LocatedFile?
    /// The outcome.
    public let state: State

    /// Whether the file is present and correct.
    public var isVerified: Bool { state == .verified }
}

extension FileStatus: CustomStringConvertible {
    /// One line: file, place and verdict.
    public var description: String {
        let place = location.map { "\($0.url.path) (\($0.origin))" } ?? "-"
        switch state {
        case .verified:
            return "\(dataset)/\(file.name): ok, md5 \(file.md5Description), \(place)"
        case let .missing(searched):
            var remedy = ""
            if let url = file.url, file.md5 != nil {
                remedy = "; `qreport data fetch \(dataset)` downloads it from \(url.absoluteString)"
            } else if let step = file.manualStep {
                remedy = "; to get it: \(step)"
            } else if let url = file.url {
                remedy = "; download it from \(url.absoluteString)"
            }
            let names = file.acceptedNames.joined(separator: " or ")
            return "\(dataset)/\(file.name): missing \(names) (md5 \(file.md5Description); looked in: \(searched.joined(separator: ", ")))\(remedy)"
        case let .checksumMismatch(actual):
            return "\(dataset)/\(file.name): md5 \(actual), expected \(file.md5Description), \(place)"
        case let .unverifiable(actual):
            return "\(dataset)/\(file.name): found, md5 \(actual) (no published md5 to verify against), \(place)"
        case let .unreadable(reason):
            return "\(dataset)/\(file.name): unreadable (\(reason)), \(place)"
        }
    }
}
