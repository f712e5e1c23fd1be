import Datasets
import Foundation
import Testing

/// The .gz fixtures were written by Python's gzip module; their raw twins sit beside them.
@Suite struct GzipTests {
    let images: Data
    let imagesGz: Data
    let labels: Data
    let labelsGz: Data

    init() throws {
        images = try SampleFixture.bytes("train-images-idx3-ubyte")
        imagesGz = try SampleFixture.bytes("train-images-idx3-ubyte.gz")
        labels = try SampleFixture.bytes("train-labels-idx1-ubyte")
        labelsGz = try SampleFixture.bytes("train-labels-idx1-ubyte.gz")
    }

    @Test func decompressesPythonGzip() throws {
        #expect(Gzip.isGzip(imagesGz))
        #expect(!Gzip.isGzip(images))
        #expect(try Gzip.decompress(imagesGz, file: "a.gz") == images)
        #expect(try Gzip.decompress(labelsGz, file: "b.gz") == labels)
    }

    /// `cat a.gz b.gz` is a valid gzip file whose content is `cat a b` (RFC 1952 §2.2 members).
    @Test func concatenatedMembers() throws {
        #expect(try Gzip.decompress(imagesGz + labelsGz, file: "ab.gz") == images + labels)
        #expect(try Gzip.decompress(labelsGz + imagesGz + labelsGz, file: "bab.gz") == labels + images + labels)
    }

    /// gzip(1) ignores zero padding after the last member (tape blocks); so do we.
    @Test func trailingZerosAreIgnored() throws {
        #expect(try Gzip.decompress(labelsGz + Data(count: 100), file: "padded.gz") == labels)
    }

    @Test func truncatedInputNamesFileAndOffset() throws {
        let cut = imagesGz.count / 2
        let error = try #require(throws: DatasetError.self) {
            try Gzip.decompress(imagesGz.prefix(cut), file: "train-images-idx3-ubyte.gz")
        }
        guard case let .malformed(file, _, offset, found, _) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(file == "train-images-idx3-ubyte.gz")
        #expect(offset == cut)
        #expect(found == "end of input")
        #expect(!error.description.contains("\n"))
        #expect(error.description.contains("train-images-idx3-ubyte.gz"))
        #expect(error.description.contains("byte \(cut)"))
    }

    /// Cutting off only the 8-byte trailer (CRC32 + size) is truncation too.
    @Test func missingTrailerIsTruncation() throws {
        let error = try #require(throws: DatasetError.self) {
            try Gzip.decompress(labelsGz.dropLast(8), file: "l.gz")
        }
        guard case let .malformed(_, _, offset, found, _) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(offset == labelsGz.count - 8)
        #expect(found == "end of input")
    }

    /// A flipped bit in the CRC32 trailer is detected by zlib ("incorrect data check"), at the trailer.
    @Test func corruptChecksumIsReported() throws {
        var corrupt = imagesGz
        corrupt[corrupt.count - 6] ^= 0x01  // inside the CRC32 (bytes -8..<-4)
        let error = try #require(throws: DatasetError.self) {
            try Gzip.decompress(corrupt, file: "c.gz")
        }
        guard case let .malformed(file, field, offset, found, _) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(file == "c.gz")
        #expect(field == "gzip stream")
        #expect(found.contains("incorrect data check"))
        #expect(offset > imagesGz.count - 16 && offset <= imagesGz.count)
    }

    /// A second "member" that is not gzip: zlib rejects its header at the offset where it starts.
    @Test func garbageAfterAMemberIsReportedWhereItStarts() throws {
        let error = try #require(throws: DatasetError.self) {
            try Gzip.decompress(labelsGz + Data("not gzip".utf8), file: "g.gz")
        }
        guard case let .malformed(_, _, offset, found, _) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(offset >= labelsGz.count && offset <= labelsGz.count + 2)
        #expect(found.hasPrefix("corrupt data"))
    }

    @Test func emptyInputIsAnError() throws {
        let error = try #require(throws: DatasetError.self) { try Gzip.decompress(Data(), file: "e.gz") }
        #expect(error.description.hasPrefix("e.gz:"))
    }

    /// The 12,560-byte images file must not fit under a 12,000-byte cap.
    @Test func outputCapIsEnforced() throws {
        let error = try #require(throws: DatasetError.self) {
            try Gzip.decompress(imagesGz, file: "big.gz", limit: 12_000)
        }
        guard case let .malformed(_, field, _, _, expected) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(field == "decompressed size")
        #expect(expected == "at most 12000 bytes")
        #expect(try Gzip.decompress(imagesGz, file: "big.gz", limit: images.count) == images)
    }
}
