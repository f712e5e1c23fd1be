import Foundation

/// One 8-bit image stored channel after channel (CHW), the unit the transforms work on.
public struct PlanarImage: Sendable, Equatable {
    /// Channels (1 grey, 3 RGB).
    public let channels: Int
    /// Height in pixels.
    public let height: Int
    /// Width in pixels.
    public let width: Int
    /// `channels * height * width` bytes, each channel row-major.
    public let pixels: [UInt8]

    /// - Precondition: the sizes are positive and `pixels.count == channels * height * width`.
    public init(channels: Int, height: Int, width: Int, pixels: [UInt8]) {
        precondition(channels > 0 && height > 0 && width > 0, "PlanarImage: sizes must be positive")
        precondition(pixels.count == channels * height * width, "PlanarImage: \(pixels.count) bytes for \(channels)x\(height)x\(width)")
        self.channels = channels
        self.height = height
        self.width = width
        self.pixels = pixels
    }

    /// An image from interleaved (HWC) pixels, as decoders and Pillow store them.
    public init(interleaved: [UInt8], channels: Int, height: Int, width: Int) {
        let plane = height * width
        var chw = [UInt8](repeating: 0, count: interleaved.count)
        for p in 0..<plane {
            for c in 0..<channels { chw[c * plane + p] = interleaved[p * channels + c] }
        }
        self.init(channels: channels, height: height, width: width, pixels: channels == 1 ? interleaved : chw)
    }

    /// The pixels interleaved (HWC).
    public var interleaved: [UInt8] {
        if channels == 1 { return pixels }
        let plane = height * width
        var hwc = [UInt8](repeating: 0, count: pixels.count)
        for p in 0..<plane {
            for c in 0..<channels { hwc[p * channels + c] = pixels[c * plane + p] }
        }
        return hwc
    }

    /// Every channel resized to `toWidth` x `toHeight` with `filter` (Pillow resizes the bands of a
    /// multi-band image independently, with the same coefficients).
    public func resized(toWidth: Int, toHeight: Int, filter: Resize.Filter = .bilinear) -> PlanarImage {
        PlanarImage(
            channels: channels, height: toHeight, width: toWidth,
            pixels: Resize.planes(pixels, count: channels, width: width, height: height, toWidth: toWidth, toHeight: toHeight, filter: filter))
    }

    /// torchvision's `Resize(size)` with an int: the shorter side scaled to `size`
    /// (`Resize.shorterSide`), with `filter`.
    public func resized(shorterSide size: Int, filter: Resize.Filter = .bilinear) -> PlanarImage {
        let target = Resize.shorterSide(size, width: width, height: height)
        return resized(toWidth: target.width, toHeight: target.height, filter: filter)
    }

    /// The image with `channels` channels (1 or 3), as Pillow's `convert("L")` / `convert("RGB")`:
    /// grey replicated, or RGB reduced to `ColorConversion.luma`.
    /// - Precondition: `channels` is 1 or 3 and the image has 1 or 3 channels.
    public func converted(toChannels target: Int) -> PlanarImage {
        precondition((target == 1 || target == 3) && (channels == 1 || channels == 3), "PlanarImage.converted: \(channels) -> \(target)")
        if target == channels { return self }
        let plane = height * width
        if target == 3 { return PlanarImage(channels: 3, height: height, width: width, pixels: pixels + pixels + pixels) }
        var grey = [UInt8](repeating: 0, count: plane)
        for p in 0..<plane { grey[p] = ColorConversion.luma(pixels[p], pixels[plane + p], pixels[2 * plane + p]) }
        return PlanarImage(channels: 1, height: height, width: width, pixels: grey)
    }

    /// The image mirrored left to right (Pillow's `FLIP_LEFT_RIGHT`, torchvision's `hflip`).
    public func flippedHorizontally() -> PlanarImage {
        var out = pixels
        for row in 0..<(channels * height) {
            let base = row * width
            for x in 0..<width { out[base + x] = pixels[base + width - 1 - x] }
        }
        return PlanarImage(channels: channels, height: height, width: width, pixels: out)
    }

    /// torchvision's `CenterCrop((toHeight, toWidth))`: a side smaller than the crop is first
    /// padded with 0 (`(crop - side) / 2` before, the rest after), then the crop starts at
    /// `round((side - crop) / 2)`, rounded half to even like Python's `round`.
    public func centerCropped(toWidth: Int, toHeight: Int) -> PlanarImage {
        precondition(toWidth > 0 && toHeight > 0, "PlanarImage.centerCropped: sizes must be positive")
        let padLeft = toWidth > width ? (toWidth - width) / 2 : 0
        let padTop = toHeight > height ? (toHeight - height) / 2 : 0
        let paddedWidth = max(width, toWidth), paddedHeight = max(height, toHeight)
        func start(_ side: Int, _ crop: Int) -> Int { Int((Double(side - crop) / 2).rounded(.toNearestOrEven)) }
        let left = start(paddedWidth, toWidth) - padLeft, top = start(paddedHeight, toHeight) - padTop
        var out = [UInt8](repeating: 0, count: channels * toWidth * toHeight)
        for c in 0..<channels {
            for y in 0..<toHeight {
                let sy = y + top
                guard sy >= 0, sy < height else { continue }
                for x in 0..<toWidth {
                    let sx = x + left
                    if sx >= 0, sx < width { out[(c * toHeight + y) * toWidth + x] = pixels[(c * height + sy) * width + sx] }
                }
            }
        }
        return PlanarImage(channels: channels, height: toHeight, width: toWidth, pixels: out)
    }

    /// The pixels as Float32 in [0, 1] (torchvision's `ToTensor`), CHW.
    public func toTensor() -> [Float] {
        Normalize.unitInterval(pixels)
    }
}
