import Datasets
import Foundation
import Testing
import TestSupport

/// `fixtures/datasets/transforms.json.gz` (from `fixtures/generators/pil_transform_goldens.py`):
/// Pillow 13's resizes and rotations, torch's non-antialiased and uint8 antialiased bilinear
/// interpolation, torchvision's centre crop, resize-size rule and ToTensor + Normalize.
struct TransformGoldens: Decodable {
    struct ResizeCase: Decodable {
        let width, height, channels, seed, toWidth, toHeight: Int
        let outputs: [String: String]
    }
    struct RotationCase: Decodable {
        let width, height, channels, seed: Int
        let outputs: [String: String]
        let flipped: String
    }
    struct CropCase: Decodable {
        let width, height, seed, toWidth, toHeight: Int
        let output: String
    }
    struct SizeCase: Decodable {
        let width, height, size: Int
        let expected: [Int]
    }
    struct NormalizeCase: Decodable {
        let width, height, channels, seed: Int
        let mean, std: [Float]
        let toTensor, normalized: [Float]
    }
    struct Conversions: Decodable {
        let width, height, seed: Int
        let rgbToGray, grayToRGB: String
    }
    let pillow: String
    let resizes: [ResizeCase]
    let rotations: [RotationCase]
    let crops: [CropCase]
    let sizes: [SizeCase]
    let normalize: NormalizeCase
    let conversions: Conversions

    static let shared: TransformGoldens = {
        let data = try! Gzip.decompress(Data(contentsOf: Fixtures.url("datasets/transforms.json.gz")), file: "transforms.json.gz")
        return try! JSONDecoder().decode(TransformGoldens.self, from: data)
    }()

    /// The generator's `pattern(width, height, channels, seed)`, as a planar image.
    static func pattern(width: Int, height: Int, channels: Int, seed: Int) -> PlanarImage {
        var hwc = [UInt8](repeating: 0, count: width * height * channels)
        for y in 0..<height {
            for x in 0..<width {
                for c in 0..<channels {
                    let h = (x * 73_856_093) ^ (y * 19_349_663) ^ ((c + seed) * 83_492_791)
                    let noise = width * height <= 4096 ? (h >> 7) % 41 : 0
                    let dx = 2 * x - width, dy = 2 * y - height
                    let ring = (dx * dx + dy * dy) * 9 < width * width * 4 ? 90 : 0
                    let edge = x * 3 > width * 2 ? 60 : 0
                    let v = (x * 160) / width + (y * 50) / height + ring + edge + noise + c * 17
                    hwc[(y * width + x) * channels + c] = UInt8(v % 256)
                }
            }
        }
        return PlanarImage(interleaved: hwc, channels: channels, height: height, width: width)
    }

    /// A base64 golden (HWC bytes) as a planar image.
    static func image(_ base64: String, channels: Int, width: Int, height: Int) -> PlanarImage {
        PlanarImage(interleaved: [UInt8](Data(base64Encoded: base64)!), channels: channels, height: height, width: width)
    }
}

/// The largest per-pixel difference, in grey levels.
private func worstDifference(_ a: PlanarImage, _ b: PlanarImage) -> Int {
    guard a.pixels.count == b.pixels.count else { return Int.max }
    return zip(a.pixels, b.pixels).map { abs(Int($0) - Int($1)) }.max() ?? 0
}

@Suite struct TransformTests {
    @Test func goldensCoverTheBriefsSizes() {
        let shapes = Set(TransformGoldens.shared.resizes.map { "\($0.width)x\($0.height)->\($0.toWidth)x\($0.toHeight)" })
        for shape in ["28x28->8x8", "28x28->14x14", "64x64->32x32", "256x256->224x224", "300x200->224x224", "300x200->336x224"] {
            #expect(shapes.contains(shape), "\(shape)")
        }
        #expect(TransformGoldens.shared.pillow == "13.0.0")
    }

    /// Pillow's own filters reproduce bit for bit; torch's float bilinear within one grey level.
    @Test(arguments: Resize.Filter.allCases) func resizeMatchesPillowAndTorch(filter: Resize.Filter) {
        for golden in TransformGoldens.shared.resizes {
            let input = TransformGoldens.pattern(width: golden.width, height: golden.height, channels: golden.channels, seed: golden.seed)
            let output = input.resized(toWidth: golden.toWidth, toHeight: golden.toHeight, filter: filter)
            let expected = TransformGoldens.image(
                golden.outputs[filter.rawValue]!, channels: golden.channels, width: golden.toWidth, height: golden.toHeight)
            let worst = worstDifference(output, expected)
            let bound = filter == .bilinearNoAntialias ? Tolerance.pillowGreyLevels : 0
            #expect(worst <= bound, "\(filter) \(golden.width)x\(golden.height)->\(golden.toWidth)x\(golden.toHeight): \(worst) levels")
        }
    }

    /// torch's own antialiased uint8 bilinear kernel (torchvision's tensor path) agrees with
    /// Pillow's, and so with ours, to one grey level.
    @Test func antialiasedBilinearMatchesTorchsUInt8Kernel() {
        for golden in TransformGoldens.shared.resizes {
            let input = TransformGoldens.pattern(width: golden.width, height: golden.height, channels: golden.channels, seed: golden.seed)
            let output = input.resized(toWidth: golden.toWidth, toHeight: golden.toHeight, filter: .bilinear)
            let torch = TransformGoldens.image(
                golden.outputs["torchUInt8Antialias"]!, channels: golden.channels, width: golden.toWidth, height: golden.toHeight)
            #expect(worstDifference(output, torch) <= Tolerance.pillowGreyLevels, "\(golden.width)x\(golden.height)")
        }
    }

    @Test func imageSetResizeIsThePlaneResize() {
        let golden = TransformGoldens.shared.resizes.first { $0.channels == 3 }!
        let image = TransformGoldens.pattern(width: golden.width, height: golden.height, channels: 3, seed: golden.seed)
        let set = ImageSet(channels: 3, height: golden.height, width: golden.width, pixels: image.pixels + image.pixels,
                           labels: [0, 1], classNames: ["a", "b"])
        let resized = set.resized(toWidth: golden.toWidth, toHeight: golden.toHeight, filter: .bicubic)
        let expected = TransformGoldens.image(golden.outputs["bicubic"]!, channels: 3, width: golden.toWidth, height: golden.toHeight)
        #expect(resized.pixels == expected.pixels + expected.pixels)
    }

    @Test func shorterSideFollowsTorchvision() {
        for golden in TransformGoldens.shared.sizes {
            let size = Resize.shorterSide(golden.size, width: golden.width, height: golden.height)
            #expect([size.width, size.height] == golden.expected, "\(golden.width)x\(golden.height) -> \(golden.size)")
        }
    }

    /// Pillow's `rotate(angle, NEAREST, fillcolor=0)`, exactly, for angles either way, tiny and
    /// large, the transposed right angles and one over 360; and `FLIP_LEFT_RIGHT`.
    @Test func rotationAndFlipMatchPillow() {
        for golden in TransformGoldens.shared.rotations {
            let input = TransformGoldens.pattern(width: golden.width, height: golden.height, channels: golden.channels, seed: golden.seed)
            for (angle, base64) in golden.outputs {
                let expected = TransformGoldens.image(base64, channels: golden.channels, width: golden.width, height: golden.height)
                let worst = worstDifference(input.rotated(degrees: Double(angle)!), expected)
                #expect(worst == 0, "\(golden.width)x\(golden.height)x\(golden.channels) rotated \(angle): \(worst) levels")
            }
            let flipped = TransformGoldens.image(golden.flipped, channels: golden.channels, width: golden.width, height: golden.height)
            #expect(input.flippedHorizontally() == flipped)
        }
    }

    @Test func centerCropMatchesTorchvision() {
        for golden in TransformGoldens.shared.crops {
            let input = TransformGoldens.pattern(width: golden.width, height: golden.height, channels: 1, seed: golden.seed)
            let expected = TransformGoldens.image(golden.output, channels: 1, width: golden.toWidth, height: golden.toHeight)
            #expect(input.centerCropped(toWidth: golden.toWidth, toHeight: golden.toHeight) == expected,
                    "\(golden.width)x\(golden.height) -> \(golden.toWidth)x\(golden.toHeight)")
        }
    }

    /// ToTensor and Normalize to the last bit of Float32 (the same two correctly rounded operations).
    @Test func toTensorAndNormalizeMatchTorch() {
        let golden = TransformGoldens.shared.normalize
        let image = TransformGoldens.pattern(width: golden.width, height: golden.height, channels: golden.channels, seed: golden.seed)
        #expect(image.toTensor() == golden.toTensor)
        let constants = Normalization(mean: golden.mean, std: golden.std, source: "golden")
        #expect(constants == Normalization(mean: Normalization.imageNet.mean, std: Normalization.imageNet.std, source: "golden"))
        #expect(Normalize.standardized(image.pixels, planeSize: golden.width * golden.height, constants: constants) == golden.normalized)
    }

    @Test func greyAndRGBConversionsMatchPillow() {
        let golden = TransformGoldens.shared.conversions
        let rgb = TransformGoldens.pattern(width: golden.width, height: golden.height, channels: 3, seed: golden.seed)
        #expect(rgb.converted(toChannels: 1) == TransformGoldens.image(golden.rgbToGray, channels: 1, width: golden.width, height: golden.height))
        let grey = PlanarImage(channels: 1, height: golden.height, width: golden.width,
                               pixels: Array(rgb.pixels[0..<(golden.width * golden.height)]))
        #expect(grey.converted(toChannels: 3) == TransformGoldens.image(golden.grayToRGB, channels: 3, width: golden.width, height: golden.height))
    }

    @Test func imageSetConversionIsPillowsPerImage() {
        let golden = TransformGoldens.shared.conversions
        let rgb = TransformGoldens.pattern(width: golden.width, height: golden.height, channels: 3, seed: golden.seed)
        let set = ImageSet(channels: 3, height: golden.height, width: golden.width, pixels: rgb.pixels + rgb.pixels,
                           labels: [1, 0], classNames: ["a", "b"])
        let grey = set.converted(toChannels: 1)
        let expected = TransformGoldens.image(golden.rgbToGray, channels: 1, width: golden.width, height: golden.height).pixels
        #expect(grey.channels == 1 && grey.pixels == expected + expected && grey.labels == [1, 0])
        let back = grey.converted(toChannels: 3)
        // Two images of three identical grey planes each.
        #expect(back.channels == 3 && back.pixels == Array(repeating: expected, count: 6).flatMap { $0 })
    }

    /// The draws: angle `-10 + 20u`, then flip `u < 0.5`, `u` from the top 53 bits of each `next()`.
    @Test func randomFlipRotationDrawsFromTheCallersGenerator() {
        var generator = SplitMix64(seed: 7)
        var reference = SplitMix64(seed: 7)
        let augmentation = RandomFlipRotation.hqnn
        for _ in 0..<50 {
            let (degrees, flip) = augmentation.draw(using: &generator)
            let u1 = Double(reference.next() >> 11) * 0x1p-53, u2 = Double(reference.next() >> 11) * 0x1p-53
            #expect(degrees == -10 + 20 * u1 && flip == (u2 < 0.5))
            #expect(abs(degrees) <= 10)
        }
        // Applying it is rotating by the drawn angle, then flipping when drawn.
        let image = TransformGoldens.pattern(width: 28, height: 28, channels: 1, seed: 5)
        var a = SplitMix64(seed: 11), b = SplitMix64(seed: 11)
        for _ in 0..<8 {
            let (degrees, flip) = augmentation.draw(using: &b)
            let manual = image.rotated(degrees: degrees)
            #expect(augmentation.apply(to: image, using: &a) == (flip ? manual.flippedHorizontally() : manual))
        }
    }

    @Test func datasetNormalizationConstants() throws {
        #expect(Normalization.forDataset("mnist")?.mean == [0.1307])
        #expect(Normalization.forDataset("retinamnist")?.std == [0.5, 0.5, 0.5])
        #expect(Normalization.forDataset("busi") == Normalization.imageNet)
        for entry in DatasetRegistry.all {
            let constants = try #require(Normalization.forDataset(entry.name), "\(entry.name)")
            #expect(constants.mean.count == entry.channels || constants == Normalization.imageNet, "\(entry.name)")
        }
        #expect(Normalization.forDataset("cifar-100") == nil)
    }
}
