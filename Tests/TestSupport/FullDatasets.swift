import Datasets
import Foundation

/// The full datasets some tests need, found through qreport's own lookup (`DataLocator`): `QREPORT_DATA`, the
/// user cache, `QREPORT_MIRROR`, the folders an operating-system package installs into, and last `../shared/data`
/// beside the repository (the development mirror). Nothing is downloaded. A test that needs a dataset is enabled
/// only where it is found, so a fresh clone reports it as skipped with the reason.
public enum FullDatasets {
    /// The process environment, with `../shared/data` (when present) appended to `QREPORT_MIRROR`.
    public static let environment: [String: String] = {
        var environment = ProcessInfo.processInfo.environment
        if let shared = Fixtures.sharedData {
            let mirrors = (environment["QREPORT_MIRROR"] ?? "").split(separator: ":").map(String.init)
            environment["QREPORT_MIRROR"] = (mirrors.filter { !$0.isEmpty } + [shared.path]).joined(separator: ":")
        }
        return environment
    }()

    /// A locator searching where qreport searches (and `../shared/data` last), never downloading.
    public static let locator = DataLocator(dataDirectory: nil, environment: environment, allowDownloads: false)

    /// Whether every file of each named registry dataset is on disk where `locator` looks.
    public static func present(_ names: String...) -> Bool {
        names.allSatisfy { name in
            guard let entry = try? DatasetRegistry.entry(named: name) else { return false }
            return present(entry)
        }
    }

    /// Whether every file of `entry` (one packaging of a dataset) is on disk where `locator` looks.
    public static func present(_ entry: DatasetEntry) -> Bool {
        entry.files.allSatisfy { locator.findLocally($0, of: entry) != nil }
    }
}
