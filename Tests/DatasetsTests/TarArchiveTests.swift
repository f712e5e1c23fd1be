import Datasets
import Foundation
import Testing
import TestSupport

@Suite struct TarArchiveTests {
    /// The first two Medical MNIST JPEGs of each class, as Python's tarfile wrote them (ustar and
    /// pax): names, sizes and md5s of the member bytes from samples.json.
    @Test(arguments: ["medical-mnist-sample.tar.gz", "medical-mnist-sample-pax.tar.gz"])
    func readsRealSample(file: String) throws {
        let expected = try DatasetSamples.load().medicalMNIST.members
        let tarBytes = try Gzip.decompress(try DatasetSamples.bytes(file), file: file)
        let tar = try TarArchive(data: tarBytes, file: file)
        #expect(tar.members.map(\.name) == expected.map(\.name))
        #expect(tar.members.map(\.size) == expected.map(\.size))
        #expect(tar.members.map { MD5.hex(tar.content(of: $0)) } == expected.map(\.md5))
        #expect(tar.members.allSatisfy { tar.content(of: $0).prefix(2) == Data([0xFF, 0xD8]) })  // JPEG SOI
    }

    private func error(_ data: Data) throws -> String {
        try #require(throws: DatasetError.self) { _ = try TarArchive(data: data, file: "t.tar") }.description
    }

    @Test func handMadeArchive() throws {
        let tar = try TarArchive(data: ArchiveFixture.tar([("a/b", [1, 2, 3], nil), ("c", [], nil)]), file: "t.tar")
        #expect(tar.members.map(\.name) == ["a/b", "c"])
        #expect(tar.content(of: tar.members[0]) == Data([1, 2, 3]))
    }

    @Test func hostileArchivesAreRefused() throws {
        for name in ["../x", "a/../../x", "/abs"] {
            let message = try error(ArchiveFixture.tar([(name, [1], nil)]))
            #expect(message.contains("member name at byte 0"), "\(message)")
        }
        let oversized = try error(ArchiveFixture.tar([("big", [1, 2], 1 << 30)]))
        #expect(oversized.contains("tar entry size at byte 124: found 1073741824 bytes, expected at most the 1536 bytes left"), "\(oversized)")
        var badSum = ArchiveFixture.tar([("a", [1], nil)])
        badSum[10] = 0x41
        #expect(try error(badSum).contains("tar header checksum at byte 148"))
        let good = ArchiveFixture.tar([("a", [1], nil)])
        // Cut inside the first header.
        #expect(try error(good.prefix(300)).contains("t.tar: tar header at byte 0: found 300 trailing bytes"))
        // Cut inside the member's data: its declared size runs past the end.
        #expect(try error(good.prefix(512)).contains("tar entry size at byte 124: found 1 bytes"))
    }
}
