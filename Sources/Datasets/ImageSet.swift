import Foundation

/// Labelled images in memory: 8-bit pixels in NCHW order, one integer label per image.
public struct ImageSet: Sendable, Equatable {
    /// Number of images.
    public let count: Int
    /// Channels per image (1 greyscale, 3 RGB).
    public let channels: Int
    /// Image height in pixels.
    public let height: Int
    /// Image width in pixels.
    public let width: Int
    /// All pixels, image after image, each image channel-major then row-major (NCHW).
    public let pixels: [UInt8]
    /// The label of each image, an index into `classNames`.
    public let labels: [Int]
    /// Class names indexed by label.
    public let classNames: [String]

    /// - Precondition: `pixels.count == labels.count * channels * height * width`.
    public init(channels: Int, height: Int, width: Int, pixels: [UInt8], labels: [Int], classNames: [String]) {
        precondition(
            pixels.count == labels.count * channels * height * width,
            "ImageSet: \(pixels.count) pixels for \(labels.count) images of \(channels)x\(height)x\(width)")
        self.count = labels.count
        self.channels = channels
        self.height = height
        self.width = width
        self.pixels = pixels
        self.labels = labels
        self.classNames = classNames
    }

    /// Pixels per image (`channels * height * width`).
    public var imageSize: Int { channels * height * width }

    /// The pixels of image `index` (CHW).
    public func image(_ index: Int) -> ArraySlice<UInt8> {
        pixels[(index * imageSize)..<((index + 1) * imageSize)]
    }

    /// The images in `range`, in order.
    /// - Precondition: `range` lies within `0..<count`.
    public func subset(_ range: Range<Int>) -> ImageSet {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "ImageSet.subset: \(range) outside 0..<\(count)")
        return ImageSet(
            channels: channels, height: height, width: width,
            pixels: Array(pixels[(range.lowerBound * imageSize)..<(range.upperBound * imageSize)]),
            labels: Array(labels[range]), classNames: classNames)
    }

    /// The images at `indices`, in that order (repeats allowed).
    /// - Precondition: every index lies within `0..<count`.
    public func subset(_ indices: [Int]) -> ImageSet {
        var selected: [UInt8] = []
        selected.reserveCapacity(indices.count * imageSize)
        for index in indices {
            precondition(index >= 0 && index < count, "ImageSet.subset: index \(index) outside 0..<\(count)")
            selected.append(contentsOf: image(index))
        }
        return ImageSet(
            channels: channels, height: height, width: width, pixels: selected,
            labels: indices.map { labels[$0] }, classNames: classNames)
    }

    /// Every image resized with `Resize.bilinear` (Pillow's BILINEAR, channel by channel, which
    /// is what Pillow does for multi-band images too).
    public func resized(toWidth: Int, toHeight: Int) -> ImageSet {
        let plan = BilinearResizePlan(width: width, height: height, toWidth: toWidth, toHeight: toHeight)
        let inPlane = height * width
        let outPlane = toHeight * toWidth
        var output = [UInt8](repeating: 0, count: count * channels * outPlane)
        pixels.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                for plane in 0..<(count * channels) {
                    plan.apply(
                        UnsafeBufferPointer(rebasing: input[(plane * inPlane)..<((plane + 1) * inPlane)]),
                        into: UnsafeMutableBufferPointer(rebasing: out[(plane * outPlane)..<((plane + 1) * outPlane)]))
                }
            }
        }
        return ImageSet(
            channels: channels, height: toHeight, width: toWidth, pixels: output, labels: labels, classNames: classNames)
    }

    /// All pixels as Float32 in [0, 1] (`Normalize.unitInterval`), NCHW.
    public func unitIntervalPixels() -> [Float] {
        Normalize.unitInterval(pixels)
    }
}
