import Datasets
import Foundation
import Testing
import TestSupport

/// CIFAR-10's two packagings give the same tensors: the registry's PNG-folder entry and the official
/// binary layout, on a sample cut from the mirror's PNG archive by fixtures/generators/
/// cifar_png_binary_sample.py (the binary written from Pillow's decoding of the same PNGs).
@Suite struct CIFARPNGEquivalenceTests {
    private struct Split: Decodable {
        let paths: [String]
        let labels: [Int]
        let pixelMD5: String
        let pixelSum: Int
    }
    private struct Facts: Decodable {
        let splits: [String: Split]
        let png: String
        let binary: String
        enum CodingKeys: String, CodingKey {
            case splits, png = "cifar10-png-sample.tar.gz", binary = "cifar-10-binary-sample.tar.gz"
        }
    }

    private static let facts = Result { try Fixtures.json(Facts.self, "datasets/cifar-png-sample/cifar-png-sample.json") }

    private var locator: DataLocator {
        DataLocator(dataDirectory: Fixtures.url("datasets").path, environment: ["HOME": "/nonexistent"], allowDownloads: false)
    }

    /// A registry packaging with its file swapped for the sample and the sample's counts (20 train, 10 test).
    private func sample(of entry: DatasetEntry, file: String, md5: String, splits: [DatasetSplit]) -> DatasetEntry {
        let registered = entry.files[0]
        return DatasetEntry(
            name: entry.name, title: entry.title, directory: "cifar-png-sample",
            files: [DatasetFile(name: registered.name, acceptedNames: [file], md5: md5, md5OfDecompressedContent: false, url: nil)],
            classNames: entry.classNames, channels: entry.channels, height: entry.height, width: entry.width,
            splits: splits, licence: entry.licence, citation: entry.citation, homepage: nil, packaging: entry.packaging)
    }

    private func pngSample(_ facts: Facts) -> DatasetEntry {
        let registry = DatasetRegistry.cifar10PNG
        // The registry's own sources (root and selection), only the counts cut down.
        let splits = registry.splits.map { DatasetSplit(kind: $0.kind, count: $0.kind == .train ? 20 : 10, source: $0.source) }
        return sample(of: registry, file: "cifar10-png-sample.tar.gz", md5: facts.png, splits: splits)
    }

    private func binarySample(_ facts: Facts) -> DatasetEntry {
        sample(of: DatasetRegistry.cifar10, file: "cifar-10-binary-sample.tar.gz", md5: facts.binary, splits: [
            DatasetSplit(kind: .train, count: 20, source: .cifarBinary(file: "archive", members: ["cifar-10-batches-bin/data_batch_1.bin"])),
            DatasetSplit(kind: .test, count: 10, source: .cifarBinary(file: "archive", members: ["cifar-10-batches-bin/test_batch.bin"])),
        ])
    }

    @Test(arguments: [DatasetSplit.Kind.train, .test])
    func bothPackagingsGiveTheSameTensors(kind: DatasetSplit.Kind) throws {
        let facts = try Self.facts.get()
        let expected = try #require(facts.splits[kind.rawValue])
        let png = try ImageSetLoader.load(entry: pngSample(facts), split: kind, locator: locator).images
        let binary = try ImageSetLoader.load(entry: binarySample(facts), split: kind, locator: locator).images
        #expect(png.pixels == binary.pixels)
        #expect(png.labels == binary.labels)
        #expect(png.classNames == binary.classNames)
        // Both equal Pillow's decoding, labels from the class folders in the official class order.
        #expect(png.labels == expected.labels)
        #expect(MD5.hex(Data(png.pixels)) == expected.pixelMD5)
        #expect(png.pixels.reduce(0) { $0 + Int($1) } == expected.pixelSum)
        #expect(png.count == expected.paths.count && (png.channels, png.height, png.width) == (3, 32, 32))
    }

    /// The official archive is preferred; without it the PNG archive is read, from `cifar-10/` or the
    /// mirror's spelling `cifar10/`; with neither, `verify` lists the files of both packagings.
    @Test func resolvesToWhicheverPackagingIsPresent() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let locator = DataLocator(dataDirectory: folder.url.path, environment: ["HOME": "/nonexistent"], allowDownloads: false)
        let registry = DatasetRegistry.cifar10
        #expect(locator.resolve(registry) == registry)
        let missing = locator.verify(registry)
        #expect(missing.map(\.file.name) == ["archive", "png-archive"])
        #expect(missing.allSatisfy { if case .missing = $0.state { return true } else { return false } })
        // Loading names both: the official archive it could not find or download, and the PNG archive read instead.
        let error = try #require(throws: DatasetError.self) { try ImageSetLoader.load(entry: registry, split: .test, locator: locator) }
        #expect("\(error)".contains("cifar-10-binary.tar.gz not found") && "\(error)".contains("failed: downloads are disabled; or bring "
            + "cifar10-png.tar.gz (md5 0ffaf07fc49d296cc752081460e8fb88) to the same folders, which is read instead: copy cifar10-png.tar.gz"),
                "\(error)")

        _ = try folder.write(Data("not checked here".utf8), to: "cifar10/cifar10-png.tar.gz")
        #expect(locator.resolve(registry) == DatasetRegistry.cifar10PNG)
        let wrong = locator.verify(registry)
        #expect(wrong.count == 1 && wrong[0].file.name == "png-archive" && !wrong[0].isVerified)

        _ = try folder.write(Data("not checked here".utf8), to: "cifar-10/cifar-10-binary.tar.gz")
        #expect(locator.resolve(registry) == registry)
    }
}

/// The full PNG archive through the registry, found where qreport looks (skipped where it is absent):
/// the test split's counts and integer pixel sums are those shared/data/README.md records.
@Suite(.enabled(if: FullDatasets.present(DatasetRegistry.cifar10PNG),
                "needs cifar10-png.tar.gz (not found in QREPORT_DATA, the user cache or QREPORT_MIRROR)"))
struct CIFARMirrorTests {
    @Test func testSplitMatchesTheRecordedPixelSums() throws {
        let locator = FullDatasets.locator
        #expect(locator.verify(DatasetRegistry.cifar10).map(\.isVerified) == [true])
        let test = try ImageSetLoader.load(entry: DatasetRegistry.cifar10, split: .test, locator: locator)
        #expect(test.files.map(\.md5) == ["0ffaf07fc49d296cc752081460e8fb88"])
        let images = test.images
        #expect(images.count == 10000)
        #expect((0..<10).map { label in images.labels.filter { $0 == label }.count } == Array(repeating: 1000, count: 10))
        var sums = [0, 0, 0]
        images.pixels.withUnsafeBufferPointer { pixels in
            for image in 0..<images.count {
                for channel in 0..<3 {
                    let start = (image * 3 + channel) * 1024
                    var sum = 0
                    for i in start..<(start + 1024) { sum += Int(pixels[i]) }
                    sums[channel] += sum
                }
            }
        }
        #expect(sums == [1_290_492_328, 1_266_775_083, 1_176_108_223])
    }
}
