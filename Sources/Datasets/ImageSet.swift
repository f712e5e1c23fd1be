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
    /// For multi-label datasets (ChestMNIST): one 0/1 flag per class name and image, row-major
    /// `[count, classNames.count]`; `labels` then holds the index of each image's first positive
    /// label (0 when it has none), which is what Vision-QRWKV's code trains on. `nil` otherwise.
    public let multiLabels: [UInt8]?

    /// - Precondition: `pixels.count == labels.count * channels * height * width`, and
    ///   `multiLabels`, when given, holds `labels.count * classNames.count` flags.
    public init(
        channels: Int, height: Int, width: Int, pixels: [UInt8], labels: [Int], classNames: [String],
        multiLabels: [UInt8]? = nil
    ) {
        precondition(
            pixels.count == labels.count * channels * height * width,
            "ImageSet: \(pixels.count) pixels for \(labels.count) images of \(channels)x\(height)x\(width)")
        precondition(
            multiLabels.map { $0.count == labels.count * classNames.count } ?? true,
            "ImageSet: \(multiLabels?.count ?? 0) label flags for \(labels.count) images of \(classNames.count) classes")
        self.multiLabels = multiLabels
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
            labels: Array(labels[range]), classNames: classNames,
            multiLabels: multiLabels.map { Array($0[(range.lowerBound * classNames.count)..<(range.upperBound * classNames.count)]) })
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
            labels: indices.map { labels[$0] }, classNames: classNames,
            multiLabels: multiLabels.map { flags in
                indices.flatMap { flags[($0 * classNames.count)..<(($0 + 1) * classNames.count)] }
            })
    }

    /// Every image resized with `filter` (default Pillow's BILINEAR, as `Resize.bilinear`), channel
    /// by channel, which is what Pillow does for multi-band images too.
    public func resized(toWidth: Int, toHeight: Int, filter: Resize.Filter = .bilinear) -> ImageSet {
        let output = Resize.planes(
            pixels, count: count * channels, width: width, height: height, toWidth: toWidth, toHeight: toHeight, filter: filter)
        return ImageSet(
            channels: channels, height: toHeight, width: toWidth, pixels: output, labels: labels, classNames: classNames,
            multiLabels: multiLabels)
    }

    /// Every image with `channels` channels (1 or 3), as Pillow's `convert("L")` / `convert("RGB")`
    /// (`PlanarImage.converted(toChannels:)`): for models that take RGB input of grey datasets.
    public func converted(toChannels target: Int) -> ImageSet {
        if target == channels { return self }
        var output: [UInt8] = []
        output.reserveCapacity(count * target * height * width)
        for index in 0..<count {
            let image = PlanarImage(channels: channels, height: height, width: width, pixels: Array(self.image(index)))
            output += image.converted(toChannels: target).pixels
        }
        return ImageSet(
            channels: target, height: height, width: width, pixels: output, labels: labels, classNames: classNames,
            multiLabels: multiLabels)
    }

    /// All pixels as Float32 in [0, 1] (`Normalize.unitInterval`), NCHW.
    public func unitIntervalPixels() -> [Float] {
        Normalize.unitInterval(pixels)
    }
}
