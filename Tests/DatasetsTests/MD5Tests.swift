import Datasets
import Foundation
import Testing

@Suite struct MD5Tests {
    /// RFC 1321, appendix A.5 ("test suite").
    static let rfcVectors: [(String, String)] = [
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
        ("12345678901234567890123456789012345678901234567890123456789012345678901234567890",
         "57edf4a22be3c955ac49da2e2107b67a"),
    ]

    @Test func rfc1321TestSuite() {
        for (message, digest) in Self.rfcVectors {
            #expect(MD5.hex(Data(message.utf8)) == digest, "MD5(\"\(message)\")")
        }
    }

    /// Feeding the message in pieces that straddle the 64-byte blocks gives the same digest.
    @Test func incrementalUpdatesMatchTheRFCDigest() {
        let (message, digest) = Self.rfcVectors[6]
        let bytes = Data(message.utf8)
        for cut in [1, 7, 55, 56, 63, 64, 65, 79] {
            var md5 = MD5()
            md5.update(bytes.prefix(cut))
            md5.update(bytes.dropFirst(cut))
            #expect(md5.finalize().map { String(format: "%02x", $0) }.joined() == digest, "cut at \(cut)")
        }
    }

    /// The md5s hashlib computed for the committed MNIST sample files (12,560 and 6,288 bytes:
    /// many blocks, and padding that spills into an extra block or not).
    @Test func matchesHashlibOnTheMNISTSample() throws {
        let fixture = try SampleFixture.load()
        for split in fixture.splits.values {
            for (name, md5) in split.md5 {
                #expect(MD5.hex(try SampleFixture.bytes(name)) == md5, "\(name)")
            }
        }
    }
}
