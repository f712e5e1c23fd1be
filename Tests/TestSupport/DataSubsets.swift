import Datasets
import Foundation

/// The small real-data subsets under `fixtures/datasets/subsets/` (cut from the full files by
/// `fixtures/generators/dataset_subsets.py`; provenance and licences in that folder's README), on which the
/// end-to-end and hostile-input tests run without any mirror.
///
/// A subset is not the dataset: qreport's registry pins the full files' md5s and counts and rejects these files.
/// The tests use test-only registry entries instead (`entry(named:)`): the registry's entry with the subset's md5s,
/// split counts and partition size, named `<dataset>-subset`, so the run records and the report's provenance say
/// which files were read.
public enum DataSubsets {
    /// The subsets' data folder, laid out as a mirror: `<dataset directory>/<canonical file name>`.
    public static let root = Fixtures.url("datasets/subsets")

    /// What the generator recorded for one dataset's subset.
    public struct Subset: Decodable, Sendable {
        /// md5 of each file (by registry file name), of the decompressed content for `.gz`.
        public let files: [String: String]
        /// Images per split (`train`, `validation`, `test`).
        public let counts: [String: Int]
        /// The test count of the seeded partition, for image-folder archives.
        public let partitionTestCount: Int?
        /// md5 of the full file each subset file was cut from.
        public let source: [String: String]
        /// Image-folder archives: the member names kept per class.
        public let members: [String: [String]]?
    }

    /// `subsets.json`, by registry dataset name.
    public static let manifest: [String: Subset] = {
        do {
            return try Fixtures.json([String: Subset].self, "datasets/subsets/subsets.json")
        } catch {
            fatalError("fixtures/datasets/subsets/subsets.json: \(error)")
        }
    }()

    /// The test registry: the subset entry of `name` where a subset is committed, else the registry's own entry.
    public static func entry(named name: String) throws -> DatasetEntry {
        let full = try DatasetRegistry.entry(named: name)
        return subsetEntry(of: full) ?? full
    }

    /// `full` with the subset's md5s, counts and partition, or nil when no subset of it is committed.
    public static func subsetEntry(of full: DatasetEntry) -> DatasetEntry? {
        guard let subset = manifest[full.name] else { return nil }
        let files = full.files.map { file in
            DatasetFile(name: file.name, acceptedNames: file.acceptedNames, md5: subset.files[file.name],
                        md5OfDecompressedContent: file.md5IsOfDecompressedContent, url: nil,
                        manualStep: "a committed test subset: fixtures/datasets/subsets/\(full.directory)")
        }
        let splits = full.splits.compactMap { split -> DatasetSplit? in
            guard let count = subset.counts[split.kind.rawValue] else { return nil }
            var source = split.source
            if case let .archivedImageFolders(file, root, .seededPartition(seed, _, excluded)) = source,
               let testCount = subset.partitionTestCount {
                source = .archivedImageFolders(file: file, root: root, selection: .seededPartition(seed: seed, testCount: testCount, excluded: excluded))
            }
            return DatasetSplit(kind: split.kind, count: count, source: source)
        }
        let counts = splits.map { "\($0.count) \($0.kind.rawValue)" }.joined(separator: " / ")
        return DatasetEntry(
            name: full.name + "-subset", title: "\(full.title): test subset (\(counts))", directory: full.directory,
            files: files, classNames: full.classNames, channels: full.channels, height: full.height, width: full.width,
            splits: splits, licence: full.licence, citation: full.citation, homepage: full.homepage,
            notes: "Cut from the full files by fixtures/generators/dataset_subsets.py.", isMultiLabel: full.isMultiLabel,
            preparation: full.preparation)
    }

    /// An environment in which qreport finds no data of its own: no mirror, an empty cache under `home`, offline.
    /// The subsets are then given as the data folder (`--data-dir DataSubsets.root.path`).
    public static func isolatedEnvironment(home: URL) -> [String: String] {
        ["HOME": home.path, "XDG_CACHE_HOME": home.appendingPathComponent("cache").path, "QREPORT_OFFLINE": "1"]
    }
}
