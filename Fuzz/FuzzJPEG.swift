// libFuzzer target: JPEG decoding through TurboJPEG (needs libturbojpeg0-dev; the module map is
// Fuzz/CJPEG), as grey and as RGB. See Fuzz/README.md.
import Foundation

private let decoder = try! JPEG.Decoder()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJPEG(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    _ = try? decoder.decode(data, channels: 1, file: "fuzz")
    _ = try? decoder.decode(data, channels: 3, file: "fuzz")
    return 0
}
