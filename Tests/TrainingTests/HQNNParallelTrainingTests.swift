import Catalog
import Foundation
import Datasets
@testable import Training
import Results
import Testing
import TestSupport

@Suite struct HQNNParallelTrainingTests {
    /// Tiny synthetic MNIST-shaped data: class c has a bright c-th row band, so it is learnable but arbitrary.
    func data(count: Int, seed: UInt64) -> LabeledImages {
        var g = SplitMix64(seed: seed)
        var pixels: [Float] = []
        var labels: [Int] = []
        for i in 0..<count {
            let label = i % 10
            labels.append(label)
            for r in 0..<28 {
                for _ in 0..<28 { pixels.append((r / 3 == label ? 0.8 : 0) + Float(g.next() >> 40) / Float(1 << 26)) }
            }
        }
        return LabeledImages(count: count, channels: 1, height: 28, width: 28, pixels: pixels, labels: labels)
    }

    func model(_ id: String) throws -> ModelSpec {
        try #require(HQNNPaper.parallelMNIST.model(id))
    }

    /// The factory builds each Catalog model with the architecture the spec names (counts by hand in ModelsTests:
    /// 45,194 for HQNN-Parallel, its CNOT-free twin and the same-count control; 45,434 for the CNN).
    @Test func factoryBuildsTheCatalogModels() throws {
        var g = SeededGenerator(seed: 0, purpose: .initialisation)
        let counts = try ["hqnn-parallel", "cnn", "cnn-same-parameters", "hqnn-parallel-no-cnot"].map { id in
            let m = try ModelFactory.make(try model(id), imageSize: 28, classes: 10, generator: &g)
            return [m.parameterCount.classical, m.parameterCount.quantum]
        }
        #expect(counts == [[45014, 180], [45434, 0], [45194, 0], [45014, 180]])
        #expect(ModelFactory.inputChannels(of: HQNNPaper.parallelMedicalMNIST.models[0]) == 3)
        #expect(ModelFactory.inputChannels(of: HQNNPaper.quanv.models[0]) == 1)
    }

    /// Evaluation runs in eval mode: BatchNorm's running statistics are used, not updated, and the model is
    /// back in training mode afterwards (so the next epoch's batches update them again).
    @Test func evaluationLeavesBatchNormStatisticsAlone() throws {
        var g = SeededGenerator(seed: 1, purpose: .initialisation)
        let m = try ModelFactory.make(try model("cnn"), imageSize: 28, classes: 10, generator: &g)
        let before = m.buffers.map(\.values)
        let trainer = Trainer(epochs: 1, batchSize: 8, learningRate: 1e-3)
        _ = trainer.evaluate(m, on: data(count: 16, seed: 2), classNames: (0..<10).map(String.init))
        #expect(m.buffers.map(\.values) == before)
        _ = m.logits(data(count: 4, seed: 3).batch([0, 1, 2, 3][...]).images)
        #expect(m.buffers.map(\.values) != before, "training mode after evaluate updates running statistics")
    }

    /// Same seed, same metrics bit for bit; the hybrid trains end to end through the adjoint backward.
    @Test func hybridTrainingIsDeterministic() throws {
        let train = data(count: 48, seed: 4), test = data(count: 16, seed: 5)
        func fit() throws -> [EpochMetrics] {
            var initialisation = SeededGenerator(seed: 7, purpose: .initialisation)
            var shuffle = SeededGenerator(seed: 7, purpose: .shuffle)
            let m = try ModelFactory.make(try model("hqnn-parallel"), imageSize: 28, classes: 10, generator: &initialisation)
            var lines: [Int] = []
            let trainer = Trainer(epochs: 2, batchSize: 16, learningRate: 1e-2) { lines.append($0.epoch) }
            let result = trainer.fit(m, train: train, test: test, classNames: (0..<10).map(String.init), shuffle: &shuffle)
            #expect(lines == [1, 2])
            return result.epochs
        }
        let first = try fit()
        #expect(first == (try fit()))
        #expect(first.allSatisfy { $0.trainLoss.isFinite && $0.testLoss.isFinite })
    }

    @Test func greyImagesBecomeThreeEqualChannels() {
        let grey = LabeledImages(count: 2, channels: 1, height: 1, width: 2, pixels: [1, 2, 3, 4], labels: [0, 1])
        let rgb = grey.greyToRGB()
        #expect(rgb.channels == 3 && rgb.pixels == [1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4] && rgb.labels == [0, 1])
    }

    @Test func everyCatalogOptimiserIsKnown() {
        for paper in Papers.all {
            for experiment in paper.experiments where experiment.kind == .training {  // analyses train nothing
                #expect(TrainingOptimizer.names.contains(experiment.training.optimizer), "\(paper.id)/\(experiment.id)")
            }
        }
    }
}

@Suite struct RunKeyStabilityTests {
    /// The committed quanv records (`reports/hqnn/runs`) stay valid: every planned quanv run at paper scale
    /// still hashes to a stored key, so adding the HQNN-Parallel experiments changed no quanv identity.
    @Test func quanvKeysMatchTheCommittedRecords() throws {
        let runs = Fixtures.repositoryRoot.appendingPathComponent("reports/hqnn/runs")
        let stored = Set(try FileManager.default.contentsOfDirectory(atPath: runs.path))
        let planned = RunPlanner.plan(paper: HQNNPaper.paper, experiment: HQNNPaper.quanv,
                                      scale: HQNNPaper.quanv.protocolFor(.paper))
        #expect(planned.count == 30)
        for (model, identity) in planned {
            #expect(stored.contains("\(identity.key).json"), "\(model.id) seed \(identity.seed)")
        }
    }

    /// Class-ordered image-folder splits are sampled for small scales; file-ordered ones keep "the first N".
    @Test func smallScalesOfFolderDatasetsAreSampled() throws {
        #expect(ExperimentData.samplesSubsets(try DatasetRegistry.entry(named: "medical-mnist")))
        #expect(!ExperimentData.samplesSubsets(try DatasetRegistry.entry(named: "mnist")))
        #expect(!ExperimentData.samplesSubsets(try DatasetRegistry.entry(named: "cifar-10")))
    }
}
