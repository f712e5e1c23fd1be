#if canImport(CJPEG)
import Foundation

/// Decodes the image files of image-folder datasets, JPEG or PNG, told apart by their signature
/// (not their name), to interleaved 8-bit pixels. One per thread: it holds a TurboJPEG handle.
final class ImageDecoder {
    private let jpeg: JPEG.Decoder

    /// - Throws: `DatasetError.unsupported` if TurboJPEG cannot allocate a decoder.
    init() throws {
        jpeg = try JPEG.Decoder()
    }

    /// Decodes `data` to `channels` (1 grey, 3 RGB) interleaved channels.
    /// - Throws: the decoder's `DatasetError.malformed` naming `file`.
    func decode(_ data: Data, channels: Int, file: String) throws -> (width: Int, height: Int, pixels: [UInt8]) {
        if data.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            #if canImport(CPNG)
            return try PNG.decode(data, channels: channels, file: file)
            #else
            throw DatasetError.unsupported(dataset: "-", file: file, reason: "PNG decoding needs the CPNG system-library target")
            #endif
        }
        return try jpeg.decode(data, channels: channels, file: file)
    }
}
#endif
