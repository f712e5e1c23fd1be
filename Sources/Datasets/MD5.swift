import Foundation

/// MD5 (RFC 1321), used only to verify dataset files against their published checksums.
public struct MD5: Sendable {
    private var a: UInt32 = 0x6745_2301
    private var b: UInt32 = 0xefcd_ab89
    private var c: UInt32 = 0x98ba_dcfe
    private var d: UInt32 = 0x1032_5476
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    /// A fresh digest state.
    public init() {}

    /// The lowercase hex MD5 of `data`.
    public static func hex(_ data: Data) -> String {
        var md5 = MD5()
        md5.update(data)
        return md5.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Adds `data` to the message.
    public mutating func update(_ data: Data) {
        data.withUnsafeBytes { update($0) }
    }

    /// Adds the bytes of `buffer` to the message.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard buffer.count > 0, let start = buffer.baseAddress else { return }
        length &+= UInt64(buffer.count)
        var offset = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, buffer.count)
            pending.append(contentsOf: UnsafeRawBufferPointer(start: start, count: take))
            offset = take
            if pending.count < 64 { return }
            pending.withUnsafeBytes { compress($0.baseAddress!) }
            pending.removeAll(keepingCapacity: true)
        }
        while buffer.count - offset >= 64 {
            compress(start + offset)
            offset += 64
        }
        if offset < buffer.count {
            pending.append(contentsOf: UnsafeRawBufferPointer(start: start + offset, count: buffer.count - offset))
        }
    }

    /// Pads the message and returns the 16-byte digest.
    public mutating func finalize() -> [UInt8] {
        let bitLength = length &* 8
        var tail = pending
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for i in 0..<8 { tail.append(UInt8(truncatingIfNeeded: bitLength >> (8 * UInt64(i)))) }
        tail.withUnsafeBytes { block in
            for offset in stride(from: 0, to: block.count, by: 64) { compress(block.baseAddress! + offset) }
        }
        pending.removeAll()
        var digest: [UInt8] = []
        for word in [a, b, c, d] {
            for i in 0..<4 { digest.append(UInt8(truncatingIfNeeded: word >> (8 * UInt32(i)))) }
        }
        return digest
    }

    /// One 64-byte block: the four rounds of RFC 1321 §3.4, written out so the compiler keeps
    /// everything in registers.
    private mutating func compress(_ block: UnsafeRawPointer) {
        @inline(__always) func word(_ i: Int) -> UInt32 {
            UInt32(littleEndian: block.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))
        }
        @inline(__always) func rotl(_ x: UInt32, _ s: UInt32) -> UInt32 { (x &<< s) | (x &>> (32 &- s)) }
        @inline(__always) func ff(_ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ x: UInt32, _ s: UInt32, _ t: UInt32) {
            a = b &+ rotl(a &+ ((b & c) | (~b & d)) &+ x &+ t, s)
        }
        @inline(__always) func gg(_ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ x: UInt32, _ s: UInt32, _ t: UInt32) {
            a = b &+ rotl(a &+ ((b & d) | (c & ~d)) &+ x &+ t, s)
        }
        @inline(__always) func hh(_ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ x: UInt32, _ s: UInt32, _ t: UInt32) {
            a = b &+ rotl(a &+ (b ^ c ^ d) &+ x &+ t, s)
        }
        @inline(__always) func ii(_ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ x: UInt32, _ s: UInt32, _ t: UInt32) {
            a = b &+ rotl(a &+ (c ^ (b | ~d)) &+ x &+ t, s)
        }
        let x0 = word(0), x1 = word(1), x2 = word(2), x3 = word(3)
        let x4 = word(4), x5 = word(5), x6 = word(6), x7 = word(7)
        let x8 = word(8), x9 = word(9), x10 = word(10), x11 = word(11)
        let x12 = word(12), x13 = word(13), x14 = word(14), x15 = word(15)
        var a = self.a, b = self.b, c = self.c, d = self.d

        ff(&a, b, c, d, x0, 7, 0xd76a_a478); ff(&d, a, b, c, x1, 12, 0xe8c7_b756)
        ff(&c, d, a, b, x2, 17, 0x2420_70db); ff(&b, c, d, a, x3, 22, 0xc1bd_ceee)
        ff(&a, b, c, d, x4, 7, 0xf57c_0faf); ff(&d, a, b, c, x5, 12, 0x4787_c62a)
        ff(&c, d, a, b, x6, 17, 0xa830_4613); ff(&b, c, d, a, x7, 22, 0xfd46_9501)
        ff(&a, b, c, d, x8, 7, 0x6980_98d8); ff(&d, a, b, c, x9, 12, 0x8b44_f7af)
        ff(&c, d, a, b, x10, 17, 0xffff_5bb1); ff(&b, c, d, a, x11, 22, 0x895c_d7be)
        ff(&a, b, c, d, x12, 7, 0x6b90_1122); ff(&d, a, b, c, x13, 12, 0xfd98_7193)
        ff(&c, d, a, b, x14, 17, 0xa679_438e); ff(&b, c, d, a, x15, 22, 0x49b4_0821)

        gg(&a, b, c, d, x1, 5, 0xf61e_2562); gg(&d, a, b, c, x6, 9, 0xc040_b340)
        gg(&c, d, a, b, x11, 14, 0x265e_5a51); gg(&b, c, d, a, x0, 20, 0xe9b6_c7aa)
        gg(&a, b, c, d, x5, 5, 0xd62f_105d); gg(&d, a, b, c, x10, 9, 0x0244_1453)
        gg(&c, d, a, b, x15, 14, 0xd8a1_e681); gg(&b, c, d, a, x4, 20, 0xe7d3_fbc8)
        gg(&a, b, c, d, x9, 5, 0x21e1_cde6); gg(&d, a, b, c, x14, 9, 0xc337_07d6)
        gg(&c, d, a, b, x3, 14, 0xf4d5_0d87); gg(&b, c, d, a, x8, 20, 0x455a_14ed)
        gg(&a, b, c, d, x13, 5, 0xa9e3_e905); gg(&d, a, b, c, x2, 9, 0xfcef_a3f8)
        gg(&c, d, a, b, x7, 14, 0x676f_02d9); gg(&b, c, d, a, x12, 20, 0x8d2a_4c8a)

        hh(&a, b, c, d, x5, 4, 0xfffa_3942); hh(&d, a, b, c, x8, 11, 0x8771_f681)
        hh(&c, d, a, b, x11, 16, 0x6d9d_6122); hh(&b, c, d, a, x14, 23, 0xfde5_380c)
        hh(&a, b, c, d, x1, 4, 0xa4be_ea44); hh(&d, a, b, c, x4, 11, 0x4bde_cfa9)
        hh(&c, d, a, b, x7, 16, 0xf6bb_4b60); hh(&b, c, d, a, x10, 23, 0xbebf_bc70)
        hh(&a, b, c, d, x13, 4, 0x289b_7ec6); hh(&d, a, b, c, x0, 11, 0xeaa1_27fa)
        hh(&c, d, a, b, x3, 16, 0xd4ef_3085); hh(&b, c, d, a, x6, 23, 0x0488_1d05)
        hh(&a, b, c, d, x9, 4, 0xd9d4_d039); hh(&d, a, b, c, x12, 11, 0xe6db_99e5)
        hh(&c, d, a, b, x15, 16, 0x1fa2_7cf8); hh(&b, c, d, a, x2, 23, 0xc4ac_5665)

        ii(&a, b, c, d, x0, 6, 0xf429_2244); ii(&d, a, b, c, x7, 10, 0x432a_ff97)
        ii(&c, d, a, b, x14, 15, 0xab94_23a7); ii(&b, c, d, a, x5, 21, 0xfc93_a039)
        ii(&a, b, c, d, x12, 6, 0x655b_59c3); ii(&d, a, b, c, x3, 10, 0x8f0c_cc92)
        ii(&c, d, a, b, x10, 15, 0xffef_f47d); ii(&b, c, d, a, x1, 21, 0x8584_5dd1)
        ii(&a, b, c, d, x8, 6, 0x6fa8_7e4f); ii(&d, a, b, c, x15, 10, 0xfe2c_e6e0)
        ii(&c, d, a, b, x6, 15, 0xa301_4314); ii(&b, c, d, a, x13, 21, 0x4e08_11a1)
        ii(&a, b, c, d, x4, 6, 0xf753_7e82); ii(&d, a, b, c, x11, 10, 0xbd3a_f235)
        ii(&c, d, a, b, x2, 15, 0x2ad7_d2bb); ii(&b, c, d, a, x9, 21, 0xeb86_d391)

        self.a &+= a
        self.b &+= b
        self.c &+= c
        self.d &+= d
    }
}
