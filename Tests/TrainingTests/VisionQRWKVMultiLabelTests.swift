import Autograd
import Catalog
import Datasets
import Foundation
import Results
import Testing
import TestSupport
@testable import Training

/// ChestMNIST's two protocols: the authors' (cross-entropy on the argmax of the multi-hot label,
/// element-wise binary accuracy) and a correct multi-label one (BCE-with-logits, mean AUC).
@Suite struct VisionQRWKVMultiLabelTests {
    static let labels = 14

    /// A tiny synthetic ChestMNIST-shaped split: 28x28 greyscale, 14 flags per image from a fixed
    /// pattern (some images with none), pixels brighter in the rows of the present findings.
    func chestLike(count: Int, seed: UInt64) -> ImageSet {
        var g = SplitMix64(seed: seed)
        var pixels: [UInt8] = []
        var flags: [UInt8] = []
        var first: [Int] = []
        for i in 0..<count {
            let row = (0..<Self.labels).map { j -> UInt8 in (i * 7 + j * 3) % 5 == 0 && i % 4 != 3 ? 1 : 0 }
            flags += row
            first.append(row.firstIndex(of: 1) ?? 0)
            for r in 0..<28 {
                for _ in 0..<28 {
                    let lit = r / 2 < Self.labels && row[r / 2] == 1
                    pixels.append(UInt8(truncatingIfNeeded: (lit ? 160 : 20) + Int(g.next() % 40)))
                }
            }
        }
        return ImageSet(channels: 1, height: 28, width: 28, pixels: pixels, labels: first,
                        classNames: (0..<Self.labels).map { "finding \($0)" }, multiLabels: flags)
    }

    func prepared(_ experiment: Experiment, train: Int = 24, test: Int = 16) -> ExperimentData {
        let scale = ScaleProtocol(scale: .smoke, trainCount: train, testCount: test, epochs: 1, seeds: [0])
        return ExperimentData.prepare(experiment: experiment, scale: scale, train: chestLike(count: train, seed: 1),
                                      test: chestLike(count: test, seed: 2), classNames: (0..<Self.labels).map { "finding \($0)" },
                                      files: [], sampled: false)
    }

    var authors: Experiment { get throws { try VisionQRWKVPaper.paper.experiment("chestmnist") } }
    var correct: Experiment { get throws { try VisionQRWKVPaper.paper.experiment("chestmnist-multilabel") } }

    /// Hand-derived: scores (0.1, 0.4, 0.35, 0.8) with positives {0.35, 0.8}: of the 4 positive-negative
    /// pairs, 3 are ordered right -> 0.75 (scikit-learn's documented example). Ties count one half:
    /// (1, 1, 2) with positives {1, 2}: pairs (1 vs 1) 1/2, (2 vs 1) 1 -> 0.75.
    @Test func aucIsTheMannWhitneyStatistic() {
        #expect(MultiLabelScoring.auc(scores: [0.1, 0.4, 0.35, 0.8], positive: [false, false, true, true]) == 0.75)
        #expect(MultiLabelScoring.auc(scores: [1, 1, 2], positive: [true, false, true]) == 0.75)
        #expect(MultiLabelScoring.auc(scores: [3, 1, 2], positive: [true, false, false]) == 1)
        #expect(MultiLabelScoring.auc(scores: [1, 2], positive: [true, true]) == nil)
    }

    /// Three images, two labels, worked by hand:
    /// logits (2, -1), (-0.5, 0.3), (1e-8, -3); flags (1, 0), (1, 1), (0, 0); first positives 0, 0, 0.
    /// Decisions sigmoid > 0.5 in Float32: (1, 0), (0, 1), (0, 0) - sigmoid(1e-8) rounds to 0.5, so absent.
    /// Right: 2 + 1 + 2 = 5 of 6; per label 2/3 and 3/3. Prevalence 2/3 and 1/3 (all-absent scores 1/2).
    /// AUC label 0: positives {2, -0.5} vs negative {1e-8}: 1 of 2 pairs -> 0.5; label 1: {0.3} above {-1, -3} -> 1.
    /// Arg-max per image 0, 1, 0 against 0, 0, 0 -> 2/3.
    @Test func metricsOfAWorkedExample() {
        let m = MultiLabelScoring.metrics(logits: [2, -1, -0.5, 0.3, 1e-8, -3], flags: [1, 0, 1, 1, 0, 0],
                                          labels: [0, 0, 0], labelCount: 2)
        #expect(m.elementwiseAccuracy == 5.0 / 6)
        #expect(m.labelAccuracy == [2.0 / 3, 1])
        #expect(m.labelAUC == [0.5, 1])
        #expect(m.meanAUC == 0.75)
        #expect(m.labelPrevalence == [2.0 / 3, 1.0 / 3])
        #expect(m.argmaxAccuracy == 2.0 / 3)
        #expect(abs(m.allAbsentAccuracy - 0.5) < 1e-15)
    }

    @Test func catalogGivesChestMNISTBothProtocols() throws {
        #expect(try authors.training.multiLabel == .argmaxCrossEntropy)
        #expect(try correct.training.multiLabel == .binaryCrossEntropy)
        #expect(try prepared(authors).train.multiLabel?.objective == .argmaxCrossEntropy)
        #expect(try prepared(correct).test.multiLabel?.objective == .binaryCrossEntropy)
    }

    /// The authors' loss is cross-entropy against the first positive finding (0 when none); the correct one is
    /// BCE-with-logits on all 14 flags. Both against the formulas evaluated here in Double.
    @Test func eachProtocolTrainsOnItsTarget() throws {
        let authorsData = try prepared(authors).train
        let correctData = try prepared(correct).train
        let rows = 6
        let indices = Array(0..<rows)[...]
        var g = SplitMix64(seed: 9)
        let logits = (0..<(rows * Self.labels)).map { _ in Float(Double(g.next() >> 11) * 0x1p-53 * 6 - 3) }
        let flags = correctData.multiLabel!.flags
        var crossEntropy = 0.0
        var bce = 0.0
        for i in 0..<rows {
            let row = (0..<Self.labels).map { Double(logits[i * Self.labels + $0]) }
            let target = (0..<Self.labels).first { flags[i * Self.labels + $0] == 1 } ?? 0
            let top = row.max()!
            crossEntropy += -(row[target] - top - log(row.reduce(0) { $0 + exp($1 - top) }))
            for j in 0..<Self.labels {
                let p = 1 / (1 + exp(-row[j]))
                let t = Double(flags[i * Self.labels + j])
                bce += -(t * log(p) + (1 - t) * log(1 - p))
            }
        }
        let tensor = Tensor(shape: [rows, Self.labels], data: logits)
        let labels = authorsData.labels.prefix(rows).map { $0 }
        let authorsLoss = Double(Trainer.loss(tensor, labels: labels, indices: indices, of: authorsData).item())
        let correctLoss = Double(Trainer.loss(tensor, labels: labels, indices: indices, of: correctData).item())
        #expect(Tolerance.close(authorsLoss, crossEntropy / Double(rows), rel: Tolerance.float32LossRelative))
        #expect(Tolerance.close(correctLoss, bce / Double(rows * Self.labels), rel: Tolerance.float32LossRelative))
    }

    /// Both protocols train end to end and record the multi-label metrics; the run's test accuracy is the
    /// element-wise one (what Table 1 reports) under both.
    @Test(arguments: ["chestmnist", "chestmnist-multilabel"])
    func trainingRecordsMultiLabelMetrics(_ id: String) throws {
        let experiment = try VisionQRWKVPaper.paper.experiment(id)
        let data = prepared(experiment)
        var initialisation = SeededGenerator(seed: 0, purpose: .initialisation)
        var shuffle = SeededGenerator(seed: 0, purpose: .shuffle)
        let model = try ModelFactory.make(experiment.models[0], imageSize: 8, classes: Self.labels, generator: &initialisation)
        let trainer = Trainer(epochs: 2, batchSize: 8, learningRate: 1e-2, optimizer: "adamw")
        let (epochs, confusion) = try trainer.fit(model, train: data.train, test: data.test, classNames: data.classNames,
                                                  shuffle: &shuffle, runLabel: id)
        let last = try #require(epochs.last)
        let metrics = try #require(last.multiLabel)
        #expect(last.testAccuracy == metrics.elementwiseAccuracy)
        #expect(metrics.labelAUC.count == Self.labels && metrics.labelAccuracy.count == Self.labels)
        // The pattern gives every finding both present and absent images in the 16 test images except those never present.
        let testFlags = data.test.multiLabel!.flags
        let present = (0..<Self.labels).map { j in (0..<16).contains { testFlags[$0 * Self.labels + j] == 1 } }
        #expect(zip(metrics.labelAUC, present).allSatisfy { ($0 != nil) == $1 })
        #expect(confusion.counts.joined().reduce(0, +) == 16)
        #expect(epochs[1].trainLoss < epochs[0].trainLoss)
    }

    /// The committed chest-like NPZ (3 images, 14 flags) loads into the trainer's multi-hot targets unchanged.
    @Test func multiLabelNPZReachesTheTrainer() throws {
        struct Sample: Decodable {
            struct Chest: Decodable { let md5: String; let flags: [Int]; let firstPositive: [Int] }
            let chest: Chest
            enum CodingKeys: String, CodingKey { case chest = "chest-like-sample" }
        }
        let sample = try Fixtures.json(Sample.self, "datasets/samples.json").chest
        let entry = DatasetEntry(
            name: "chest-like", title: "chest-like", directory: "samples",
            files: [DatasetFile(name: "npz", acceptedNames: ["chest-like-sample.npz"], md5: sample.md5, url: nil)],
            classNames: (0..<Self.labels).map { "finding \($0)" }, channels: 1, height: 28, width: 28,
            splits: [DatasetSplit(kind: .train, count: 3, source: .npz(file: "npz", images: "train_images", labels: "train_labels")),
                     DatasetSplit(kind: .test, count: 3, source: .npz(file: "npz", images: "test_images", labels: "test_labels"))],
            licence: "CC BY 4.0", citation: "synthetic", homepage: nil, isMultiLabel: true)
        let locator = DataLocator(dataDirectory: Fixtures.url("datasets").path, environment: ["HOME": "/nonexistent"], allowDownloads: false)
        let train = try ImageSetLoader.load(entry: entry, split: .train, locator: locator).images
        let data = ExperimentData.prepare(experiment: try correct, scale: ScaleProtocol(scale: .smoke, trainCount: 3, testCount: 3, epochs: 1, seeds: [0]),
                                          train: train, test: train, classNames: entry.classNames, files: [], sampled: false)
        #expect(data.train.multiLabel?.flags == sample.flags.map(Float.init))
        #expect(data.train.labels == sample.firstPositive)
        #expect(data.train.multiLabel?.labelCount == Self.labels)
    }
}
