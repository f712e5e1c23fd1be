// libFuzzer target: PNG decoding through libpng's simplified API (needs libpng-dev; the module map
// is Sources/CPNG), as grey and as RGB. See Fuzz/README.md.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPNG(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    _ = try? PNG.decode(data, channels: 1, file: "fuzz")
    _ = try? PNG.decode(data, channels: 3, file: "fuzz")
    return 0
}
