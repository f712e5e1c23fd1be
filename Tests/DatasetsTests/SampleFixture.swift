import Datasets
import Foundation
import TestSupport

/// `fixtures/datasets/mnist-sample.json`: what numpy/hashlib computed from the first MNIST images
/// (written by `fixtures/generators/pil_resize_goldens.py`, which also cut the IDX files).
struct SampleFixture: Decodable {
    struct Split: Decodable {
        let count: Int
        let labels: [Int]
        let pixelSums: [Int]
        let md5: [String: String]
    }
    let splits: [String: Split]

    static func load() throws -> SampleFixture {
        try Fixtures.json(SampleFixture.self, "datasets/mnist-sample.json")
    }

    /// The folder holding the sample's IDX files (`fixtures/datasets/mnist-sample`).
    static var directory: URL { Fixtures.url("datasets/mnist-sample") }

    static func bytes(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    /// A registry entry for the sample, shaped like `DatasetRegistry.mnist` (16 train, 8 test),
    /// with the md5s hashlib computed. `gzipFirst` picks which accepted name is preferred.
    func entry(gzipFirst: Bool = true, trainCount: Int? = nil, trainImagesMD5: String? = nil) -> DatasetEntry {
        func file(_ name: String, _ stem: String, _ md5: String) -> DatasetFile {
            DatasetFile(name: name, acceptedNames: gzipFirst ? [stem + ".gz", stem] : [stem, stem + ".gz"], md5: md5, url: nil)
        }
        let train = splits["train"]!, test = splits["t10k"]!
        return DatasetEntry(
            name: "mnist-sample", title: "first MNIST images", directory: "mnist-sample",
            files: [
                file("train-images", "train-images-idx3-ubyte", trainImagesMD5 ?? train.md5["train-images-idx3-ubyte"]!),
                file("train-labels", "train-labels-idx1-ubyte", train.md5["train-labels-idx1-ubyte"]!),
                file("test-images", "t10k-images-idx3-ubyte", test.md5["t10k-images-idx3-ubyte"]!),
                file("test-labels", "t10k-labels-idx1-ubyte", test.md5["t10k-labels-idx1-ubyte"]!),
            ],
            classNames: (0...9).map(String.init), channels: 1, height: 28, width: 28,
            splits: [
                DatasetSplit(kind: .train, count: trainCount ?? train.count, source: .idx(images: "train-images", labels: "train-labels")),
                DatasetSplit(kind: .test, count: test.count, source: .idx(images: "test-images", labels: "test-labels")),
            ],
            licence: DatasetRegistry.mnist.licence, citation: DatasetRegistry.mnist.citation, homepage: nil)
    }
}

/// A fresh folder under the system temporary directory, removed by `remove()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("qreport-datasets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ data: Data, to relativePath: String) throws -> URL {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file
    }

    /// Every file below the folder, as paths relative to it.
    func contents() -> [String] {
        let base = url.resolvingSymlinksInPath().path
        let enumerator = FileManager.default.enumerator(atPath: base)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
