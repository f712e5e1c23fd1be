import Foundation

/// HQNN's Medical MNIST augmentation (Senokosov et al. 2024, section 2.1.2: "random rotations of up
/// to 10 degrees, random horizontal flips"), as torchvision's `RandomRotation(maxDegrees)` followed
/// by `RandomHorizontalFlip(flipProbability)` on PIL images: rotation with `Rotation.nearest`
/// (nearest neighbour, no expansion, fill 0), flip with `PlanarImage.flippedHorizontally`.
///
/// The draws are qreport's, from the generator the caller passes: per image first the angle,
/// `-maxDegrees + 2 * maxDegrees * u`, then the flip, `u < flipProbability`, each `u` being
/// `Double(next() >> 11) * 0x1p-53` (torchvision draws the same distributions from torch's RNG).
public struct RandomFlipRotation: Sendable, Equatable {
    /// Largest rotation in degrees, either way.
    public let maxDegrees: Double
    /// Probability of a horizontal flip.
    public let flipProbability: Double

    /// HQNN's: up to 10 degrees, flips with probability 0.5 (torchvision's default).
    public static let hqnn = RandomFlipRotation(maxDegrees: 10, flipProbability: 0.5)

    /// - Precondition: `maxDegrees >= 0` and `flipProbability` lies in 0...1.
    public init(maxDegrees: Double, flipProbability: Double) {
        precondition(maxDegrees >= 0 && (0...1).contains(flipProbability), "RandomFlipRotation: \(maxDegrees), \(flipProbability)")
        self.maxDegrees = maxDegrees
        self.flipProbability = flipProbability
    }

    /// The angle and flip drawn for one image.
    public func draw(using generator: inout some RandomNumberGenerator) -> (degrees: Double, flip: Bool) {
        let degrees = -maxDegrees + 2 * maxDegrees * (Double(generator.next() >> 11) * 0x1p-53)
        let flip = Double(generator.next() >> 11) * 0x1p-53 < flipProbability
        return (degrees, flip)
    }

    /// `image` rotated and perhaps flipped, with fresh draws.
    public func apply(to image: PlanarImage, using generator: inout some RandomNumberGenerator) -> PlanarImage {
        let (degrees, flip) = draw(using: &generator)
        let rotated = image.rotated(degrees: degrees)
        return flip ? rotated.flippedHorizontally() : rotated
    }

    /// Every image of `set` augmented in order, each with its own draws.
    public func apply(to set: ImageSet, using generator: inout some RandomNumberGenerator) -> ImageSet {
        var pixels: [UInt8] = []
        pixels.reserveCapacity(set.pixels.count)
        for index in 0..<set.count {
            let image = PlanarImage(channels: set.channels, height: set.height, width: set.width, pixels: Array(set.image(index)))
            pixels += apply(to: image, using: &generator).pixels
        }
        return ImageSet(
            channels: set.channels, height: set.height, width: set.width, pixels: pixels, labels: set.labels,
            classNames: set.classNames, multiLabels: set.multiLabels)
    }
}
