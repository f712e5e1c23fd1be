#if canImport(CJPEG)
import CJPEG
import Foundation

/// JPEG decoding through libjpeg-turbo's TurboJPEG API, whose functions return an error code
/// instead of calling `exit` or `longjmp` through Swift frames (libjpeg's own error manager cannot
/// be used safely from Swift). It decodes with libjpeg's defaults, the accurate integer IDCT and
/// fancy upsampling, as Pillow does.
public enum JPEG {
    /// The largest image accepted (64 megapixels): larger declared sizes are refused before allocating.
    public static let maximumPixels = 64 << 20

    /// A decoder handle, reusable for many images on one thread.
    public final class Decoder {
        private let handle: tjhandle

        /// - Throws: `DatasetError.unsupported` if TurboJPEG cannot allocate a decoder.
        public init() throws {
            guard let handle = tjInitDecompress() else {
                throw DatasetError.unsupported(dataset: "-", file: "-", reason: "TurboJPEG could not create a decoder")
            }
            self.handle = handle
        }

        deinit { tjDestroy(handle) }

        /// Decodes `data` to 8-bit pixels with `channels` channels (1 grey, 3 RGB), interleaved HWC.
        /// - Throws: `DatasetError.malformed` naming `file` for data TurboJPEG rejects or a size over
        ///   `maximumPixels`.
        public func decode(_ data: Data, channels: Int, file: String) throws -> (width: Int, height: Int, pixels: [UInt8]) {
            precondition(channels == 1 || channels == 3, "JPEG.decode: channels must be 1 or 3")
            return try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self), raw.count > 0 else {
                    throw DatasetError.malformed(file: file, field: "JPEG header", offset: 0, found: "an empty file", expected: "JPEG data")
                }
                var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colorspace: Int32 = 0
                if tjDecompressHeader3(handle, base, UInt(raw.count), &width, &height, &subsampling, &colorspace) != 0 {
                    throw DatasetError.malformed(
                        file: file, field: "JPEG header", offset: 0, found: message(), expected: "a baseline or progressive JPEG")
                }
                let pixelCount = Int(width) * Int(height)
                guard width > 0, height > 0, pixelCount <= maximumPixels else {
                    throw DatasetError.malformed(
                        file: file, field: "JPEG dimensions", offset: 0, found: "\(width) x \(height)",
                        expected: "at most \(maximumPixels) pixels")
                }
                var pixels = [UInt8](repeating: 0, count: pixelCount * channels)
                let format = channels == 1 ? TJPF_GRAY : TJPF_RGB
                let status = pixels.withUnsafeMutableBufferPointer { out in
                    tjDecompress2(handle, base, UInt(raw.count), out.baseAddress, width, 0, height, Int32(format.rawValue), 0)
                }
                // A warning (e.g. premature end of data) still returns -1 with TJERR_WARNING: treat as corrupt.
                if status != 0 {
                    throw DatasetError.malformed(
                        file: file, field: "JPEG data", offset: 0, found: message(), expected: "a complete, valid JPEG")
                }
                return (Int(width), Int(height), pixels)
            }
        }

        private func message() -> String {
            tjGetErrorStr2(handle).map { String(cString: $0) } ?? "an unknown TurboJPEG error"
        }
    }
}
#endif
