// libFuzzer target: IDX decoding (raw bytes, as after decompression). See Fuzz/README.md.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIDX(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    _ = try? IDX.decode(Data(bytes: bytes, count: count), file: "fuzz")
    return 0
}
