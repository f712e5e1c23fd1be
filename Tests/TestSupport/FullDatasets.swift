import Datasets
import Foundation

/// The full datasets some tests need, found through qreport's own lookup (`DataLocator`): `QREPORT_DATA`, the
/// user cache, `QREPORT_MIRROR` and the folders an operating-system package installs into. Nothing is downloaded.
/// A test that needs a dataset is enabled only where it is found, so a fresh clone reports it as skipped with the
/// reason. `make test` (scripts/test), like `.ci/run`, points `QREPORT_MIRROR` at the development mirror
/// `../shared/data` when that folder is there and the variable is unset.
public enum FullDatasets {
    /// A locator searching where qreport searches, in this process's environment, never downloading.
    public static let locator = DataLocator(dataDirectory: nil, environment: ProcessInfo.processInfo.environment,
                                            allowDownloads: false)

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
