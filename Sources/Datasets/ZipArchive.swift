import Foundation

/// A zip archive read from memory (PKWARE APPNOTE 6.3): the central directory lists the members,
/// whose bytes are stored or deflated. Enough for NPZ files and dataset archives; encrypted,
/// split and otherwise compressed members are refused with a clear error.
///
/// Every size and offset is checked against the bytes present before anything is allocated, and
/// member names that are absolute or climb out with `..` are refused.
public struct ZipArchive: Sendable {
    /// One member, as the central directory describes it.
    public struct Member: Sendable, Equatable {
        /// The path inside the archive (`train_images.npy`, `resized/CXR/000001.jpeg`).
        public let name: String
        /// 0 stored, 8 deflated.
        public let method: UInt16
        /// Bytes of the member's data as stored.
        public let compressedSize: Int
        /// Bytes once decompressed.
        public let size: Int
        /// CRC-32 of the decompressed bytes.
        public let crc32: UInt32
        /// Offset of the member's local header in the archive.
        public let localHeaderOffset: Int
    }

    /// The largest member accepted (2 GiB): larger declared sizes are refused before allocating.
    public static let defaultMemberLimit = 2 << 30

    /// The archive's bytes.
    public let data: Data
    /// The name used in error messages.
    public let file: String
    /// The members in central-directory order.
    public let members: [Member]
    private let memberLimit: Int

    /// Reads the central directory of `data`.
    /// - Throws: `DatasetError.malformed` naming `file` and the byte offset, for a missing end
    ///   record, a directory outside the file, a bad signature, or an unsafe member name.
    public init(data: Data, file: String, memberLimit: Int = defaultMemberLimit) throws {
        self.data = data
        self.file = file
        self.memberLimit = memberLimit
        let reader = ByteReader(data: data, file: file)
        guard data.count >= 22 else {
            throw DatasetError.malformed(
                file: file, field: "zip end of central directory", offset: 0, found: "\(data.count) bytes in the file",
                expected: "at least 22 bytes (a zip archive)")
        }
        // The end record (22 bytes + a comment of up to 65,535) is found by scanning backwards.
        let lowest = max(0, data.count - 22 - 65_535)
        var end = -1
        var position = data.count - 22
        while position >= lowest {
            if try reader.u32(position, "signature") == 0x0605_4B50 { end = position; break }
            position -= 1
        }
        guard end >= 0 else {
            throw DatasetError.malformed(
                file: file, field: "zip end of central directory", offset: max(0, data.count - 22), found: "no end record",
                expected: "signature PK\\5\\6 (a zip archive)")
        }
        var count = Int(try reader.u16(end + 10, "member count"))
        var directorySize = Int(try reader.u32(end + 12, "central directory size"))
        var directoryOffset = Int(try reader.u32(end + 16, "central directory offset"))
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            // Zip64: a locator 20 bytes before the end record points at the zip64 end record.
            let locator = end - 20
            guard locator >= 0, try reader.u32(locator, "zip64 locator signature") == 0x0706_4B50 else {
                throw DatasetError.malformed(
                    file: file, field: "zip64 end of central directory locator", offset: max(0, locator),
                    found: "no locator", expected: "signature PK\\6\\7 before a zip64 end record")
            }
            let record = try reader.offset(try reader.u64(locator + 8, "zip64 end record offset"), "zip64 end record offset", at: locator + 8)
            guard try reader.u32(record, "zip64 end record signature") == 0x0606_4B50 else {
                throw DatasetError.malformed(
                    file: file, field: "zip64 end of central directory", offset: record, found: "another signature",
                    expected: "PK\\6\\6")
            }
            count = try reader.offset(try reader.u64(record + 32, "member count"), "member count", at: record + 32)
            directorySize = try reader.offset(try reader.u64(record + 40, "central directory size"), "central directory size", at: record + 40)
            directoryOffset = try reader.offset(try reader.u64(record + 48, "central directory offset"), "central directory offset", at: record + 48)
        }
        guard directoryOffset <= data.count, directorySize <= data.count - directoryOffset, count <= directorySize / 46 + 1 else {
            throw DatasetError.malformed(
                file: file, field: "zip central directory", offset: end + 12,
                found: "\(count) members in \(directorySize) bytes at offset \(directoryOffset)",
                expected: "a directory inside the file's \(data.count) bytes")
        }

        var members: [Member] = []
        members.reserveCapacity(count)
        var entry = directoryOffset
        for _ in 0..<count {
            guard try reader.u32(entry, "central directory signature") == 0x0201_4B50 else {
                throw DatasetError.malformed(
                    file: file, field: "zip central directory entry", offset: entry, found: "another signature",
                    expected: "PK\\1\\2")
            }
            let flags = try reader.u16(entry + 8, "flags")
            let method = try reader.u16(entry + 10, "compression method")
            let crc = try reader.u32(entry + 16, "crc-32")
            var compressed = Int(try reader.u32(entry + 20, "compressed size"))
            var size = Int(try reader.u32(entry + 24, "uncompressed size"))
            let nameLength = Int(try reader.u16(entry + 28, "name length"))
            let extraLength = Int(try reader.u16(entry + 30, "extra length"))
            let commentLength = Int(try reader.u16(entry + 32, "comment length"))
            var localOffset = Int(try reader.u32(entry + 42, "local header offset"))
            let name = try reader.string(entry + 46, length: nameLength, "member name")
            // Zip64 extra field: the 64-bit values of exactly the fields saturated above, in order.
            var extra = entry + 46 + nameLength
            let extraEnd = extra + extraLength
            while extra + 4 <= extraEnd {
                let tag = try reader.u16(extra, "extra field tag")
                let length = Int(try reader.u16(extra + 2, "extra field length"))
                if tag == 0x0001 {
                    var field = extra + 4
                    if size == 0xFFFF_FFFF { size = Int(clamping: try reader.u64(field, "zip64 size")); field += 8 }
                    if compressed == 0xFFFF_FFFF {
                        compressed = try reader.offset(try reader.u64(field, "zip64 compressed size"), "zip64 compressed size", at: field)
                        field += 8
                    }
                    if localOffset == 0xFFFF_FFFF {
                        localOffset = try reader.offset(try reader.u64(field, "zip64 offset"), "zip64 offset", at: field)
                    }
                }
                extra += 4 + length
            }
            if flags & 1 != 0 {
                throw DatasetError.malformed(
                    file: file, field: "member \(name) flags", offset: entry + 8, found: "an encrypted member",
                    expected: "unencrypted members")
            }
            try ArchivePath.check(name, file: file, offset: entry + 46)
            members.append(
                Member(name: name, method: method, compressedSize: compressed, size: size, crc32: crc, localHeaderOffset: localOffset))
            entry = extraEnd + commentLength
        }
        self.members = members
    }

    /// The member named `name`, if present.
    public func member(named name: String) -> Member? {
        members.first { $0.name == name }
    }

    /// The decompressed bytes of `member`, after checking its size and CRC-32.
    /// - Throws: `DatasetError.malformed` for a member outside the file, an unsupported method,
    ///   a declared size over the limit or beyond what its compressed bytes can hold, corrupt data
    ///   or a CRC mismatch.
    public func extract(_ member: Member) throws -> Data {
        let label = "\(file): \(member.name)"
        let reader = ByteReader(data: data, file: label)
        let header = member.localHeaderOffset
        guard try reader.u32(header, "local header signature") == 0x0403_4B50 else {
            throw DatasetError.malformed(
                file: label, field: "zip local header", offset: header, found: "another signature", expected: "PK\\3\\4")
        }
        let start = header + 30 + Int(try reader.u16(header + 26, "name length")) + Int(try reader.u16(header + 28, "extra length"))
        guard start <= data.count, member.compressedSize <= data.count - start else {
            throw DatasetError.malformed(
                file: label, field: "member data", offset: min(start, data.count),
                found: "\(max(0, data.count - start)) bytes left in the file",
                expected: "\(member.compressedSize) bytes of member data")
        }
        guard member.size <= memberLimit else {
            throw DatasetError.malformed(
                file: label, field: "uncompressed size", offset: header, found: "\(member.size) bytes",
                expected: "at most \(memberLimit) bytes")
        }
        let content: Data
        switch member.method {
        case 0:
            guard member.size == member.compressedSize else {
                throw DatasetError.malformed(
                    file: label, field: "stored member size", offset: header,
                    found: "\(member.compressedSize) stored bytes", expected: "\(member.size) (the uncompressed size)")
            }
            content = data.subdata(in: (data.startIndex + start)..<(data.startIndex + start + member.size))
        case 8:
            guard member.size <= member.compressedSize.multipliedReportingOverflow(by: Inflate.maximumRatio).partialValue + 64 else {
                throw DatasetError.malformed(
                    file: label, field: "uncompressed size", offset: header, found: "\(member.size) bytes",
                    expected: "at most \(Inflate.maximumRatio) times the \(member.compressedSize) compressed bytes")
            }
            content = try data.withUnsafeBytes { raw in
                try Inflate.raw(
                    UnsafeRawBufferPointer(rebasing: raw[start..<(start + member.compressedSize)]), size: member.size,
                    file: label, offset: start)
            }
        default:
            throw DatasetError.malformed(
                file: label, field: "compression method", offset: header + 8, found: "\(member.method)",
                expected: "0 (stored) or 8 (deflated)")
        }
        let crc = content.withUnsafeBytes { Inflate.crc32($0) }
        guard crc == member.crc32 else {
            throw DatasetError.malformed(
                file: label, field: "crc-32", offset: start, found: String(format: "%08x", crc),
                expected: String(format: "%08x (from the central directory)", member.crc32))
        }
        return content
    }

    /// The decompressed bytes of the member named `name`.
    /// - Throws: `DatasetError.malformed` when there is no such member, or `extract`'s errors.
    public func extract(named name: String) throws -> Data {
        guard let member = member(named: name) else {
            throw DatasetError.malformed(
                file: file, field: "zip member", offset: 0, found: "no member \(name)",
                expected: "one of \(members.prefix(12).map(\.name).joined(separator: ", "))")
        }
        return try extract(member)
    }
}
