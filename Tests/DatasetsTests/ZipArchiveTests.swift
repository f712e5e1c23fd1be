import Datasets
import Foundation
import Testing
import TestSupport

@Suite struct ZipArchiveTests {
    /// numpy's savez_compressed (deflated, zip64 extras in the local headers) and savez (stored):
    /// the member names numpy writes, decoded sizes from the npy headers.
    @Test func readsNumpyArchives() throws {
        for name in ["breastmnist-sample.npz", "retinamnist-sample.npz"] {
            let npz = try NPZ(data: try DatasetSamples.bytes(name), file: name)
            #expect(Set(npz.names) == ["train_images", "train_labels", "val_images", "val_labels", "test_images", "test_labels"])
            #expect(npz.archive.members.allSatisfy { $0.method == (name.hasPrefix("breast") ? 8 : 0) })
            #expect(try npz.array("val_labels").shape == [2, 1])
        }
    }

    @Test func storedMembersRoundTrip() throws {
        let zip = ArchiveFixture.zip([.init(name: "a/b.txt", content: Array("hello".utf8)), .init(name: "c", content: [])])
        let archive = try ZipArchive(data: zip, file: "t.zip")
        #expect(archive.members.map(\.name) == ["a/b.txt", "c"])
        #expect(try archive.extract(named: "a/b.txt") == Data("hello".utf8))
        #expect(try archive.extract(named: "c").isEmpty)
    }

    private func error(_ data: Data, member: String? = nil) throws -> String {
        let failure = try #require(throws: DatasetError.self) {
            let archive = try ZipArchive(data: data, file: "t.zip")
            _ = try archive.extract(named: member ?? archive.members[0].name)
        }
        return failure.description
    }

    @Test func unsafeNamesAreRefused() throws {
        for name in ["../evil", "a/../../evil", "/etc/passwd", "C:\\x", "a\\..\\b"] {
            let message = try error(ArchiveFixture.zip([.init(name: name, content: [1])]))
            #expect(message.contains("member name at byte"), "\(message)")
            #expect(message.contains("without \"..\""))
        }
    }

    @Test func hugeDeclaredSizesAreRefusedBeforeAllocating() throws {
        let stored = try error(ArchiveFixture.zip([.init(name: "x", content: [1, 2, 3], declaredSize: 0xFFFF_FFF0)]))
        #expect(stored.contains("uncompressed size") && stored.contains("4294967280"), "\(stored)")
        // Deflated: 3 bytes can never inflate to 1 MB (deflate's ratio is below 1032:1).
        let deflated = try error(ArchiveFixture.zip([.init(name: "x", content: [1, 2, 3], declaredSize: 1 << 20, method: 8)]))
        #expect(deflated.contains("at most 1032 times the 3 compressed bytes"), "\(deflated)")
    }

    @Test func brokenArchivesNameFileAndOffset() throws {
        let real = try DatasetSamples.bytes("breastmnist-sample.npz")
        #expect(try error(Data()).contains("t.zip: zip end of central directory at byte 0"))
        #expect(try error(Data(repeating: 7, count: 100)).contains("no end record"))
        // Cut off the end: no end-of-directory record left.
        #expect(try error(real.prefix(real.count / 2)).contains("zip end of central directory"))
        // One flipped byte in the first (deflated) member's data: zlib or the CRC notices.
        var corrupt = real
        corrupt[200] ^= 0xFF
        let message = try error(corrupt, member: "train_images.npy")
        #expect(message.hasPrefix("t.zip: train_images.npy: "), "\(message)")
        #expect(message.contains("deflate stream") || message.contains("crc-32"), "\(message)")
        // A method other than stored/deflated.
        let bzip = try error(ArchiveFixture.zip([.init(name: "x", content: [1], method: 12)]))
        #expect(bzip.contains("compression method at byte 8: found 12"), "\(bzip)")
        // A stored member whose CRC disagrees.
        var badCRC = ArchiveFixture.zip([.init(name: "x", content: [1, 2, 3])])
        badCRC[badCRC.count - 22 - 47 + 16 + 1] ^= 1  // the central directory's CRC (22-byte end record, 47-byte entry)
        #expect(try error(badCRC).contains("crc-32"))
        // Missing member.
        #expect(try error(ArchiveFixture.zip([.init(name: "x", content: [1])]), member: "y").contains("found no member y"))
    }
}
