import Datasets
import Foundation
import TestSupport
import Testing

/// The committed data subsets (`fixtures/datasets/subsets`, `DataSubsets`): they load through their test-only
/// entries with the counts the generator recorded, qreport's registry refuses them, and, where the full files are
/// here, they are exactly the first images (the first JPEGs by path, byte for byte) of the real datasets.
@Suite struct DataSubsetsTests {
    static let names = ["mnist", "breastmnist", "retinamnist", "pneumoniamnist", "medical-mnist"]
    /// Only the subsets' folder: no cache, no mirror, no network.
    let subsets = DataLocator(dataDirectory: DataSubsets.root.path, environment: ["HOME": "/nonexistent"], allowDownloads: false)

    @Test(arguments: names)
    func subsetLoadsWithItsCounts(name: String) throws {
        let full = try DatasetRegistry.entry(named: name)
        let entry = try #require(DataSubsets.subsetEntry(of: full))
        let recorded = try #require(DataSubsets.manifest[name])
        // The generator cut them from the files the registry pins.
        #expect(recorded.source == Dictionary(uniqueKeysWithValues: full.files.map { ($0.name, $0.md5 ?? "") }))
        #expect(entry.name == name + "-subset" && entry.files.allSatisfy { $0.url == nil })
        for split in entry.splits {
            let loaded = try ImageSetLoader.load(entry: entry, split: split.kind, locator: subsets)
            #expect(loaded.images.count == recorded.counts[split.kind.rawValue] && loaded.images.count == split.count)
            #expect(loaded.images.count < (try full.split(split.kind)).count)
            #expect(loaded.files.allSatisfy { $0.dataset == entry.name })
            // Every class of the dataset is in the training subset (the smoke runs train on all of them).
            if split.kind == .train { #expect(Set(loaded.images.labels).count == full.classNames.count, "\(name)") }
        }
        // qreport's own registry finds the files and refuses every one of them.
        let statuses = subsets.verify(full)
        #expect(!statuses.isEmpty)
        for status in statuses {
            guard case .checksumMismatch = status.state else { Issue.record("\(name): \(status)"); continue }
        }
    }

    /// IDX and NPZ subsets hold the first images and labels of each split of the full files.
    @Test(.enabled(if: FullDatasets.present("mnist", "breastmnist", "retinamnist", "pneumoniamnist"),
                   "needs the full MNIST, BreastMNIST, RetinaMNIST and PneumoniaMNIST files (QREPORT_DATA, the user cache or QREPORT_MIRROR)"))
    func fileOrderedSubsetsAreTheFirstImages() throws {
        for name in ["mnist", "breastmnist", "retinamnist", "pneumoniamnist"] {
            let full = try DatasetRegistry.entry(named: name)
            let entry = try #require(DataSubsets.subsetEntry(of: full))
            for split in entry.splits {
                let part = try ImageSetLoader.load(entry: entry, split: split.kind, locator: subsets).images
                let whole = try ImageSetLoader.load(entry: full, split: split.kind, locator: FullDatasets.locator).images
                #expect(part == whole.subset(0..<part.count), "\(name) \(split.kind)")
            }
        }
    }

    /// The Medical MNIST subset holds the first 16 JPEGs by path of each class of the full archive, byte for byte.
    @Test(.enabled(if: FullDatasets.present("medical-mnist"),
                   "needs the full Medical MNIST archive (QREPORT_DATA, the user cache or QREPORT_MIRROR)"))
    func medicalMNISTSubsetIsTheFirstJPEGsOfEachClass() throws {
        let full = DatasetRegistry.medicalMNIST
        let located = try #require(FullDatasets.locator.findLocally(full.files[0], of: full))
        let wholeArchive = try TarArchive(data: Gzip.decompress(Data(contentsOf: located.url), file: "full"), file: "full")
        let subsetURL = DataSubsets.root.appendingPathComponent("medical-mnist/medical-mnist-64.tar.gz")
        let partArchive = try TarArchive(data: Gzip.decompress(Data(contentsOf: subsetURL), file: "subset"), file: "subset")
        let jpegs = partArchive.members.filter { $0.name.hasSuffix(".jpeg") }
        #expect(jpegs.count == 6 * 16)
        for className in full.classNames {
            let expected = wholeArchive.members.map(\.name).filter { $0.hasPrefix("resized/\(className)/") && $0.hasSuffix(".jpeg") }
                .sorted().prefix(16)
            #expect(jpegs.map(\.name).filter { $0.hasPrefix("resized/\(className)/") } == Array(expected), "\(className)")
        }
        for member in jpegs {
            let original = try #require(wholeArchive.member(named: member.name))
            #expect(partArchive.content(of: member) == wholeArchive.content(of: original), "\(member.name)")
        }
    }
}
