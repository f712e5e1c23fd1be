// libFuzzer target: gzip/zlib decompression, output capped at 16 MiB. See Fuzz/README.md.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGzip(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    _ = try? Gzip.decompress(Data(bytes: bytes, count: count), file: "fuzz", limit: 16 << 20)
    return 0
}
