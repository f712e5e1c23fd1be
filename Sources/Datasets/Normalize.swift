import Foundation

/// Pixel value conversions of the input pipelines.
public enum Normalize {
    /// 8-bit pixels as Float32 in [0, 1]: `Float(p) / 255`, a correctly rounded division exactly
    /// like torchvision's `ToTensor` (`uint8 tensor .float().div(255)`).
    public static func unitInterval(_ pixels: [UInt8]) -> [Float] {
        pixels.map { Float($0) / 255 }
    }
}
