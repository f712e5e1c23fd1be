import Datasets
import Foundation
import Testing
import TestSupport

/// Loading MedMNIST-style NPZ splits and CIFAR-10 batches through `ImageSetLoader`, against what
/// numpy computed from the same sample files (samples.json).
@Suite struct ArchiveLoaderTests {
    private func entry(
        name: String, file: String, md5: String, channels: Int, classes: [String], counts: [Int], multiLabel: Bool = false
    ) -> DatasetEntry {
        DatasetEntry(
            name: name, title: name, directory: "samples",
            files: [DatasetFile(name: "npz", acceptedNames: [file], md5: md5, url: nil)],
            classNames: classes, channels: channels, height: 28, width: 28,
            splits: zip([DatasetSplit.Kind.train, .validation, .test], zip(["train", "val", "test"], counts)).map { kind, split in
                DatasetSplit(kind: kind, count: split.1, source: .npz(file: "npz", images: split.0 + "_images", labels: split.0 + "_labels"))
            },
            licence: "CC BY 4.0", citation: "MedMNIST v2", homepage: nil, isMultiLabel: multiLabel)
    }

    private var locator: DataLocator {
        DataLocator(dataDirectory: Fixtures.url("datasets").path, environment: ["HOME": "/nonexistent"], allowDownloads: false)
    }

    @Test(arguments: [("breastmnist-sample.npz", 1), ("retinamnist-sample.npz", 3)])
    func loadsMedMNISTSample(file: String, channels: Int) throws {
        let samples = try DatasetSamples.load()
        let sample = channels == 1 ? samples.breast : samples.retina
        let classes = channels == 1 ? ["malignant", "normal, benign"] : ["0", "1", "2", "3", "4"]
        let set = entry(name: "sample", file: file, md5: sample.md5, channels: channels, classes: classes, counts: [4, 2, 3])
        for (kind, key) in [(DatasetSplit.Kind.train, "train"), (.validation, "val"), (.test, "test")] {
            let expected = try #require(sample.splits[key])
            let loaded = try ImageSetLoader.load(entry: set, split: kind, locator: locator)
            #expect(loaded.images.count == expected.shape[0])
            #expect(loaded.images.channels == channels)
            #expect(loaded.images.labels == expected.labels)
            // numpy's md5 of the pixels transposed to NCHW: the channels-last RGB data was reordered.
            #expect(MD5.hex(Data(loaded.images.pixels)) == expected.pixelMD5)
            #expect(loaded.images.pixels.reduce(0) { $0 + Int($1) } == expected.pixelSum)
            #expect(loaded.files.map(\.md5) == [sample.md5])
        }
    }

    @Test func multiLabelKeepsEveryFlag() throws {
        let chest = try DatasetSamples.load().chestLike
        let set = entry(
            name: "chest-like", file: "chest-like-sample.npz", md5: chest.md5, channels: 1,
            classes: (0..<14).map { "finding \($0)" }, counts: [3, 3, 3], multiLabel: true)
        let loaded = try ImageSetLoader.load(entry: set, split: .train, locator: locator)
        #expect(loaded.images.multiLabels?.map(Int.init) == chest.flags)
        #expect(loaded.images.labels == chest.firstPositive)
        #expect(MD5.hex(Data(loaded.images.pixels)) == chest.pixelMD5)
        #expect(loaded.images.subset([2, 0]).multiLabels?.map(Int.init) == Array(chest.flags[28..<42] + chest.flags[0..<14]))
        // The same file read as single-label: 14 label columns where one is expected.
        let single = entry(name: "chest-like", file: "chest-like-sample.npz", md5: chest.md5, channels: 1,
            classes: (0..<14).map { "finding \($0)" }, counts: [3, 3, 3])
        let error = try #require(throws: DatasetError.self) { try ImageSetLoader.load(entry: single, split: .train, locator: locator) }
        #expect(error.description.hasSuffix("train_labels: shape: found 3 x 14, expected 3 x 1"), "\(error)")
    }

    @Test func registryDisagreementsAreReported() throws {
        let sample = try DatasetSamples.load().breast
        let classes = ["malignant", "normal, benign"]
        let wrongCount = entry(name: "s", file: "breastmnist-sample.npz", md5: sample.md5, channels: 1, classes: classes, counts: [5, 2, 3])
        let count = try #require(throws: DatasetError.self) { try ImageSetLoader.load(entry: wrongCount, split: .train, locator: locator) }
        #expect(count.description.contains("train_images: shape: found 4 x 28 x 28, expected 5 x 28 x 28"), "\(count)")
        let oneClass = entry(name: "s", file: "breastmnist-sample.npz", md5: sample.md5, channels: 1, classes: ["only"], counts: [4, 2, 3])
        let label = try #require(throws: DatasetError.self) { try ImageSetLoader.load(entry: oneClass, split: .train, locator: locator) }
        #expect(label.description.contains("label of image 0: found 1, expected 0...0"), "\(label)")
        let wrongMD5 = entry(name: "s", file: "breastmnist-sample.npz", md5: String(repeating: "0", count: 32), channels: 1, classes: classes, counts: [4, 2, 3])
        let md5 = try #require(throws: DatasetError.self) { try ImageSetLoader.load(entry: wrongMD5, split: .train, locator: locator) }
        #expect(md5.description.contains("md5 is \(sample.md5), expected 00000000000000000000000000000000"), "\(md5)")
    }

    @Test func loadsCIFARBatchFromTarGz() throws {
        let cifar = try DatasetSamples.load().cifar
        let set = DatasetEntry(
            name: "cifar-sample", title: "CIFAR sample", directory: "samples",
            files: [DatasetFile(name: "archive", acceptedNames: ["cifar-sample.tar.gz"], md5: cifar.md5, md5OfDecompressedContent: false, url: nil)],
            classNames: DatasetRegistry.cifar10.classNames, channels: 3, height: 32, width: 32,
            splits: [DatasetSplit(kind: .test, count: 3, source: .cifarBinary(file: "archive", members: ["cifar-10-batches-bin/test_batch.bin"]))],
            licence: "", citation: "", homepage: nil)
        let loaded = try ImageSetLoader.load(entry: set, split: .test, locator: locator)
        #expect(loaded.images.labels == cifar.labels)
        #expect(MD5.hex(Data(loaded.images.pixels)) == cifar.pixelMD5)
        #expect(loaded.images.image(1).prefix(3) == [7, 8, 9])  // record 1, byte i = (7 + i) mod 256
    }

    @Test func brokenCIFARBatches() throws {
        let short = try #require(throws: DatasetError.self) { try CIFARBinary.decode(Data(count: 3072), file: "b.bin") }
        #expect(short.description == "b.bin: CIFAR batch size at byte 0: found 3072 bytes, expected a positive multiple of 3073 (label + 3x32x32 pixels)")
        var record = Data(count: 2 * 3073)
        record[3073] = 10
        let label = try #require(throws: DatasetError.self) { try CIFARBinary.decode(record, file: "b.bin") }
        #expect(label.description == "b.bin: CIFAR label of record 1 at byte 3073: found 10, expected 0...9")
    }

    /// The three real MedMNIST files (the development mirror has them) load with the registry's counts and shapes.
    @Test(.enabled(if: FullDatasets.present("breastmnist", "retinamnist", "pneumoniamnist"),
                   "needs the full BreastMNIST, RetinaMNIST and PneumoniaMNIST files (QREPORT_DATA, the user cache or QREPORT_MIRROR)"))
    func realMedMNISTFilesLoad() throws {
        let locator = FullDatasets.locator
        for name in ["breastmnist", "retinamnist", "pneumoniamnist"] {
            let entry = try DatasetRegistry.entry(named: name)
            for split in entry.splits {
                let loaded = try ImageSetLoader.load(entry: entry, split: split.kind, locator: locator)
                #expect(loaded.images.count == split.count)
                #expect(loaded.images.channels == entry.channels)
            }
        }
    }
}

/// Fashion-MNIST through the IDX loader: the first images of Debian's files, cut by the generator.
@Suite struct FashionMNISTSampleTests {
    private struct Split: Decodable { let labels: [Int]; let pixelMD5: String; let imagesMD5: String; let labelsMD5: String }
    private struct File: Decodable {
        let fashion: [String: Split]
        enum CodingKeys: String, CodingKey { case fashion = "fashion-sample" }
    }

    @Test func loadsWithTheRegistryClassNames() throws {
        let facts = try Fixtures.json(File.self, "datasets/samples.json").fashion
        let train = try #require(facts["train"]), test = try #require(facts["t10k"])
        let registry = DatasetRegistry.fashionMNIST
        func file(_ name: String, _ stem: String, _ md5: String) -> DatasetFile {
            DatasetFile(name: name, acceptedNames: [stem + ".gz"], md5: md5, url: nil)
        }
        let entry = DatasetEntry(
            name: "fashion-sample", title: "first Fashion-MNIST images", directory: "fashion-sample",
            files: [
                file("train-images", "train-images-idx3-ubyte", train.imagesMD5), file("train-labels", "train-labels-idx1-ubyte", train.labelsMD5),
                file("test-images", "t10k-images-idx3-ubyte", test.imagesMD5), file("test-labels", "t10k-labels-idx1-ubyte", test.labelsMD5),
            ],
            classNames: registry.classNames, channels: 1, height: 28, width: 28,
            splits: [
                DatasetSplit(kind: .train, count: 8, source: .idx(images: "train-images", labels: "train-labels")),
                DatasetSplit(kind: .test, count: 4, source: .idx(images: "test-images", labels: "test-labels")),
            ],
            licence: registry.licence, citation: registry.citation, homepage: nil)
        let locator = DataLocator(dataDirectory: Fixtures.url("datasets").path, environment: ["HOME": "/nonexistent"], allowDownloads: false)
        for (kind, expected) in [(DatasetSplit.Kind.train, train), (.test, test)] {
            let loaded = try ImageSetLoader.load(entry: entry, split: kind, locator: locator)
            #expect(loaded.images.labels == expected.labels)
            #expect(MD5.hex(Data(loaded.images.pixels)) == expected.pixelMD5)
        }
        #expect(registry.classNames[9] == "Ankle boot")  // the first training image's class (label 9)
        #expect(train.labels.first == 9)
    }
}
