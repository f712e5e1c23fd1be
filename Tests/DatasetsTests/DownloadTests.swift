import Datasets
import Foundation
import Testing

/// Downloads against a loopback HTTP server serving the committed sample files.
@Suite struct DownloadTests {
    func entry(url: URL?, md5: String) -> DatasetEntry {
        DatasetEntry(
            name: "mnist-sample", title: "t", directory: "mnist-sample",
            files: [DatasetFile(name: "train-labels", acceptedNames: ["train-labels-idx1-ubyte.gz", "train-labels-idx1-ubyte"],
                                md5: md5, url: url)],
            classNames: [], channels: 1, height: 28, width: 28, splits: [], licence: "", citation: "", homepage: nil)
    }

    @Test func downloadsIntoTheCacheAndVerifies() throws {
        let fixture = try SampleFixture.load()
        let gz = try SampleFixture.bytes("train-labels-idx1-ubyte.gz")
        let md5 = fixture.splits["train"]!.md5["train-labels-idx1-ubyte"]!
        let server = try LoopbackHTTPServer(routes: ["/mnist/train-labels-idx1-ubyte.gz": gz])
        defer { server.stop() }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let locator = DataLocator(dataDirectory: nil, environment: ["HOME": folder.url.path, "XDG_CACHE_HOME": folder.url.path + "/c"])
        let entry = entry(url: server.url("/mnist/train-labels-idx1-ubyte.gz"), md5: md5)

        let located = try locator.locate(entry.files[0], of: entry)
        #expect(located.origin == .download)
        #expect(located.url.path == folder.url.path + "/c/qreport/mnist-sample/train-labels-idx1-ubyte.gz")
        #expect(try Data(contentsOf: located.url) == gz)
        #expect(folder.contents() == ["c/qreport/mnist-sample/train-labels-idx1-ubyte.gz"])
        // Found in the cache the second time.
        #expect(try locator.locate(entry.files[0], of: entry).origin == .cache)
    }

    /// A download whose content has the wrong md5 is discarded: nothing is left in the cache.
    @Test func wrongChecksumLeavesNothing() throws {
        let gz = try SampleFixture.bytes("train-labels-idx1-ubyte.gz")
        let server = try LoopbackHTTPServer(routes: ["/l.gz": gz])
        defer { server.stop() }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let locator = DataLocator(dataDirectory: nil, environment: ["HOME": folder.url.path])
        let entry = entry(url: server.url("/l.gz"), md5: "00000000000000000000000000000000")
        let error = try #require(throws: DatasetError.self) { try locator.locate(entry.files[0], of: entry) }
        guard case let .notFound(_, _, _, _, _, _, failure) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(failure?.contains("expected 00000000000000000000000000000000") == true)
        #expect(folder.contents().isEmpty, "left behind: \(folder.contents())")
    }

    @Test func httpErrorsAreReported() throws {
        let server = try LoopbackHTTPServer(routes: [:])
        defer { server.stop() }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let locator = DataLocator(dataDirectory: nil, environment: ["HOME": folder.url.path])
        let entry = entry(url: server.url("/missing.gz"), md5: "00000000000000000000000000000000")
        let error = try #require(throws: DatasetError.self) { try locator.locate(entry.files[0], of: entry) }
        #expect(error.description.contains("failed: HTTP status 404, expected 200"))
        #expect(folder.contents().isEmpty, "left behind: \(folder.contents())")
    }
}
