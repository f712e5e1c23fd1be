// libFuzzer target: tar parsing (the input is the decompressed archive), then every member's
import Foundation

// bytes decoded as a CIFAR-10 batch as CIFAR loading does. See Fuzz/README.md.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTar(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard let tar = try? TarArchive(data: Data(bytes: bytes, count: count), file: "fuzz") else { return 0 }
    for member in tar.members.prefix(64) { _ = try? CIFARBinary.decode(tar.content(of: member), file: "fuzz") }
    return 0
}
