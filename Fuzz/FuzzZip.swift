// libFuzzer target: zip directory + extraction of every member (members capped at 16 MiB), and
import Foundation

// each member decoded as .npy as NPZ loading does. See Fuzz/README.md.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzZip(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard let archive = try? ZipArchive(data: Data(bytes: bytes, count: count), file: "fuzz", memberLimit: 16 << 20) else { return 0 }
    for member in archive.members.prefix(64) {
        if let content = try? archive.extract(member) { _ = try? NPY.decode(content, file: "fuzz", limit: 16 << 20) }
    }
    return 0
}
