import Datasets
import Foundation
import TestSupport
import Testing

/// `fixtures/datasets/pil_resize.json`: Pillow 13's `Image.resize(size, Image.BILINEAR)` on mode
/// "L" images, and for the MNIST cases torchvision's Resize(14) + ToTensor values.
struct ResizeGoldens: Decodable {
    struct Case: Decodable {
        let name: String
        let width: Int
        let height: Int
        let toWidth: Int
        let toHeight: Int
        let input: [UInt8]
        let expected: [UInt8]
        let toTensor: [Double]?
    }
    let pillow: String
    let cases: [Case]

    static let shared: ResizeGoldens = try! Fixtures.json(ResizeGoldens.self, "datasets/pil_resize.json")
}

@Suite struct ResizeTests {
    @Test func goldensCoverTheBriefsCases() {
        let goldens = ResizeGoldens.shared
        #expect(goldens.pillow == "13.0.0")
        #expect(goldens.cases.filter { $0.name.hasPrefix("mnist-") }.count == 20)
        let shapes = Set(goldens.cases.map { "\($0.width)x\($0.height)->\($0.toWidth)x\($0.toHeight)" })
        for shape in ["28x28->8x8", "28x28->14x14", "64x64->8x8", "13x13->7x7", "8x8->14x14", "28x28->28x11", "30x17->12x17"] {
            #expect(shapes.contains(shape), "\(shape)")
        }
    }

    /// Bit-exact: 0 grey levels of difference on every pixel of every case.
    @Test(arguments: ResizeGoldens.shared.cases.map(\.name)) func matchesPillowExactly(name: String) throws {
        let golden = try #require(ResizeGoldens.shared.cases.first { $0.name == name })
        let output = Resize.bilinear(
            golden.input, width: golden.width, height: golden.height, toWidth: golden.toWidth, toHeight: golden.toHeight)
        #expect(output.count == golden.expected.count)
        let worst = zip(output, golden.expected).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(worst == 0, "\(name): largest difference \(worst) grey levels")
    }

    /// The HQNN-Quanv input pipeline, Resize(14) then ToTensor, to the last bit of Float32.
    @Test func mnistResizeToTensorMatchesTorchvision() throws {
        let cases = ResizeGoldens.shared.cases.filter { $0.toTensor != nil }
        #expect(cases.count == 20)
        let set = ImageSet(
            channels: 1, height: 28, width: 28, pixels: cases.flatMap(\.input), labels: cases.map { _ in 0 },
            classNames: ["0"])
        let resized = set.resized(toWidth: 14, toHeight: 14)
        #expect(resized.height == 14 && resized.width == 14 && resized.count == 20)
        #expect(resized.pixels == cases.flatMap(\.expected))
        let floats = resized.unitIntervalPixels()
        let expected = cases.flatMap { $0.toTensor! }.map { Float($0) }
        #expect(floats == expected)
    }

    /// Same size in both directions: Pillow copies the image.
    @Test func identityResizeCopies() {
        let pixels: [UInt8] = (0..<35).map { UInt8($0 * 7) }
        #expect(Resize.bilinear(pixels, width: 7, height: 5, toWidth: 7, toHeight: 5) == pixels)
    }

    /// A constant image stays constant under any resize: the normalised fixed-point weights of
    /// each output pixel sum to 2^22 up to rounding, which the +2^21 bias and >>22 absorb.
    @Test func constantImagesStayConstant() {
        for value: UInt8 in [0, 1, 128, 254, 255] {
            let pixels = [UInt8](repeating: value, count: 28 * 28)
            for (w, h) in [(14, 14), (8, 8), (5, 9), (40, 33)] {
                #expect(Resize.bilinear(pixels, width: 28, height: 28, toWidth: w, toHeight: h).allSatisfy { $0 == value })
            }
        }
    }

    /// Multi-channel sets resize plane by plane: channel c of the result is the resize of channel c.
    @Test func multiChannelSetsResizePerPlane() {
        let planes: [[UInt8]] = (0..<3).map { (c: Int) -> [UInt8] in
            (0..<54).map { (i: Int) -> UInt8 in UInt8((i * 37 + c * 91) % 256) }
        }
        let set = ImageSet(channels: 3, height: 6, width: 9, pixels: planes.flatMap { $0 }, labels: [1], classNames: ["a", "b"])
        let resized = set.resized(toWidth: 4, toHeight: 5)
        let expected = planes.flatMap { Resize.bilinear($0, width: 9, height: 6, toWidth: 4, toHeight: 5) }
        #expect(resized.pixels == expected)
        #expect(resized.labels == [1] && resized.channels == 3)
    }

    /// `Float(p) / 255` for every byte: spot values derived by hand (0, 1 exactly; 51/255 = 0.2
    /// rounded to the nearest Float32, 0x3E4CCCCD).
    @Test func unitInterval() {
        let floats = Normalize.unitInterval([0, 51, 255])
        #expect(floats[0] == 0)
        #expect(floats[1].bitPattern == 0x3E4C_CCCD)
        #expect(floats[2] == 1)
    }
}
