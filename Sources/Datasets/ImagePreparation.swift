import Foundation

/// How the decoded images of an image-folder dataset are brought to the registry's size.
public struct ImagePreparation: Sendable, Equatable {
    /// Rows removed from the bottom of every image first (FGVC-Aircraft's 20-pixel copyright
    /// banner, which its README says to remove).
    public let cropBottom: Int
    /// The filter that resizes each image to the registry's width x height (torchvision's
    /// `Resize((height, width))`), or `nil` when the images must already have that size.
    public let resize: Resize.Filter?

    /// A preparation.
    public init(cropBottom: Int = 0, resize: Resize.Filter?) {
        precondition(cropBottom >= 0, "ImagePreparation: negative crop")
        self.cropBottom = cropBottom
        self.resize = resize
    }

    /// Images are used as decoded and must have the registry's size.
    public static let none = ImagePreparation(resize: nil)

    /// Applies the crop and resize to a decoded image.
    /// - Throws: `DatasetError.inconsistent` naming `file` when the image is too small to crop, or
    ///   has the wrong size and no resize is configured.
    func apply(to image: PlanarImage, width: Int, height: Int, dataset: String, file: String) throws -> PlanarImage {
        var image = image
        if cropBottom > 0 {
            guard image.height > cropBottom else {
                throw DatasetError.inconsistent(
                    dataset: dataset, file: file, field: "image height", found: "\(image.height)",
                    expected: "more than the \(cropBottom) banner rows removed")
            }
            let kept = image.height - cropBottom
            var pixels: [UInt8] = []
            pixels.reserveCapacity(image.channels * kept * image.width)
            for c in 0..<image.channels {
                let start = c * image.height * image.width
                pixels += image.pixels[start..<(start + kept * image.width)]
            }
            image = PlanarImage(channels: image.channels, height: kept, width: image.width, pixels: pixels)
        }
        if image.width == width && image.height == height { return image }
        guard let filter = resize else {
            throw DatasetError.inconsistent(
                dataset: dataset, file: file, field: "image size", found: "\(image.width) x \(image.height)",
                expected: "\(width) x \(height)")
        }
        return image.resized(toWidth: width, toHeight: height, filter: filter)
    }
}
