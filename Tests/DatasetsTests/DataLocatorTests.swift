import Datasets
import Foundation
import Testing

@Suite struct DataLocatorTests {
    /// DESIGN.md's order: --data-dir, QREPORT_DATA, the XDG cache, then each QREPORT_MIRROR folder.
    @Test func rootsFollowTheDesignOrder() {
        let locator = DataLocator(
            dataDirectory: "/d",
            environment: ["QREPORT_DATA": "/e", "XDG_CACHE_HOME": "/xdg", "HOME": "/home/u", "QREPORT_MIRROR": "/m1:/m2"])
        #expect(locator.roots.map(\.url.path) == ["/d", "/e", "/xdg/qreport", "/m1", "/m2"])
        #expect(locator.roots.map(\.origin) == [.dataDirectory, .environment, .cache, .mirror, .mirror])
        #expect(locator.cacheRoot.path == "/xdg/qreport")
        #expect(locator.downloadsDisabledReason == nil)
    }

    /// Without XDG_CACHE_HOME (or with a relative one, which the XDG spec says to ignore) the cache
    /// is ~/.cache/qreport; `~` in --data-dir means $HOME.
    @Test func cacheFallsBackToHome() {
        let plain = DataLocator(dataDirectory: "~/data", environment: ["HOME": "/home/u"])
        #expect(plain.roots.map(\.url.path) == ["/home/u/data", "/home/u/.cache/qreport"])
        let relative = DataLocator(dataDirectory: nil, environment: ["HOME": "/home/u", "XDG_CACHE_HOME": "rel"])
        #expect(relative.cacheRoot.path == "/home/u/.cache/qreport")
    }

    @Test func offlineSwitches() {
        #expect(DataLocator(dataDirectory: nil, environment: ["HOME": "/h", "QREPORT_OFFLINE": "1"]).downloadsDisabledReason
            == "QREPORT_OFFLINE is set")
        #expect(DataLocator(dataDirectory: nil, environment: ["HOME": "/h", "QREPORT_OFFLINE": "0"]).downloadsDisabledReason == nil)
        #expect(DataLocator(dataDirectory: nil, environment: ["HOME": "/h"], allowDownloads: false).downloadsDisabledReason
            == "downloads are disabled")
    }

    /// The first root holding the file wins, and within a root the first accepted name.
    @Test func findsInOrder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let labels = try SampleFixture.bytes("train-labels-idx1-ubyte.gz")
        _ = try folder.write(labels, to: "mirror/mnist/train-labels-idx1-ubyte.gz")
        _ = try folder.write(labels, to: "cache/qreport/mnist/train-labels-idx1-ubyte")
        let file = try DatasetRegistry.mnist.file(named: "train-labels")
        let environment = ["HOME": folder.url.path, "XDG_CACHE_HOME": folder.url.path + "/cache",
                           "QREPORT_MIRROR": folder.url.path + "/mirror"]

        let locator = DataLocator(dataDirectory: nil, environment: environment, allowDownloads: false)
        let found = try #require(locator.findLocally(file, of: DatasetRegistry.mnist))
        #expect(found.origin == .cache)
        #expect(found.url.lastPathComponent == "train-labels-idx1-ubyte")

        _ = try folder.write(labels, to: "data/mnist/train-labels-idx1-ubyte.gz")
        let withData = DataLocator(dataDirectory: folder.url.path + "/data", environment: environment, allowDownloads: false)
        let preferred = try withData.locate(file, of: DatasetRegistry.mnist)
        #expect(preferred.origin == .dataDirectory)
        #expect(preferred.url.path == folder.url.path + "/data/mnist/train-labels-idx1-ubyte.gz")
    }

    /// Missing data: one line naming the dataset, the file, every folder searched, the URL, why
    /// nothing was downloaded, the md5 to expect and how to supply the file.
    @Test func notFoundErrorSaysWhereToPutTheFile() throws {
        let locator = DataLocator(dataDirectory: "/nonexistent/d", environment: ["HOME": "/nonexistent/h"], allowDownloads: false)
        let file = try DatasetRegistry.mnist.file(named: "train-images")
        let error = try #require(throws: DatasetError.self) { try locator.locate(file, of: DatasetRegistry.mnist) }
        #expect(error.description == "mnist: train-images-idx3-ubyte.gz (or train-images-idx3-ubyte) not found "
            + "(looked in: /nonexistent/d/mnist (--data-dir), /nonexistent/h/.cache/qreport/mnist (cache); "
            + "download from https://ossci-datasets.s3.amazonaws.com/mnist/train-images-idx3-ubyte.gz failed: "
            + "downloads are disabled). Put the file (md5 of decompressed content 6bbc9ace898e44ae57da46a324031adb) "
            + "in one of them, set QREPORT_DATA, or pass --data-dir")
    }

    /// Offline (no route to the canonical host) the download fails fast and the error says so.
    /// Only runs where the host does not resolve, so it never downloads anything.
    @Test(.enabled(if: !Self.canResolveMNISTHost())) func offlineDownloadFailsFast() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let locator = DataLocator(dataDirectory: nil, environment: ["HOME": folder.url.path])
        let file = try DatasetRegistry.mnist.file(named: "test-labels")
        let start = Date()
        let error = try #require(throws: DatasetError.self) { try locator.locate(file, of: DatasetRegistry.mnist) }
        #expect(Date().timeIntervalSince(start) < 20)
        guard case let .notFound(_, _, _, _, _, url, failure) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(url == "https://ossci-datasets.s3.amazonaws.com/mnist/t10k-labels-idx1-ubyte.gz")
        #expect(failure != nil)
        #expect(folder.contents().isEmpty, "no partial file may be left: \(folder.contents())")
    }

    static func canResolveMNISTHost() -> Bool {
        var result: UnsafeMutablePointer<addrinfo>?
        defer { if let result { freeaddrinfo(result) } }
        return getaddrinfo("ossci-datasets.s3.amazonaws.com", "443", nil, &result) == 0
    }

    @Test func verifyReportsEachFile() throws {
        let fixture = try SampleFixture.load()
        let entry = fixture.entry()
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // train images: a good .gz copy; train labels: the test labels under the wrong name;
        // test images: not gzip despite the name is fine (content is what counts); test labels: missing.
        _ = try folder.write(try SampleFixture.bytes("train-images-idx3-ubyte.gz"), to: "mnist-sample/train-images-idx3-ubyte.gz")
        _ = try folder.write(try SampleFixture.bytes("t10k-labels-idx1-ubyte"), to: "mnist-sample/train-labels-idx1-ubyte")
        _ = try folder.write(try SampleFixture.bytes("t10k-images-idx3-ubyte"), to: "mnist-sample/t10k-images-idx3-ubyte.gz")
        let locator = DataLocator(dataDirectory: folder.url.path, environment: ["HOME": folder.url.path], allowDownloads: false)
        let status = locator.verify(entry)
        #expect(status.map(\.file.name) == ["train-images", "train-labels", "test-images", "test-labels"])
        #expect(status[0].state == .verified)
        #expect(status[0].location?.origin == .dataDirectory)
        #expect(status[1].state == .checksumMismatch(actualMD5: fixture.splits["t10k"]!.md5["t10k-labels-idx1-ubyte"]!))
        #expect(status[2].state == .verified)
        guard case let .missing(searched) = status[3].state else {
            Issue.record("expected missing, got \(status[3].state)")
            return
        }
        #expect(searched.first == folder.url.path + "/mnist-sample (--data-dir)")
        #expect(status.allSatisfy { !$0.description.contains("\n") })
    }

    @Test func verifyReportsUnreadableGzip() throws {
        let entry = try SampleFixture.load().entry()
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let good = try SampleFixture.bytes("train-images-idx3-ubyte.gz")
        _ = try folder.write(good.prefix(100), to: "mnist-sample/train-images-idx3-ubyte.gz")
        let locator = DataLocator(dataDirectory: folder.url.path, environment: ["HOME": folder.url.path], allowDownloads: false)
        guard case let .unreadable(reason) = locator.verify(entry)[0].state else {
            Issue.record("expected unreadable")
            return
        }
        #expect(reason.contains("train-images-idx3-ubyte.gz: gzip stream at byte 100: found end of input"))
    }
}
