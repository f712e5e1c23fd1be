import Datasets
import Foundation
import Testing
import TestSupport

/// `fixtures/datasets/png.json` (from `fixtures/generators/pil_png_samples.py`): what Pillow 13's
/// `Image.open(f).convert("L")` / `.convert("RGB")` yield for small PNGs of every kind.
struct PNGGoldens: Decodable {
    struct File: Decodable {
        let width: Int
        let height: Int
        let mode: String
        let gray: [UInt8]
        let rgb: [UInt8]
        let pillowRGB: [UInt8]?
        let pillowGray: [UInt8]?
    }
    let pillow: String
    let files: [String: File]

    static let shared: PNGGoldens = try! Fixtures.json(PNGGoldens.self, "datasets/png.json")

    static func bytes(_ name: String) throws -> Data {
        try Data(contentsOf: Fixtures.url("datasets/png/\(name).png"))
    }
}

#if canImport(CPNG)
@Suite struct PNGTests {
    @Test func goldensCoverEveryKind() {
        let modes = Set(PNGGoldens.shared.files.values.map(\.mode))
        #expect(PNGGoldens.shared.pillow == "13.0.0")
        #expect(modes == ["L", "LA", "RGB", "RGBA", "P", "1", "I;16"])
        #expect(PNGGoldens.shared.files.count == 13)
    }

    /// Every kind decodes to Pillow's grey and RGB values exactly (for 16-bit files: libpng's
    /// rounded scaling, checked below against Pillow within one level).
    @Test(arguments: PNGGoldens.shared.files.keys.sorted()) func decodesLikePillow(name: String) throws {
        let golden = try #require(PNGGoldens.shared.files[name])
        let data = try PNGGoldens.bytes(name)
        let grey = try PNG.decode(data, channels: 1, file: name)
        #expect(grey.width == golden.width && grey.height == golden.height)
        #expect(grey.pixels == golden.gray, "\(name) grey")
        let rgb = try PNG.decode(data, channels: 3, file: name)
        #expect(rgb.pixels == golden.rgb, "\(name) RGB")
        if let pillow = golden.pillowRGB {
            let worst = zip(rgb.pixels, pillow).map { abs(Int($0) - Int($1)) }.max() ?? 0
            #expect(worst <= Tolerance.pillowGreyLevels, "\(name): \(worst) levels from Pillow's high byte")
        }
    }

    @Test func brokenFilesAreRefusedWithTheFileName() throws {
        let good = try PNGGoldens.bytes("rgb8")
        func error(_ data: Data) throws -> DatasetError {
            try #require(throws: DatasetError.self) { try PNG.decode(data, channels: 3, file: "x/broken.png") }
        }
        #expect(try error(Data()).description == "x/broken.png: PNG signature at byte 0: found an empty file, expected PNG data")
        #expect(try error(Data("not a png at all".utf8)).description.hasPrefix("x/broken.png: PNG header at byte 0: found "))
        // Cut inside the image data: the header reads, the pixels do not.
        let truncated = try error(good.prefix(good.count - 30))
        #expect(truncated.description.hasPrefix("x/broken.png: PNG data at byte 0: found "), "\(truncated)")
        // A flipped bit in the compressed data fails the chunk CRC.
        var corrupt = good
        corrupt[corrupt.count - 25] ^= 0x40
        #expect(try error(corrupt).description.hasPrefix("x/broken.png: PNG"))
    }

    @Test func hugeDeclaredSizeIsRefusedBeforeAllocating() throws {
        // IHDR of a 20,000 x 20,000 RGB image (400 megapixels, within libpng's own 1,000,000-per-side
        // limit), then a 2-byte IDAT and IEND, all with correct CRCs.
        var ihdr = Data()
        for value: UInt32 in [20000, 20000] { withUnsafeBytes(of: value.bigEndian) { ihdr.append(contentsOf: $0) } }
        ihdr.append(contentsOf: [8, 2, 0, 0, 0])
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        for (kind, body) in [("IHDR", ihdr), ("IDAT", Data([0x78, 0x9C])), ("IEND", Data())] {
            let typed = Data(kind.utf8) + body
            withUnsafeBytes(of: UInt32(body.count).bigEndian) { png.append(contentsOf: $0) }
            png.append(typed)
            withUnsafeBytes(of: GzipFixture.crc32([UInt8](typed)).bigEndian) { png.append(contentsOf: $0) }
        }
        let error = try #require(throws: DatasetError.self) { try PNG.decode(png, channels: 3, file: "huge.png") }
        #expect(error.description == "huge.png: PNG dimensions at byte 16: found 20000 x 20000, expected at most 67108864 pixels")
    }
}

#endif
