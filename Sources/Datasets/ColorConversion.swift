import Foundation

/// Grey <-> RGB conversions of 8-bit pixels, as Pillow's `Image.convert` does them
/// (src/libImaging/Convert.c).
public enum ColorConversion {
    /// Pillow's ITU-R 601-2 luma, `L = R * 299/1000 + G * 587/1000 + B * 114/1000`, in the 16-bit
    /// fixed point of its `L24` macro: `(19595 R + 38470 G + 7471 B + 0x8000) >> 16`.
    @inline(__always) public static func luma(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        UInt8(truncatingIfNeeded: (UInt32(r) &* 19595 &+ UInt32(g) &* 38470 &+ UInt32(b) &* 7471 &+ 0x8000) >> 16)
    }

    /// Interleaved pixels with `components` samples each (1 grey, 2 grey+alpha, 3 RGB, 4 RGBA),
    /// converted to `channels` (1 grey, 3 RGB) interleaved samples: alpha is dropped (never
    /// composited), grey is replicated into R, G and B, RGB becomes `luma`.
    /// - Precondition: `components` is 1...4, `channels` is 1 or 3, and `pixels.count` is a multiple of `components`.
    public static func convert(_ pixels: [UInt8], components: Int, to channels: Int) -> [UInt8] {
        precondition((1...4).contains(components) && (channels == 1 || channels == 3), "ColorConversion.convert: \(components) -> \(channels)")
        precondition(pixels.count % components == 0, "ColorConversion.convert: \(pixels.count) samples of \(components)")
        let count = pixels.count / components
        let isColour = components >= 3
        if components == channels { return pixels }
        var out = [UInt8](repeating: 0, count: count * channels)
        pixels.withUnsafeBufferPointer { p in
            out.withUnsafeMutableBufferPointer { o in
                for i in 0..<count {
                    let s = i * components
                    if channels == 1 {
                        o[i] = isColour ? luma(p[s], p[s + 1], p[s + 2]) : p[s]
                    } else if isColour {
                        o[3 * i] = p[s]; o[3 * i + 1] = p[s + 1]; o[3 * i + 2] = p[s + 2]
                    } else {
                        o[3 * i] = p[s]; o[3 * i + 1] = p[s]; o[3 * i + 2] = p[s]
                    }
                }
            }
        }
        return out
    }
}
