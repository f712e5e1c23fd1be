import Datasets
import Foundation
import Testing

@Suite struct IDXTests {
    /// Decoded values agree with what numpy computed from the same bytes (labels, pixel sums).
    @Test func decodesTheMNISTSample() throws {
        let fixture = try SampleFixture.load()
        for (prefix, key) in [("train", "train"), ("t10k", "t10k")] {
            let split = try #require(fixture.splits[key])
            let images = try IDX.decode(try SampleFixture.bytes("\(prefix)-images-idx3-ubyte"), file: "images")
            let labels = try IDX.decode(try SampleFixture.bytes("\(prefix)-labels-idx1-ubyte"), file: "labels")
            #expect(images.dimensions == [split.count, 28, 28])
            #expect(labels.dimensions == [split.count])
            #expect(labels.values.map(Int.init) == split.labels)
            let sums = (0..<split.count).map { i in images.values[(i * 784)..<((i + 1) * 784)].reduce(0) { $0 + Int($1) } }
            #expect(sums == split.pixelSums)
        }
    }

    /// A 2 x 3 array built by hand: header 00 00 08 02 | 00 00 00 02 | 00 00 00 03, then 6 bytes.
    @Test func decodesAHandMadeArray() throws {
        let data = Data([0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 255])
        let array = try IDX.decode(data, file: "hand")
        #expect(array.dimensions == [2, 3])
        #expect(array.values == [1, 2, 3, 4, 5, 255])
    }

    /// The decoder works on a slice whose indices do not start at 0.
    @Test func decodesADataSlice() throws {
        let data = Data([9, 9, 0, 0, 8, 1, 0, 0, 0, 2, 7, 8]).dropFirst(2)
        #expect(try IDX.decode(data, file: "slice") == IDXArray(dimensions: [2], values: [7, 8]))
    }

    func failure(_ data: Data) throws -> (String, Int, String, String, DatasetError) {
        let error = try #require(throws: DatasetError.self) { try IDX.decode(data, file: "x-idx3-ubyte") }
        guard case let .malformed(file, field, offset, found, expected) = error else {
            Issue.record("unexpected \(error)")
            return ("", -1, "", "", error)
        }
        #expect(file == "x-idx3-ubyte")
        #expect(!error.description.contains("\n"))
        #expect(error.description.contains("x-idx3-ubyte"))
        return (field, offset, found, expected, error)
    }

    @Test func wrongMagic() throws {
        // A PNG signature instead of an IDX header.
        let (field, offset, found, _, _) = try failure(Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0]))
        #expect(field == "IDX magic")
        #expect(offset == 0)
        #expect(found == "0x89 0x50 0x4E 0x47")
    }

    @Test func otherElementTypesAreRefused() throws {
        let (field, offset, found, expected, _) = try failure(Data([0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0]))
        #expect(field == "IDX element type")
        #expect(offset == 2)
        #expect(found == "0x0D (float32)")
        #expect(expected == "0x08 (unsigned byte)")
    }

    @Test func truncatedHeader() throws {
        let (field, offset, _, expected, _) = try failure(Data([0, 0, 8, 3, 0, 0, 0, 1, 0, 0]))
        #expect(field == "IDX dimension sizes")
        #expect(offset == 4)
        #expect(expected == "a 16-byte header for 3 dimensions")
    }

    /// The real sample with its last image cut off.
    @Test func truncatedData() throws {
        let full = try SampleFixture.bytes("train-images-idx3-ubyte")
        let (field, offset, found, expected, _) = try failure(full.prefix(full.count - 784))
        #expect(field == "IDX data")
        #expect(offset == 16)
        #expect(found == "only \(15 * 784) bytes of data")
        #expect(expected == "\(16 * 784) bytes (16 x 28 x 28)")
    }

    @Test func trailingBytesAreAnError() throws {
        let full = try SampleFixture.bytes("train-labels-idx1-ubyte")
        let (field, _, found, expected, _) = try failure(full + Data([1]))
        #expect(field == "IDX data")
        #expect(found == "17 bytes of data")
        #expect(expected == "16 bytes (16)")
    }

    /// Declared counts far beyond the data (up to 2^32-1 per dimension, whose product overflows
    /// Int) are refused from the header alone, before anything is allocated.
    @Test func oversizedDeclaredCount() throws {
        let sample = try SampleFixture.bytes("train-images-idx3-ubyte")
        var huge = sample
        huge.replaceSubrange(4..<8, with: [0x00, 0x0F, 0x42, 0x40])  // 1,000,000 images
        let (_, _, found, expected, _) = try failure(huge)
        #expect(found == "only \(16 * 784) bytes of data")
        #expect(expected == "\(1_000_000 * 784) bytes (1000000 x 28 x 28)")

        var overflowing = sample
        overflowing.replaceSubrange(4..<16, with: [UInt8](repeating: 0xFF, count: 12))
        let (field, _, _, overflowExpected, _) = try failure(overflowing)
        #expect(field == "IDX data")
        #expect(overflowExpected.contains("4294967295 x 4294967295 x 4294967295"))
    }
}
