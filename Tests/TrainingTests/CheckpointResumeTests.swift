import Catalog
import Foundation
import Results
import Testing
import TestSupport
@testable import Training

/// Epoch checkpoints: a run stopped after epoch k and started again ends with the bytes of a run that never stopped.
/// The stop is the checkpoint file a killed process leaves: the one present right after epoch k (copied at that
/// moment from an uninterrupted run); `qreport run` killed with SIGKILL is checked by hand (see the report).
@Suite struct CheckpointResumeTests {
    /// `count` random images of the experiment's size and channels, labels cycling over 10 classes.
    func images(_ count: Int, size: Int, channels: Int, seed: UInt64) -> LabeledImages {
        var g = SplitMix64(seed: seed)
        let pixels = (0..<(count * channels * size * size)).map { _ in Float(Double(g.next() >> 11) * 0x1p-53) }
        return LabeledImages(count: count, channels: channels, height: size, width: size, pixels: pixels,
                             labels: (0..<count).map { $0 % 10 })
    }

    func workFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qreport-checkpoint-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The experiment with a 3-epoch smoke protocol on `train` training images in batches of `batch` (a short last
    /// batch) and `test` test images.
    func experiment(_ paper: Paper, _ id: String, train: Int = 20, test: Int = 8, batch: Int = 8) throws -> Experiment {
        var experiment = try paper.experiment(id)
        experiment.scales = [ScaleProtocol(scale: .smoke, trainCount: train, testCount: test, epochs: 3, seeds: [5])]
        experiment.training.batchSize = batch
        return experiment
    }

    func data(for experiment: Experiment) -> ExperimentData {
        let channels = experiment.models.map(ModelFactory.inputChannels).max() ?? 1
        let size = experiment.training.imageSize
        let counts = experiment.protocolFor(.smoke)
        return ExperimentData(train: images(counts.trainCount, size: size, channels: channels, seed: 1),
                              test: images(counts.testCount, size: size, channels: channels, seed: 2),
                              classNames: (0..<10).map(String.init), files: [])
    }

    /// Quantum RWKV (AdamW, a quantum layer), HQNN-Parallel's CNN (Adam, BatchNorm running statistics), AE-VQC's
    /// ResNet-18_q (224 x 224, 20 BatchNorms, the 15-qubit head) and MaxViT-T (stochastic depth: its random stream is a
    /// buffer the checkpoint carries; 6 images in batches of 4, to keep the test short): resumed after epoch 1 and after
    /// epoch 2, the record
    /// is byte-identical to the uninterrupted one, the log says where it resumed, and the checkpoint is gone once the
    /// record is stored.
    @Test(arguments: [("vision-qrwkv", "mnist", "quantum-rwkv"), ("hqnn", "parallel-mnist", "cnn"),
                      ("ae-vqc", "busi", "resnet-18-vqc-ansatz1"), ("ae-vqc", "busi", "maxvit-t")])
    func resumedRunsGiveTheUninterruptedRecord(paperID: String, experimentID: String, modelID: String) throws {
        let paper = try Papers.named(paperID)
        let maxViT = modelID.hasPrefix("maxvit")
        let experiment = try experiment(paper, experimentID, train: maxViT ? 6 : 20, test: maxViT ? 2 : 8, batch: maxViT ? 4 : 8)
        let model = try #require(experiment.models.first { $0.id == modelID })
        let scale = experiment.protocolFor(.smoke)
        let identity = RunPlanner.identity(paper: paper, experiment: experiment, model: model, scale: scale, seed: 5)
        let data = data(for: experiment)
        let work = workFolder()
        defer { try? FileManager.default.removeItem(at: work) }

        // Uninterrupted, through the runner (which saves a checkpoint after epochs 1 and 2).
        let straight = RunStore(directory: work.appendingPathComponent("straight"))
        let runner = ExperimentRunner(store: straight, threads: 2, gitCommit: "test")
        _ = try runner.produce(model: model, identity: identity, experiment: experiment, scale: .smoke,
                               progress: Progress(totalRuns: 1)) { data }
        let expected = try Data(contentsOf: straight.recordURL(key: identity.key))
        #expect(!FileManager.default.fileExists(atPath: straight.checkpoint(key: identity.key).url.path))

        // The same run trained by hand with checkpoints, copying the file a kill after epoch k would leave.
        let saved = work.appendingPathComponent("saved")
        try FileManager.default.createDirectory(at: saved, withIntermediateDirectories: true)
        let file = RunCheckpointFile(url: work.appendingPathComponent("live.checkpoint"))
        var initialisation = SeededGenerator(seed: 5, purpose: .initialisation)
        var shuffle = SeededGenerator(seed: 5, purpose: .shuffle)
        let network = try ModelFactory.make(model, imageSize: experiment.training.imageSize, classes: 10, generator: &initialisation)
        var trainer = Trainer(epochs: 3, batchSize: experiment.training.batchSize, learningRate: experiment.training.learningRate,
                              optimizer: experiment.training.optimizer) { metrics in
            if metrics.epoch < 3 {
                try? FileManager.default.copyItem(at: file.url, to: saved.appendingPathComponent("after-\(metrics.epoch)"))
            }
        }
        trainer.checkpoints = TrainingCheckpoints(file: file, key: identity.key)
        _ = try trainer.fit(network, train: data.train, test: data.test, classNames: data.classNames, shuffle: &shuffle, runLabel: "x")

        for k in [1, 2] {
            let store = RunStore(directory: work.appendingPathComponent("resumed-\(k)"))
            try FileManager.default.createDirectory(at: store.directory, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: saved.appendingPathComponent("after-\(k)"), to: store.checkpoint(key: identity.key).url)
            let header = try #require(try store.checkpoint(key: identity.key).header())
            #expect(header.key == identity.key && header.epoch == k && header.epochs == 3 && (header.trainedSeconds ?? -1) >= 0)
            var resumedAt: Int?
            var resumer = ExperimentRunner(store: store, threads: 2, gitCommit: "test")
            resumer.onResume = { resumedAt = $0 }
            _ = try resumer.produce(model: model, identity: identity, experiment: experiment, scale: .smoke,
                                    progress: Progress(totalRuns: 1)) { data }
            #expect(resumedAt == k + 1)
            let resumed = try Data(contentsOf: store.recordURL(key: identity.key))
            #expect(resumed == expected, "\(modelID): the record resumed after epoch \(k) differs from the uninterrupted one")
            #expect(!FileManager.default.fileExists(atPath: store.checkpoint(key: identity.key).url.path))
        }
    }

    /// A checkpoint of another run, or one that is not a checkpoint, stops the run with a line naming the file.
    @Test func foreignOrBrokenCheckpointsAreErrors() throws {
        let paper = VisionQRWKVPaper.paper
        let experiment = try experiment(paper, "mnist")
        let model = experiment.models[0]
        let identity = RunPlanner.identity(paper: paper, experiment: experiment, model: model, scale: experiment.protocolFor(.smoke), seed: 5)
        let work = workFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let store = RunStore(directory: work)
        let checkpoint = store.checkpoint(key: identity.key)
        try checkpoint.write(RunCheckpointFile.Header(key: String(repeating: "0", count: 64), epoch: 1, epochs: 3), payload: Data("{}".utf8))
        let runner = ExperimentRunner(store: store, threads: 2, gitCommit: "test")
        let foreign = try #require(throws: RunCheckpointError.self) {
            _ = try runner.produce(model: model, identity: identity, experiment: experiment, scale: .smoke,
                                   progress: Progress(totalRuns: 1)) { data(for: experiment) }
        }
        #expect("\(foreign)".contains(checkpoint.url.path) && "\(foreign)".contains("belongs to run 0000"))
        try Data("not a checkpoint".utf8).write(to: checkpoint.url)
        let broken = try #require(throws: RunCheckpointError.self) {
            _ = try runner.produce(model: model, identity: identity, experiment: experiment, scale: .smoke,
                                   progress: Progress(totalRuns: 1)) { data(for: experiment) }
        }
        #expect("\(broken)".contains("has no header line") && "\(broken)".hasSuffix("delete it to train that run from its first epoch"))
        #expect(!FileManager.default.fileExists(atPath: store.recordURL(key: identity.key).path))
    }
}
