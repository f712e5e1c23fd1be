import Foundation

/// Pixel value conversions of the input pipelines.
public enum Normalize {
    /// 8-bit pixels as Float32 in [0, 1]: `Float(p) / 255`, a correctly rounded division exactly
    /// like torchvision's `ToTensor` (`uint8 tensor .float().div(255)`).
    public static func unitInterval(_ pixels: [UInt8]) -> [Float] {
        pixels.map { Float($0) / 255 }
    }

    /// torchvision's `Normalize(mean, std)` after `ToTensor` on CHW pixels:
    /// `(Float(p) / 255 - mean[c]) / std[c]` in Float32, channel `c` of each consecutive plane of
    /// `planeSize` pixels (cycling through the channels image after image).
    /// - Precondition: `mean` and `std` have the same non-zero count and `pixels.count` is a
    ///   multiple of `planeSize * mean.count`.
    public static func standardized(_ pixels: [UInt8], planeSize: Int, constants: Normalization) -> [Float] {
        let channels = constants.mean.count
        precondition(channels > 0 && constants.std.count == channels, "Normalize: \(constants.mean.count) means, \(constants.std.count) stds")
        precondition(planeSize > 0 && pixels.count % (planeSize * channels) == 0, "Normalize: \(pixels.count) pixels, planes of \(planeSize) x \(channels)")
        var out = [Float](repeating: 0, count: pixels.count)
        for (i, p) in pixels.enumerated() {
            let c = (i / planeSize) % channels
            out[i] = (Float(p) / 255 - constants.mean[c]) / constants.std[c]
        }
        return out
    }
}
