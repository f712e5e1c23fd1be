import Autograd
import BenchSupport
import Datasets
import Foundation
import Models
import NeuralNets

/// One real training epoch of the model on the 60,000 MNIST training images as `qreport` trains it
/// (`parallel-mnist`: pixels scaled to [0, 1], shuffled, batch 64 (the last one 32), Adam 1e-3,
/// training mode), then the 10,000 test images in evaluation mode, timed apart.
enum MNISTEpoch {
    /// Both splits, decoded and scaled.
    struct Data {
        var train: LabelledImages
        var test: LabelledImages
        /// Seconds to find, verify (md5), decompress and decode the four files.
        var loadSeconds: Double
    }

    struct Measurement: Codable {
        var steps: Int
        /// Wall seconds of the training loop (batch assembly included).
        var trainSeconds: Double
        var cpuSeconds: Double
        /// Cores other processes used during the epoch, and whether it was re-taken.
        var othersCores: Double
        var retried: Int
        /// Mean of the batch losses.
        var meanTrainLoss: Double
        var evaluationSeconds: Double
        var testAccuracy: Double
        var loadSeconds: Double
    }

    /// Loads MNIST the way `qreport` finds it (`--data-dir`, `QREPORT_DATA`, the cache,
    /// `QREPORT_MIRROR`), never downloading.
    /// - Throws: `DatasetError` when a file is missing, corrupt or inconsistent.
    static func load(dataDirectory: String?) throws -> Data {
        let start = wallSeconds()
        let locator = DataLocator(dataDirectory: dataDirectory, allowDownloads: false)
        func split(_ kind: DatasetSplit.Kind) throws -> LabelledImages {
            let images = try ImageSetLoader.load(entry: DatasetRegistry.mnist, split: kind, locator: locator).images
            return LabelledImages(pixels: images.unitIntervalPixels(), labels: images.labels,
                                  imageShape: [images.channels, images.height, images.width])
        }
        let train = try split(.train), test = try split(.test)
        return Data(train: train, test: test, loadSeconds: wallSeconds() - start)
    }

    /// Trains a fresh model for one epoch (one quiet-machine sample, re-taken once if contended)
    /// and evaluates it.
    /// - Throws: `LossError` when a training loss is not finite.
    static func train(_ data: Data) throws -> Measurement {
        var outcome: Swift.Result<(model: HQNNParallel, meanLoss: Double, steps: Int), Error>?
        let run = QuietMachine.samples(1) {
            // A re-taken sample starts again from the same model and order.
            var g = SplitMix64(state: 1)
            let model = hqnnParallelMNIST(&g)
            var order = Array(0..<data.train.count)
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(g.next() % UInt64(i + 1))) }
            let optimizer = Adam(parameters: model.parameters, learningRate: 1e-3)
            model.setTraining(true)
            outcome = Swift.Result {
                let epoch = try data.train.trainEpoch(order: order, batchSize: 64, optimizer: optimizer, model.logits)
                return (model, epoch.meanLoss, epoch.steps)
            }
        }
        let (model, meanLoss, steps) = try outcome!.get()   // `samples` runs the body at least once
        let evaluationStart = wallSeconds()
        model.setTraining(false)
        let accuracy = data.test.accuracy(model.logits)
        return Measurement(steps: steps, trainSeconds: run.wall[0], cpuSeconds: run.cpu[0], othersCores: run.others[0],
                           retried: run.retried, meanTrainLoss: meanLoss,
                           evaluationSeconds: wallSeconds() - evaluationStart, testAccuracy: accuracy,
                           loadSeconds: data.loadSeconds)
    }
}
