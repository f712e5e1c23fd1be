import Datasets
import Foundation
import TestSupport
import Testing

@Suite struct ImageSetLoaderTests {
    let fixture: SampleFixture
    let locator: DataLocator

    init() throws {
        fixture = try SampleFixture.load()
        // fixtures/datasets is the data root; the entry's directory is mnist-sample.
        locator = DataLocator(
            dataDirectory: SampleFixture.directory.deletingLastPathComponent().path,
            environment: ["HOME": "/nonexistent"], allowDownloads: false)
    }

    /// Labels and per-image pixel sums as numpy computed them; provenance names the files and md5s.
    @Test(arguments: [true, false]) func loadsBothSplits(gzipFirst: Bool) throws {
        let entry = fixture.entry(gzipFirst: gzipFirst)
        for (kind, key, prefix) in [(DatasetSplit.Kind.train, "train", "train"), (.test, "t10k", "t10k")] {
            let expected = try #require(fixture.splits[key])
            let loaded = try ImageSetLoader.load(entry: entry, split: kind, locator: locator)
            let set = loaded.images
            #expect(set.count == expected.count)
            #expect(set.channels == 1 && set.height == 28 && set.width == 28)
            #expect(set.labels == expected.labels)
            #expect((0..<set.count).map { set.image($0).reduce(0) { $0 + Int($1) } } == expected.pixelSums)
            #expect(set.classNames == entry.classNames)
            #expect(loaded.split == kind)
            #expect(loaded.files.map(\.file) == ["\(kind == .train ? "train" : "test")-images", "\(kind == .train ? "train" : "test")-labels"])
            #expect(loaded.files.map(\.md5) == ["\(prefix)-images-idx3-ubyte", "\(prefix)-labels-idx1-ubyte"].map { expected.md5[$0]! })
            #expect(loaded.files.allSatisfy { $0.origin == .dataDirectory })
            #expect(loaded.files[0].path.hasSuffix("\(prefix)-images-idx3-ubyte" + (gzipFirst ? ".gz" : "")))
        }
    }

    @Test func checksumMismatchNamesFileAndBothMD5s() throws {
        let entry = fixture.entry(trainImagesMD5: "0123456789abcdef0123456789abcdef")
        let error = try #require(throws: DatasetError.self) {
            try ImageSetLoader.load(entry: entry, split: .train, locator: locator)
        }
        let actual = fixture.splits["train"]!.md5["train-images-idx3-ubyte"]!
        #expect(error.description.contains("mnist-sample/train-images-idx3-ubyte.gz (--data-dir): md5 of decompressed content is \(actual), expected 0123456789abcdef0123456789abcdef"))
        #expect(!error.description.contains("\n"))
    }

    /// The registry says 17 images; the (verified) files hold 16.
    @Test func countDisagreeingWithTheRegistry() throws {
        let entry = fixture.entry(trainCount: 17)
        let error = try #require(throws: DatasetError.self) {
            try ImageSetLoader.load(entry: entry, split: .train, locator: locator)
        }
        #expect(error == .inconsistent(
            dataset: "mnist-sample", file: "train-images-idx3-ubyte.gz", field: "image count", found: "16",
            expected: "17 (train split)"))
    }

    @Test func missingSplitOrFile() throws {
        let error = try #require(throws: DatasetError.self) {
            try ImageSetLoader.load(entry: fixture.entry(), split: .validation, locator: locator)
        }
        #expect(error == .unknownPart(dataset: "mnist-sample", kind: "split", name: "validation", known: ["train", "test"]))
    }

    @Test func subsets() throws {
        let set = try ImageSetLoader.load(entry: fixture.entry(), split: .train, locator: locator).images
        let expected = fixture.splits["train"]!
        let range = set.subset(3..<7)
        #expect(range.count == 4)
        #expect(range.labels == Array(expected.labels[3..<7]))
        #expect(range.pixels == Array(set.pixels[(3 * 784)..<(7 * 784)]))
        let picked = set.subset([15, 0, 15])
        #expect(picked.labels == [expected.labels[15], expected.labels[0], expected.labels[15]])
        #expect(Array(picked.image(1)) == Array(set.image(0)))
        #expect(Array(picked.image(2)) == Array(set.image(15)))
        #expect(set.subset([]).count == 0)
    }
}

/// The real MNIST files, found where qreport finds them (`FullDatasets`): skipped where they are absent.
@Suite(.enabled(if: FullDatasets.present("mnist"),
                "needs the full MNIST files (not found in QREPORT_DATA, the user cache or QREPORT_MIRROR)"))
struct SharedMNISTTests {
    let locator = FullDatasets.locator

    /// Canonical md5s (shared/data/README.md) and sizes; the first 16 train images must equal the
    /// committed sample (which the generator cut from these files).
    @Test func loadsFullMNIST() throws {
        let train = try ImageSetLoader.load(entry: DatasetRegistry.mnist, split: .train, locator: locator)
        let test = try ImageSetLoader.load(entry: DatasetRegistry.mnist, split: .test, locator: locator)
        #expect(train.images.count == 60000)
        #expect(test.images.count == 10000)
        #expect(train.images.pixels.count == 60000 * 784)
        #expect((train.files + test.files).map(\.md5) == [
            "6bbc9ace898e44ae57da46a324031adb", "a25bea736e30d166cdddb491f175f624",
            "2646ac647ad5339dbf082846283269ea", "27ae3e4e09519cfbb04c329615203637",
        ])
        #expect(train.files.allSatisfy { $0.origin != .download })
        let sample = try SampleFixture.load()
        #expect(Array(train.images.labels.prefix(16)) == sample.splits["train"]!.labels)
        #expect(Array(test.images.labels.prefix(8)) == sample.splits["t10k"]!.labels)
        #expect(Array(train.images.pixels.prefix(16 * 784)) == Array(try SampleFixture.bytes("train-images-idx3-ubyte").dropFirst(16)))
        // Class frequencies of the MNIST training set (LeCun's page / torchvision targets.bincount()).
        var counts = [Int](repeating: 0, count: 10)
        for label in train.images.labels { counts[label] += 1 }
        #expect(counts == [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949])
    }

    @Test func verifyFindsAllFourFiles() {
        let status = locator.verify(DatasetRegistry.mnist)
        #expect(status.count == 4)
        #expect(status.filter { !$0.isVerified }.isEmpty, "\(status)")
    }

    /// The MNIST constants of `Normalization` are the training set's own mean and standard
    /// deviation (population, over all 47,040,000 pixels on the [0, 1] scale), to 4 decimals.
    @Test func mnistNormalizationIsTheTrainingSetsStatistics() throws {
        let train = try ImageSetLoader.load(entry: DatasetRegistry.mnist, split: .train, locator: locator)
        var sum = 0, squares = 0
        for p in train.images.pixels { sum += Int(p); squares += Int(p) * Int(p) }
        let n = Double(train.images.pixels.count)
        let mean = Double(sum) / n / 255
        let std = (Double(squares) / n / (255 * 255) - mean * mean).squareRoot()
        let constants = try #require(Normalization.forDataset("mnist"))
        #expect(abs(mean - Double(constants.mean[0])) < 5e-5 && abs(std - Double(constants.std[0])) < 5e-5, "\(mean) \(std)")
    }
}

/// What `qreport data list` must show on a machine with the development mirror (issue 5's acceptance): MNIST, the
/// three MedMNIST files and Medical MNIST found and verified; skipped where any of them is absent.
@Suite(.enabled(if: FullDatasets.present("mnist", "breastmnist", "retinamnist", "pneumoniamnist", "medical-mnist"),
                "needs the full MNIST, BreastMNIST, RetinaMNIST, PneumoniaMNIST and Medical MNIST files (the development mirror)"))
struct SharedMirrorTests {
    @Test(arguments: ["mnist", "breastmnist", "retinamnist", "pneumoniamnist", "medical-mnist"])
    func mirrorDatasetsVerify(id: String) throws {
        let statuses = FullDatasets.locator.verify(try DatasetRegistry.entry(named: id))
        #expect(!statuses.isEmpty && statuses.allSatisfy(\.isVerified), "\(statuses)")
    }
}

/// Fashion-MNIST as the Debian package `dataset-fashion-mnist` (scripts/setup installs it) or another data folder holds it.
@Test(.enabled(if: FullDatasets.present("fashion-mnist"),
               "needs the Fashion-MNIST files (the Debian package dataset-fashion-mnist, which scripts/setup installs, or a data folder)"))
func fashionMNISTVerifies() throws {
    let statuses = FullDatasets.locator.verify(DatasetRegistry.fashionMNIST)
    #expect(statuses.count == 4 && statuses.allSatisfy(\.isVerified), "\(statuses)")
}
