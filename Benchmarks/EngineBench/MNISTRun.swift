import Autograd
import BenchSupport
import Datasets
import Foundation
import NeuralNets

/// `engine-bench mnist DIR`: trains the classical HQNN CNN on the 60,000 MNIST training images
/// (batch 64, Adam 1e-3, shuffled each epoch with a fixed seed, pixels scaled to [0, 1]) and
/// reports the accuracy on the 10,000 test images (evaluation mode) and the times.
enum MNISTRun {
    static func run(directory: URL, epochs: Int) throws {
        let train = try load(directory, images: "train-images-idx3-ubyte.gz", labels: "train-labels-idx1-ubyte.gz")
        let test = try load(directory, images: "t10k-images-idx3-ubyte.gz", labels: "t10k-labels-idx1-ubyte.gz")
        print("MNIST: \(train.labels.count) training and \(test.labels.count) test images; OpenBLAS core \(EngineProcess.openBLASCoreName)")

        var g = SplitMix64(state: 0)
        let model = hqnnCNN(&g)
        let optimizer = Adam(parameters: model.parameters, learningRate: 1e-3)
        let batchSize = 64
        var order = Array(0..<train.labels.count)
        for epoch in 1...epochs {
            // Fisher-Yates with the benchmark's own generator (reproducible).
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(g.next() % UInt64(i + 1))) }
            model.setTraining(true)
            let start = wallSeconds()
            let (meanLoss, steps) = try train.trainEpoch(order: order, batchSize: batchSize, optimizer: optimizer) { model($0) }
            let trainSeconds = wallSeconds() - start
            let evalStart = wallSeconds()
            model.setTraining(false)
            let accuracy = test.accuracy { model($0) }
            print(String(format: "epoch %d: %d steps in %.1f s (%.2f ms/step), mean loss %.4f, test accuracy %.2f %% (eval %.1f s)",
                         epoch, steps, trainSeconds, trainSeconds / Double(steps) * 1e3, meanLoss,
                         accuracy * 100, wallSeconds() - evalStart))
        }
    }

    static func load(_ directory: URL, images: String, labels: String) throws -> LabelledImages {
        func idx(_ name: String) throws -> IDXArray {
            let url = directory.appendingPathComponent(name)
            return try IDX.decode(Gzip.decompress(Data(contentsOf: url), file: name), file: name)
        }
        let imageArray = try idx(images), labelArray = try idx(labels)
        guard imageArray.dimensions.count == 3, imageArray.dimensions[1] == 28, imageArray.dimensions[2] == 28,
              labelArray.dimensions == [imageArray.dimensions[0]] else {
            throw BenchmarkError("\(images)/\(labels): dimensions \(imageArray.dimensions) and \(labelArray.dimensions), expected [N, 28, 28] and [N]")
        }
        return LabelledImages(pixels: imageArray.values.map { Float($0) / 255 }, labels: labelArray.values.map(Int.init),
                              imageShape: [1, 28, 28])
    }
}
