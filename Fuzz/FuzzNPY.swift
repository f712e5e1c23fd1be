// libFuzzer target: .npy decoding, arrays capped at 16 MiB. See Fuzz/README.md.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNPY(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    _ = try? NPY.decode(Data(bytes: bytes, count: count), file: "fuzz", limit: 16 << 20)
    return 0
}
