import Foundation

/// Bounds-checked little-endian reads from a file's bytes; every failure is a `DatasetError`
/// naming the file, the field and the offset.
struct ByteReader {
    let data: Data
    let file: String

    private func bytes(_ offset: Int, _ count: Int, _ field: String) throws -> Int {
        guard offset >= 0, offset <= data.count - count else {
            throw DatasetError.malformed(
                file: file, field: field, offset: max(0, offset), found: "end of file (\(data.count) bytes)",
                expected: "\(count) more bytes")
        }
        return data.startIndex + offset
    }

    func u16(_ offset: Int, _ field: String) throws -> UInt16 {
        let i = try bytes(offset, 2, field)
        return UInt16(data[i]) | UInt16(data[i + 1]) << 8
    }

    func u32(_ offset: Int, _ field: String) throws -> UInt32 {
        let i = try bytes(offset, 4, field)
        return (0..<4).reduce(0) { $0 | UInt32(data[i + $1]) << (8 * UInt32($1)) }
    }

    func u64(_ offset: Int, _ field: String) throws -> UInt64 {
        let i = try bytes(offset, 8, field)
        return (0..<8).reduce(0) { $0 | UInt64(data[i + $1]) << (8 * UInt64($1)) }
    }

    /// A 64-bit size or offset as an `Int` no larger than the file.
    func offset(_ value: UInt64, _ field: String, at position: Int) throws -> Int {
        guard value <= UInt64(data.count) else {
            throw DatasetError.malformed(
                file: file, field: field, offset: position, found: "\(value)", expected: "at most the file size \(data.count)")
        }
        return Int(value)
    }

    /// `length` bytes at `offset` as UTF-8 (invalid sequences repaired).
    func string(_ offset: Int, length: Int, _ field: String) throws -> String {
        let i = try bytes(offset, length, field)
        return String(decoding: data[i..<(i + length)], as: UTF8.self)
    }
}
