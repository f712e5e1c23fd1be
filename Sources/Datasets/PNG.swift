#if canImport(CPNG)
import CPNG
import Foundation

/// PNG decoding through libpng's simplified API (`png_image_begin_read_from_memory`,
/// `png_image_finish_read`), which reports errors in its `png_image` instead of `longjmp`ing
/// through Swift frames.
///
/// Every PNG kind is read: grey, grey+alpha, RGB, RGBA, palette (with or without transparency),
/// 1/2/4/8/16-bit. The result is what Pillow's `Image.open(f).convert("L")` / `.convert("RGB")`
/// gives (torchvision's image-folder loader calls the latter): libpng expands the file to 8-bit
/// grey, grey+alpha, RGB or RGBA (never compositing alpha), then alpha is dropped and grey and RGB
/// are converted with `ColorConversion`, Pillow's formulas. Two differences remain, both rare in
/// datasets: 16-bit samples are scaled `round(v * 255 / 65535)` where Pillow keeps the high byte
/// (at most 1 grey level apart), and libpng applies a `gAMA` chunk that is far from sRGB's 1/2.2,
/// which Pillow ignores.
public enum PNG {
    /// The largest image accepted (64 megapixels): larger declared sizes are refused before allocating.
    public static let maximumPixels = 64 << 20

    /// Decodes `data` to 8-bit pixels with `channels` channels (1 grey, 3 RGB), interleaved HWC.
    /// - Throws: `DatasetError.malformed` naming `file` for data libpng rejects (bad signature,
    ///   truncation, corrupt compressed data) or a size over `maximumPixels`.
    public static func decode(_ data: Data, channels: Int, file: String) throws -> (width: Int, height: Int, pixels: [UInt8]) {
        precondition(channels == 1 || channels == 3, "PNG.decode: channels must be 1 or 3")
        return try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress, raw.count > 0 else {
                throw DatasetError.malformed(file: file, field: "PNG signature", offset: 0, found: "an empty file", expected: "PNG data")
            }
            var image = png_image()
            image.version = UInt32(PNG_IMAGE_VERSION)
            defer { png_image_free(&image) }
            guard png_image_begin_read_from_memory(&image, base, raw.count) != 0 else {
                throw DatasetError.malformed(
                    file: file, field: "PNG header", offset: 0, found: message(of: &image), expected: "a valid PNG signature and IHDR")
            }
            let width = Int(image.width), height = Int(image.height)
            guard width > 0, height > 0, width <= maximumPixels, height <= maximumPixels, width * height <= maximumPixels else {
                throw DatasetError.malformed(
                    file: file, field: "PNG dimensions", offset: 16, found: "\(width) x \(height)",
                    expected: "at most \(maximumPixels) pixels")
            }
            // The file's own colour type and alpha, 8 bits a sample, no palette: libpng expands and
            // never composites; a 16-bit file's samples are taken as sRGB-encoded and scaled.
            let keep = UInt32(PNG_FORMAT_FLAG_COLOR) | UInt32(PNG_FORMAT_FLAG_ALPHA)
            image.format = image.format & keep
            image.flags |= UInt32(PNG_IMAGE_FLAG_16BIT_sRGB)
            let components = (image.format & UInt32(PNG_FORMAT_FLAG_COLOR) != 0 ? 3 : 1)
                + (image.format & UInt32(PNG_FORMAT_FLAG_ALPHA) != 0 ? 1 : 0)
            var decoded = [UInt8](repeating: 0, count: width * height * components)
            let finished = decoded.withUnsafeMutableBytes { out in
                png_image_finish_read(&image, nil, out.baseAddress, Int32(width * components), nil)
            }
            guard finished != 0 else {
                throw DatasetError.malformed(
                    file: file, field: "PNG data", offset: 0, found: message(of: &image), expected: "a complete, valid PNG")
            }
            return (width, height, ColorConversion.convert(decoded, components: components, to: channels))
        }
    }

    /// libpng's message for the last warning or error.
    private static func message(of image: inout png_image) -> String {
        let text = withUnsafeBytes(of: &image.message) { bytes -> String in
            let characters = bytes.prefix { $0 != 0 }
            return String(decoding: characters, as: UTF8.self)
        }
        return text.isEmpty ? "data libpng rejects" : "\"\(text)\""
    }
}
#endif
