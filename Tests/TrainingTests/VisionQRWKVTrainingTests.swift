import Catalog
import Foundation
import Results
import Testing
import TestSupport
@testable import Training

/// The Vision-QRWKV runs' robustness: non-finite losses stop the run with a clear line; progress lines carry an ETA.
@Suite struct VisionQRWKVTrainingTests {
    func images(count: Int, nanAt: Int?) -> LabeledImages {
        var g = SplitMix64(seed: 3)
        var pixels = (0..<(count * 64)).map { _ in Float(Double(g.next() >> 11) * 0x1p-53) }
        if let nanAt { pixels[nanAt * 64 + 5] = .nan }
        return LabeledImages(count: count, channels: 1, height: 8, width: 8, pixels: pixels, labels: (0..<count).map { $0 % 10 })
    }

    /// One NaN pixel makes its batch's loss NaN: the run stops there, and the message names the run, the epoch,
    /// the batch (found here from the same shuffle stream: the position of the image in the permutation / 4 + 1)
    /// and the loss.
    @Test func nonFiniteLossStopsTheRunNamingWhere() throws {
        let experiment = try VisionQRWKVPaper.paper.experiment("mnist")
        var initialisation = SeededGenerator(seed: 0, purpose: .initialisation)
        let model = try ModelFactory.make(experiment.models[0], imageSize: 8, classes: 10, generator: &initialisation)
        let poisoned = 5
        var order = SeededGenerator(seed: 4, purpose: .shuffle)
        let expectedBatch = order.permutation(12).firstIndex(of: poisoned)! / 4 + 1
        var shuffle = SeededGenerator(seed: 4, purpose: .shuffle)
        var finished: [Int] = []
        let trainer = Trainer(epochs: 2, batchSize: 4, learningRate: 1e-3, optimizer: "adamw") { finished.append($0.epoch) }
        let error = try #require(throws: TrainingError.self) {
            try trainer.fit(model, train: images(count: 12, nanAt: poisoned), test: images(count: 4, nanAt: nil),
                            classNames: (0..<10).map(String.init), shuffle: &shuffle, runLabel: "mnist · Classical RWKV · seed 4")
        }
        guard case let .nonFiniteLoss(run, epoch, batch, batches, _) = error else {
            Issue.record("expected a training-loss error, got \(error)")
            return
        }
        #expect(run == "mnist · Classical RWKV · seed 4" && epoch == 1 && batch == expectedBatch && batches == 3)
        #expect(finished.isEmpty)
        let line = error.description
        #expect(line.hasPrefix("mnist · Classical RWKV · seed 4: training stopped at epoch 1, batch \(expectedBatch) of 3: cross-entropy loss is nan"), "\(line)")
        #expect(!line.contains("\n"))
    }

    /// After epoch 3 of 30 at 12 s: 4 s per epoch, 27 left -> 108 s = "2 min".
    @Test func progressLineShowsPaceAndETA() {
        let clock = EpochProgress(epoch: 3, epochs: 30, elapsedSeconds: 12)
        let metrics = EpochMetrics(epoch: 3, trainLoss: 0.5, trainAccuracy: 0.8, testLoss: 0.25, testAccuracy: 0.9125)
        #expect(clock.line("mnist · Quantum RWKV · seed 0", metrics)
                == "mnist · Quantum RWKV · seed 0 · epoch 3/30 · train loss 0.5000 · test loss 0.2500 · test accuracy 91.25% · 4.0 s/epoch · ETA 2 min")
        #expect(EpochProgress(epoch: 30, epochs: 30, elapsedSeconds: 7200).line("x", metrics).hasSuffix("4 min/epoch · done"))
        #expect(EpochProgress.duration(5400) == "1.5 h" && EpochProgress.duration(41) == "41 s")
    }
}
