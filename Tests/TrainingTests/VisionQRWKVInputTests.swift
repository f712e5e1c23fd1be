import Catalog
import Datasets
import Foundation
import Results
import Testing
import TestSupport
@testable import Training

/// What the Vision-QRWKV models see: the authors' `Compose([Resize((8, 8)), ToTensor(), Normalize(mean, std)])`
/// on the PIL image (MedMNIST `as_rgb=True` converting to RGB first), against
/// `fixtures/training/vision_qrwkv_inputs.json` (Pillow 13 + torch, fixtures/generators/vision_qrwkv_inputs.py).
@Suite struct VisionQRWKVInputTests {
    struct Goldens: Decodable {
        struct Case: Decodable {
            let name: String
            let channels: Int
            let mean: [Double]
            let std: [Double]
            let tensor: [Float]
        }
        let cases: [Case]

        func named(_ name: String) throws -> Case { try #require(cases.first { $0.name == name }) }
    }

    let goldens: Goldens
    init() throws { goldens = try Fixtures.json(Goldens.self, "training/vision_qrwkv_inputs.json") }

    func experiment(_ id: String) throws -> Experiment { try VisionQRWKVPaper.paper.experiment(id) }

    /// The first 2 training images of a split through the experiment's pipeline, as the trainer's batch tensor.
    func trainerTensor(_ experiment: Experiment, images set: ImageSet) -> (shape: [Int], data: [Float]) {
        let scale = ScaleProtocol(scale: .smoke, trainCount: 2, testCount: 2, epochs: 1, seeds: [0])
        let data = ExperimentData.prepare(experiment: experiment, scale: scale, train: set, test: set,
                                          classNames: set.classNames, files: [], sampled: false)
        let batch = data.train.batch([0, 1][...]).images
        return (batch.shape, batch.data)
    }

    func npz(_ file: String, channels: Int, classes: Int) throws -> ImageSet {
        let entry = DatasetEntry(
            name: "sample", title: "sample", directory: "samples",
            files: [DatasetFile(name: "npz", acceptedNames: [file], md5: nil, url: nil)],
            classNames: (0..<classes).map(String.init), channels: channels, height: 28, width: 28,
            splits: [DatasetSplit(kind: .train, count: 4, source: .npz(file: "npz", images: "train_images", labels: "train_labels"))],
            licence: "CC BY 4.0", citation: "MedMNIST v2", homepage: nil)
        let locator = DataLocator(dataDirectory: Fixtures.url("datasets").path, environment: ["HOME": "/nonexistent"], allowDownloads: false)
        return try ImageSetLoader.load(entry: entry, split: .train, locator: locator).images
    }

    @Test func mnistImagesAreResizedAndNormalisedAsTheScript() throws {
        let golden = try goldens.named("mnist")
        let idx = try IDX.decode(Data(contentsOf: Fixtures.url("datasets/mnist-sample/train-images-idx3-ubyte")), file: "train-images")
        let set = ImageSet(channels: 1, height: 28, width: 28, pixels: Array(idx.values.prefix(2 * 784)), labels: [5, 0],
                           classNames: (0..<10).map(String.init))
        let mnist = try experiment("mnist")
        #expect(golden.mean == mnist.training.normalization?.mean && golden.std == mnist.training.normalization?.std)
        let seen = trainerTensor(mnist, images: set)
        #expect(seen.shape == [2, 1, 8, 8])
        // IEEE single arithmetic on both sides (exact resize, /255, subtract, divide): equal bit for bit.
        #expect(seen.data == golden.tensor)
        // By hand: a black pixel (the corners) is (0 - 0.1307) / 0.3081 in Float32.
        #expect(seen.data[0] == (Float(0) - Float(0.1307)) / Float(0.3081))
    }

    @Test func rgbTokensUseTheScriptsPerChannelConstants() throws {
        let golden = try goldens.named("retinamnist")
        let retina = try experiment("retinamnist")
        #expect(golden.mean == retina.training.normalization?.mean && golden.std == retina.training.normalization?.std)
        let seen = trainerTensor(retina, images: try npz("retinamnist-sample.npz", channels: 3, classes: 5))
        #expect(seen.shape == [2, 3, 8, 8])
        #expect(seen.data == golden.tensor)
    }

    /// TissueMNIST is greyscale but loaded with as_rgb=True: three equal planes, each normalised with its own constants.
    @Test func greyDatasetsLoadedAsRGBGetThreeNormalisedPlanes() throws {
        let golden = try goldens.named("tissuemnist-style")
        let tissue = try experiment("tissuemnist")
        #expect(golden.mean == tissue.training.normalization?.mean && golden.std == tissue.training.normalization?.std)
        let seen = trainerTensor(tissue, images: try npz("breastmnist-sample.npz", channels: 1, classes: 2))
        #expect(seen.shape == [2, 3, 8, 8])
        #expect(seen.data == golden.tensor)
        // The planes differ only through the constants: (x - m_c) / s_c maps back to the same x.
        let x0 = (0..<3).map { c in Double(seen.data[c * 64]) * golden.std[c] + golden.mean[c] }
        #expect(abs(x0[0] - x0[1]) < 1e-6 && abs(x0[0] - x0[2]) < 1e-6)
    }

    /// Protocols without normalisation (HQNN) still see ToTensor's [0, 1] pixels.
    @Test func protocolsWithoutNormalisationKeepUnitPixels() throws {
        let golden = try goldens.named("mnist")
        let idx = try IDX.decode(Data(contentsOf: Fixtures.url("datasets/mnist-sample/train-images-idx3-ubyte")), file: "train-images")
        let set = ImageSet(channels: 1, height: 28, width: 28, pixels: Array(idx.values.prefix(2 * 784)), labels: [5, 0],
                           classNames: (0..<10).map(String.init))
        var plain = try experiment("mnist")
        plain.training.normalization = nil
        let seen = trainerTensor(plain, images: set)
        let unit = golden.tensor.map { $0 * Float(0.3081) + Float(0.1307) }
        #expect(seen.data.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(zip(seen.data, unit).allSatisfy { abs($0 - $1) < 1e-6 })
    }
}
