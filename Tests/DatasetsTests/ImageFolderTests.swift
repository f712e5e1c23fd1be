import Datasets
import Foundation
import Testing
import TestSupport

/// Image-folder datasets in archives: indexing, the registry's seeded partition, and JPEG decoding
/// checked against Pillow (samples.json, from fixtures/generators/dataset_samples.py).
@Suite struct ImageFolderTests {
    private struct SplitMixFacts: Decodable {
        struct Partition: Decodable { let train: [Int]; let test: [Int] }
        let partition12seed2024test4: Partition
        let partition100seed7test20: Partition
    }

    /// The partitions of an independent Python transcription of the documented rule (SplitMix64 as in
    /// Vigna's splitmix64.c, Fisher-Yates from the top, first `testCount` = test).
    private func facts() throws -> SplitMixFacts {
        struct File: Decodable { let splitmix64: SplitMixFacts }
        return try Fixtures.json(File.self, "datasets/samples.json").splitmix64
    }

    @Test func seededPartitionMatchesTheDocumentedRule() throws {
        let paths = (0..<12).map { String(format: "root/%@/%02d.jpeg", $0 % 2 == 0 ? "a" : "b", $0) }
        let index = try ImageFolderIndex(paths: paths.shuffled(), root: "root", classNames: [], dataset: "d", file: "f")
        #expect(index.classNames == ["a", "b"])
        #expect(index.images.map(\.path) == paths.sorted())
        let parts = index.partition(seed: 2024, testCount: 4, excluded: [])
        let expected = try facts().partition12seed2024test4
        #expect(parts.train == expected.train && parts.test == expected.test)
        let hundred = try ImageFolderIndex(
            paths: (0..<100).map { String(format: "c/%03d.png", $0) }, root: "", classNames: [], dataset: "d", file: "f")
        let big = hundred.partition(seed: 7, testCount: 20, excluded: [])
        let expectedBig = try facts().partition100seed7test20
        #expect(big.train == expectedBig.train && big.test == expectedBig.test)
        let withoutOne = index.partition(seed: 2024, testCount: 4, excluded: [paths[0]])
        #expect(withoutOne.train.count + withoutOne.test.count == 11 && !(withoutOne.train + withoutOne.test).contains(0))
    }

    @Test func indexRejectsUnknownAndEmptyClasses() throws {
        let unknown = try #require(throws: DatasetError.self) {
            try ImageFolderIndex(paths: ["r/a/1.jpg", "r/z/2.jpg"], root: "r", classNames: ["a"], dataset: "d", file: "f.zip")
        }
        #expect(unknown.description == "d: f.zip: class folder of r/z/2.jpg: found \"z\", expected one of a")
        let empty = try #require(throws: DatasetError.self) {
            try ImageFolderIndex(paths: ["r/a/1.jpg", "r/b/notes.txt"], root: "r", classNames: ["a", "b"], dataset: "d", file: "f.zip")
        }
        #expect(empty.description == "d: f.zip: class folder r/b/: found no images, expected at least one image")
    }

    private struct MedicalSample: Decodable {
        struct Member: Decodable { let name: String; let pixelMD5: String; let pixelSum: Int }
        let members: [Member]
        let md5: String
    }

    /// The Medical MNIST sample (12 real JPEGs, 2 per class) read straight from its .tar.gz: with a
    /// JPEG decoder the pixels equal Pillow's decoding; without one the error says why.
    @Test func medicalMNISTSampleFromTarGz() throws {
        struct File: Decodable {
            let sample: MedicalSample
            enum CodingKeys: String, CodingKey { case sample = "medical-mnist-sample" }
        }
        let sample = try Fixtures.json(File.self, "datasets/samples.json").sample
        let entry = DatasetEntry(
            name: "medical-sample", title: "Medical MNIST sample", directory: "samples",
            files: [DatasetFile(name: "archive", acceptedNames: ["medical-mnist-sample.tar.gz"], md5: sample.md5, md5OfDecompressedContent: false, url: nil)],
            classNames: DatasetRegistry.medicalMNIST.classNames, channels: 1, height: 64, width: 64,
            splits: [DatasetSplit(kind: .train, count: 12, source: .archivedImageFolders(file: "archive", root: "resized", selection: .all))],
            licence: "", citation: "", homepage: nil)
        let locator = DataLocator(dataDirectory: Fixtures.url("datasets").path, environment: ["HOME": "/nonexistent"], allowDownloads: false)
        guard ImageSetLoader.decodesJPEG else {
            let error = try #require(throws: DatasetError.self) { try ImageSetLoader.load(entry: entry, split: .train, locator: locator) }
            #expect(error.description.contains("no JPEG decoder"))
            return
        }
        let loaded = try ImageSetLoader.load(entry: entry, split: .train, locator: locator)
        let members = sample.members.sorted { $0.name < $1.name }
        #expect(loaded.images.labels == members.map { DatasetRegistry.medicalMNIST.classNames.firstIndex(of: String($0.name.split(separator: "/")[1]))! })
        for (i, member) in members.enumerated() {
            let pixels = Data(loaded.images.image(i))
            #expect(MD5.hex(pixels) == member.pixelMD5, "\(member.name)")
            #expect(pixels.reduce(0) { $0 + Int($1) } == member.pixelSum)
        }
    }
}
