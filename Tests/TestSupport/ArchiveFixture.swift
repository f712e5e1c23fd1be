import Foundation

/// Writes zip and tar archives byte by byte from the format specifications (APPNOTE 6.3, POSIX
/// ustar), independently of the decoders under test, so tests can make hostile ones.
public enum ArchiveFixture {
    /// One zip member: its name, the bytes stored, and what the headers declare.
    public struct ZipMember {
        public var name: String
        public var content: [UInt8]
        /// Overrides the declared uncompressed size (to test huge declarations).
        public var declaredSize: UInt32?
        /// The compression method written (0 stored; anything else is only declared).
        public var method: UInt16 = 0

        public init(name: String, content: [UInt8], declaredSize: UInt32? = nil, method: UInt16 = 0) {
            self.name = name
            self.content = content
            self.declaredSize = declaredSize
            self.method = method
        }
    }

    /// A zip archive of stored members.
    public static func zip(_ members: [ZipMember]) -> Data {
        var out: [UInt8] = []
        var directory: [UInt8] = []
        for member in members {
            let name = Array(member.name.utf8)
            let crc = GzipFixture.crc32(member.content)
            let offset = UInt32(out.count)
            let size = member.declaredSize ?? UInt32(member.content.count)
            out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(member.method) + le32(0)
            out += le32(crc) + le32(UInt32(member.content.count)) + le32(size) + le16(UInt16(name.count)) + le16(0)
            out += name + member.content
            directory += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(member.method) + le32(0)
            directory += le32(crc) + le32(UInt32(member.content.count)) + le32(size) + le16(UInt16(name.count))
            directory += le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + name
        }
        let directoryOffset = UInt32(out.count)
        out += directory
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(members.count)) + le16(UInt16(members.count))
        out += le32(UInt32(directory.count)) + le32(directoryOffset) + le16(0)
        return Data(out)
    }

    /// A ustar archive of regular files; `declaredSize` overrides a member's size field.
    public static func tar(_ members: [(name: String, content: [UInt8], declaredSize: Int?)]) -> Data {
        var out: [UInt8] = []
        for member in members {
            var header = [UInt8](repeating: 0, count: 512)
            func put(_ text: String, at offset: Int) {
                for (i, byte) in text.utf8.enumerated() { header[offset + i] = byte }
            }
            put(member.name, at: 0)
            put("0000644\0", at: 100)
            put("0000000\0", at: 108)
            put("0000000\0", at: 116)
            put(String(String(member.declaredSize ?? member.content.count, radix: 8).leftPad(11)) + "\0", at: 124)
            put("00000000000\0", at: 136)
            header[156] = UInt8(ascii: "0")
            put("ustar\0", at: 257)
            put("00", at: 263)
            put("        ", at: 148)
            let sum = header.reduce(0) { $0 + Int($1) }
            put(String(String(sum, radix: 8).leftPad(6)) + "\0 ", at: 148)
            out += header + member.content
            out += [UInt8](repeating: 0, count: (512 - member.content.count % 512) % 512)
        }
        out += [UInt8](repeating: 0, count: 1024)
        return Data(out)
    }

    private static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    private static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
}

extension String {
    fileprivate func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
