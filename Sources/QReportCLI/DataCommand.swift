import ArgumentParser
import Datasets
import Foundation

/// `qreport data`: where each dataset is, and whether its files are right.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Inspect, verify and fetch datasets.",
        discussion: "Lookup order: --data-dir / QREPORT_DATA, $XDG_CACHE_HOME/qreport (else ~/.cache/qreport), QREPORT_MIRROR, then the canonical URL.",
        subcommands: [List.self, Verify.self, Path.self, Fetch.self])

    struct Location: ParsableArguments {
        @Option(name: .customLong("data-dir"), help: "Folder searched first (also QREPORT_DATA).")
        var dataDirectory: String?

        /// The lookup for these options; a `--data-dir` that is a file is an error rather than a folder skipped.
        func locator() throws -> DataLocator {
            try PaperBuild.checkDataDirectory(dataDirectory)
            return DataLocator(dataDirectory: dataDirectory, environment: ProcessInfo.processInfo.environment)
        }

        func entry(_ name: String) throws -> DatasetEntry {
            do { return try DatasetRegistry.entry(named: name) } catch { throw UserFacingError("\(error)") }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every registered dataset: found where, verified or not (never downloads).")
        @OptionGroup var location: Location

        func run() throws {
            let locator = try location.locator()
            for entry in DatasetRegistry.all {
                let statuses = locator.verify(entry)
                let state: String
                if statuses.allSatisfy(\.isVerified) {
                    state = "verified"
                } else if statuses.allSatisfy({ if case .unverifiable = $0.state { return true } else { return $0.isVerified } }) {
                    state = "found (no published md5 to verify against)"
                } else {
                    state = statuses.contains { $0.location != nil } ? "incomplete or wrong" : "missing"
                }
                print("\(entry.name) — \(entry.title): \(state)")
                for status in statuses { print("  \(status)") }
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check the md5 of every file of a dataset; exit 1 if any is missing or wrong.")
        @OptionGroup var location: Location
        @Argument(help: "Dataset name (see `qreport data list`).") var name: String

        func run() throws {
            let statuses = try location.locator().verify(try location.entry(name))
            for status in statuses { print(status) }
            if !statuses.allSatisfy(\.isVerified) { throw ExitCode(1) }
        }
    }

    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the path of each file of a dataset (never downloads).")
        @OptionGroup var location: Location
        @Argument(help: "Dataset name.") var name: String

        func run() throws {
            let entry = try location.locator().resolve(location.entry(name))
            for file in entry.files {
                let locator = try location.locator()
                guard let found = locator.findLocally(file, of: entry) else {
                    throw UserFacingError("\(entry.name): \(file.acceptedNames.joined(separator: " or ")) not found (looked in: \(locator.searchedDirectories(for: entry).joined(separator: ", ")))")
                }
                print(found.url.path)
            }
        }
    }

    struct Fetch: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Download whatever files of a dataset are missing into the cache, verified.")
        @OptionGroup var location: Location
        @Argument(help: "Dataset name.") var name: String

        func run() throws {
            let entry = try location.locator().resolve(location.entry(name))
            for file in entry.files {
                do {
                    let found = try location.locator().locate(file, of: entry)
                    print("\(entry.name)/\(file.name): \(found.url.path) (\(found.origin))")
                } catch {
                    throw UserFacingError("\(error)")
                }
            }
        }
    }
}
