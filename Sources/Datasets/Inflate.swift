import CZlibSys
import Foundation

/// Raw deflate (RFC 1951, no zlib or gzip wrapper) through the system zlib, for zip members.
enum Inflate {
    /// The most a deflate stream can expand: 258-byte matches coded in 1 bit each give a ratio
    /// just under 1032:1, so a declared size beyond this cannot be honest.
    static let maximumRatio = 1032

    /// Inflates `input` (the raw deflate stream of a zip member) into exactly `size` bytes.
    ///
    /// - Parameters:
    ///   - file: the name used in error messages (`archive.zip: member.npy`).
    ///   - offset: the byte offset of `input` in the archive, so errors point into the file.
    /// - Throws: `DatasetError.malformed` when the stream is corrupt, ends early, or does not
    ///   decompress to exactly `size` bytes.
    static func raw(_ input: UnsafeRawBufferPointer, size: Int, file: String, offset: Int) throws -> Data {
        var stream = z_stream()
        let initStatus = inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard initStatus == Z_OK else {
            throw DatasetError.malformed(
                file: file, field: "zlib initialisation", offset: offset, found: "status \(initStatus)", expected: "Z_OK")
        }
        defer { inflateEnd(&stream) }
        var output = Data(count: size)
        let status: Int32 = output.withUnsafeMutableBytes { (out: UnsafeMutableRawBufferPointer) -> Int32 in
            guard let inBase = input.baseAddress else { return Z_BUF_ERROR }
            stream.next_in = UnsafeMutablePointer(mutating: inBase.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            // One extra byte of room shows whether the stream would produce more than `size`.
            var spare: Bytef = 0
            var status: Int32 = Z_OK
            if let outBase = out.baseAddress, size > 0 {
                stream.next_out = outBase.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(size)
                status = inflate(&stream, Z_FINISH)
            }
            if status != Z_STREAM_END && stream.avail_out == 0 {
                withUnsafeMutablePointer(to: &spare) { pointer in
                    stream.next_out = pointer
                    stream.avail_out = 1
                    status = inflate(&stream, Z_FINISH)
                }
            }
            return status
        }
        let consumed = input.count - Int(stream.avail_in)
        let produced = Int(stream.total_out)
        switch status {
        case Z_STREAM_END where produced == size:
            return output
        case _ where produced > size, Z_STREAM_END:
            throw DatasetError.malformed(
                file: file, field: "deflate stream", offset: offset + consumed,
                found: "\(produced == size ? "more than" : "\(produced)") bytes", expected: "\(size) bytes (the declared size)")
        case Z_BUF_ERROR, Z_OK:
            throw DatasetError.malformed(
                file: file, field: "deflate stream", offset: offset + consumed, found: "end of data after \(produced) bytes",
                expected: "\(size) bytes (the member is truncated)")
        default:
            let reason = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
            throw DatasetError.malformed(
                file: file, field: "deflate stream", offset: offset + consumed, found: "corrupt data (\(reason))",
                expected: "a valid deflate stream")
        }
    }

    /// CRC-32 of `bytes` (the checksum zip and gzip use).
    static func crc32(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress else { return 0 }
        var crc: uLong = 0
        var position = 0
        // crc32's length is 32-bit: feed at most 1 GiB at a time.
        while position < bytes.count {
            let length = min(bytes.count - position, 1 << 30)
            crc = CZlibSys.crc32(crc, (base + position).assumingMemoryBound(to: Bytef.self), uInt(length))
            position += length
        }
        return UInt32(truncatingIfNeeded: crc)
    }
}
