import CZlibSys
import Foundation

/// gzip decompression through the system zlib.
public enum Gzip {
    /// The default cap on the decompressed size (4 GiB): larger outputs are refused, not allocated.
    public static let defaultLimit = 4 << 30

    /// Whether `data` starts with the gzip magic bytes 0x1f 0x8b.
    public static func isGzip(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b
    }

    /// Decompresses gzip (or zlib) data, including several concatenated gzip members
    /// (as `gzip -d` does). Trailing zero bytes after the last member are ignored, as gzip(1) does.
    ///
    /// - Parameters:
    ///   - file: the name used in error messages.
    ///   - limit: the largest decompressed size accepted; checked while inflating.
    /// - Throws: `DatasetError.malformed` naming `file` and the compressed byte offset where the
    ///   stream is corrupt or ends early, or where the output passed `limit`.
    public static func decompress(_ data: Data, file: String, limit: Int = defaultLimit) throws -> Data {
        if data.isEmpty {
            throw DatasetError.malformed(
                file: file, field: "gzip header", offset: 0, found: "an empty file", expected: "gzip data")
        }
        var stream = z_stream()
        let initStatus = inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard initStatus == Z_OK else {
            throw DatasetError.malformed(
                file: file, field: "zlib initialisation", offset: 0, found: "status \(initStatus)", expected: "Z_OK")
        }
        defer { inflateEnd(&stream) }

        var output = Data()
        output.reserveCapacity(capacityHint(data, limit: limit))
        let chunkSize = 1 << 20
        let chunk = UnsafeMutablePointer<Bytef>.allocate(capacity: chunkSize)
        defer { chunk.deallocate() }

        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let base = raw.bindMemory(to: Bytef.self).baseAddress!
            let total = raw.count
            var position = 0  // offset of stream.next_in in `data`
            // avail_in is 32-bit: feed at most 1 GiB at a time.
            func feed() {
                stream.next_in = UnsafeMutablePointer(mutating: base + position)
                stream.avail_in = uInt(min(total - position, 1 << 30))
            }
            feed()
            while true {
                if stream.avail_in == 0 && position < total { feed() }
                stream.next_out = chunk
                stream.avail_out = uInt(chunkSize)
                let before = position
                let status = inflate(&stream, Z_NO_FLUSH)
                position = base.distance(to: stream.next_in)
                let produced = chunkSize - Int(stream.avail_out)
                if produced > 0 {
                    if output.count + produced > limit {
                        throw DatasetError.malformed(
                            file: file, field: "decompressed size", offset: position,
                            found: "more than \(limit) bytes", expected: "at most \(limit) bytes")
                    }
                    output.append(chunk, count: produced)
                }
                switch status {
                case Z_STREAM_END:
                    if position == total || raw[position...].allSatisfy({ $0 == 0 }) { return }
                    inflateReset(&stream)  // another gzip member follows
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0 && position >= total:
                    throw DatasetError.malformed(
                        file: file, field: "gzip stream", offset: position, found: "end of input",
                        expected: "more compressed data (the file is truncated)")
                case Z_BUF_ERROR where produced > 0 || position > before:
                    continue
                default:
                    let reason = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                    throw DatasetError.malformed(
                        file: file, field: "gzip stream", offset: position, found: "corrupt data (\(reason))",
                        expected: "a valid deflate stream")
                }
            }
        }
        return output
    }

    /// The gzip trailer's ISIZE (size mod 2^32 of the last member) is a good first guess.
    private static func capacityHint(_ data: Data, limit: Int) -> Int {
        guard data.count >= 18 else { return 1 << 16 }
        var size = 0
        for i in 0..<4 { size |= Int(data[data.endIndex - 4 + i]) << (8 * i) }
        let fallback = min(data.count.multipliedReportingOverflow(by: 4).partialValue, 1 << 28)
        return size > 0 && size <= limit && size >= data.count / 2 ? size : min(fallback, limit)
    }
}
