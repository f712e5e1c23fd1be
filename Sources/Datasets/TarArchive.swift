import Foundation

/// A tar archive (POSIX ustar, with GNU long names and pax `path` records) read from memory,
/// e.g. the decompressed content of a `.tar.gz`. Only regular files are listed.
///
/// Member names that are absolute or climb out with `..` are refused, as are headers with a
/// bad checksum and entries whose declared size runs past the end of the archive.
public struct TarArchive: Sendable {
    /// One regular file in the archive.
    public struct Member: Sendable, Equatable {
        /// The path inside the archive (`resized/CXR/000001.jpeg`).
        public let name: String
        /// Offset of the member's data in the archive.
        public let offset: Int
        /// Bytes of data.
        public let size: Int
    }

    /// The archive's bytes.
    public let data: Data
    /// The name used in error messages.
    public let file: String
    /// The regular files, in archive order.
    public let members: [Member]

    /// Reads every header of `data`.
    /// - Throws: `DatasetError.malformed` naming `file`, the header's offset and the problem.
    public init(data: Data, file: String) throws {
        self.data = data
        self.file = file
        var members: [Member] = []
        var position = 0
        var pendingName: String?
        var ended = false
        let base = data.startIndex
        while position + 512 <= data.count {
            let header = data[(base + position)..<(base + position + 512)]
            if header.allSatisfy({ $0 == 0 }) { ended = true; break }  // end-of-archive marker
            func field(_ from: Int, _ length: Int) -> Data { header[(header.startIndex + from)..<(header.startIndex + from + length)] }
            func text(_ from: Int, _ length: Int) -> String {
                String(decoding: field(from, length).prefix { $0 != 0 }, as: UTF8.self)
            }
            let stored = try Self.number(field(148, 8), file: file, field: "tar header checksum", offset: position + 148)
            let computed = header.enumerated().reduce(0) { $0 + (148..<156 ~= $1.offset ? 32 : Int($1.element)) }
            guard stored == computed else {
                throw DatasetError.malformed(
                    file: file, field: "tar header checksum", offset: position + 148, found: "\(stored)",
                    expected: "\(computed) (the sum of the header bytes; the archive is corrupt or not a tar file)")
            }
            let size = try Self.number(field(124, 12), file: file, field: "tar entry size", offset: position + 124)
            let dataStart = position + 512
            guard size <= data.count - dataStart else {
                throw DatasetError.malformed(
                    file: file, field: "tar entry size", offset: position + 124, found: "\(size) bytes",
                    expected: "at most the \(data.count - dataStart) bytes left in the archive")
            }
            let type = header[header.startIndex + 156]
            var name = text(0, 100)
            if text(257, 5) == "ustar" {
                let prefix = text(345, 155)
                if !prefix.isEmpty { name = prefix + "/" + name }
            }
            let content = data[(base + dataStart)..<(base + dataStart + size)]
            switch type {
            case UInt8(ascii: "L"):  // GNU long name: the data is the next entry's name
                pendingName = String(decoding: content.prefix { $0 != 0 }, as: UTF8.self)
            case UInt8(ascii: "x"):  // pax extended header: "<length> key=value\n" records
                pendingName = Self.paxPath(content) ?? pendingName
            case 0, UInt8(ascii: "0"), UInt8(ascii: "7"):
                let finalName = pendingName ?? name
                pendingName = nil
                try ArchivePath.check(finalName, file: file, offset: position)
                members.append(Member(name: finalName, offset: dataStart, size: size))
            default:  // directories, links, global pax headers: no file data to read
                pendingName = nil
            }
            position = dataStart + (size + 511) / 512 * 512
        }
        if !ended && position < data.count {
            throw DatasetError.malformed(
                file: file, field: "tar header", offset: position, found: "\(data.count - position) trailing bytes",
                expected: "a 512-byte header (the archive is truncated)")
        }
        self.members = members
    }

    /// The bytes of `member`.
    public func content(of member: Member) -> Data {
        data.subdata(in: (data.startIndex + member.offset)..<(data.startIndex + member.offset + member.size))
    }

    /// The member named `name`, if present.
    public func member(named name: String) -> Member? {
        members.first { $0.name == name }
    }

    /// An octal field (NUL/space terminated), or GNU base-256 when the high bit of the first byte is set.
    private static func number(_ field: Data, file: String, field name: String, offset: Int) throws -> Int {
        guard let first = field.first else { return 0 }
        if first & 0x80 != 0 {
            var value = Int(first & 0x7F)
            for byte in field.dropFirst() {
                guard value <= Int.max >> 8 else {
                    throw DatasetError.malformed(file: file, field: name, offset: offset, found: "a huge value", expected: "a size that fits in memory")
                }
                value = value << 8 | Int(byte)
            }
            return value
        }
        var value = 0
        for byte in field.drop(while: { $0 == 32 }).prefix(while: { $0 != 0 && $0 != 32 }) {
            guard byte >= 0x30, byte <= 0x37, value <= Int.max >> 3 else {
                throw DatasetError.malformed(
                    file: file, field: name, offset: offset, found: "\(String(decoding: field, as: UTF8.self).debugDescription)",
                    expected: "an octal number")
            }
            value = value << 3 | Int(byte - 0x30)
        }
        return value
    }

    private static func paxPath(_ content: Data) -> String? {
        let text = String(decoding: content, as: UTF8.self)
        for record in text.split(separator: "\n") {
            guard let space = record.firstIndex(of: " ") else { continue }
            let pair = record[record.index(after: space)...]
            if pair.hasPrefix("path=") { return String(pair.dropFirst(5)) }
        }
        return nil
    }
}
