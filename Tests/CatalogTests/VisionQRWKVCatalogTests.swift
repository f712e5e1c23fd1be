import Catalog
import Foundation
import Testing
import TestSupport

/// The Vision-QRWKV protocol data against the authors' scripts (research notes, section 1.8).
@Suite struct VisionQRWKVCatalogTests {
    /// `transforms.Normalize` constants hard-coded in each test_<dataset>.py, copied from the research notes' table.
    static let scriptConstants: [String: (mean: [Double], std: [Double])] = [
        "mnist": ([0.1307], [0.3081]),
        "fashion-mnist": ([0.2860], [0.3530]),
        "bloodmnist": ([0.7327, 0.5633, 0.7016], [0.1937, 0.2087, 0.1648]),
        "pathmnist": ([0.7024, 0.5462, 0.6964], [0.2388, 0.2820, 0.2157]),
        "dermamnist": ([0.7630, 0.5435, 0.5704], [0.1407, 0.1531, 0.1682]),
        "retinamnist": ([0.3698, 0.2242, 0.1048], [0.2991, 0.1930, 0.1149]),
        "tissuemnist": ([0.6837, 0.5113, 0.6431], [0.2404, 0.2612, 0.2229]),
        "octmnist": ([0.3788], [0.2601]),
        "chestmnist": ([0.5098], [0.2493]),
        "pneumoniamnist": ([0.4798], [0.2405]),
        "breastmnist": ([0.2124], [0.1709]),
        "organamnist": ([0.2606], [0.2538]),
        "organcmnist": ([0.2981], [0.2642]),
        "organsmnist": ([0.2396], [0.2610]),
    ]

    @Test func everyExperimentNormalisesWithItsScriptsConstants() throws {
        let paper = VisionQRWKVPaper.paper
        #expect(paper.experiments.count == 15)
        for experiment in paper.experiments + VisionQRWKVPaper.paperTextExperiments {
            let expected = try #require(Self.scriptConstants[experiment.dataset], "\(experiment.id)")
            let normalization = try #require(experiment.training.normalization, "\(experiment.id)")
            #expect(normalization.mean == expected.mean && normalization.std == expected.std, "\(experiment.id)")
            guard case let .visionQRWKV(channels, _, _) = experiment.models[0].architecture else {
                Issue.record("\(experiment.id) is not a Vision-QRWKV experiment")
                continue
            }
            #expect(normalization.mean.count == channels, "\(experiment.id): one constant per token channel")
        }
    }

    /// ChestMNIST twice: the authors' row of Table 1, and the correct protocol without a published number.
    @Test func chestMNISTHasBothProtocols() throws {
        let paper = VisionQRWKVPaper.paper
        let ids = paper.experiments.map(\.id)
        let chest = try #require(ids.firstIndex(of: "chestmnist"))
        #expect(ids[chest + 1] == "chestmnist-multilabel")
        let authors = try paper.experiment("chestmnist"), correct = try paper.experiment("chestmnist-multilabel")
        #expect(authors.training.multiLabel == .argmaxCrossEntropy && authors.comparisons.count == 2)
        #expect(correct.training.multiLabel == .binaryCrossEntropy && correct.comparisons.isEmpty && correct.claims.isEmpty)
        #expect(correct.dataset == "chestmnist" && correct.models == authors.models)
        #expect(paper.experiments.filter { $0.training.multiLabel != nil }.map(\.id) == ["chestmnist", "chestmnist-multilabel"])
        #expect(paper.assumptions.contains { $0.id == "chestmnist-metrics" })
    }

    /// `--variant paper-text`: the same paper id (its published table), the 14 paper-text experiments.
    @Test func paperTextVariantSwapsTheExperiments() throws {
        let variant = try #require(VisionQRWKVPaper.variants["paper-text"])
        #expect(variant.id == "vision-qrwkv")
        #expect(variant.experiments == VisionQRWKVPaper.paperTextExperiments)
        #expect(variant.experiments.count == 14 && variant.experiments.allSatisfy { $0.id.hasSuffix("-paper-text") })
        #expect(variant.experiments.allSatisfy { $0.training.optimizer == "adam" })
        #expect(Set(variant.experiments.map(\.id)).isDisjoint(with: VisionQRWKVPaper.paper.experiments.map(\.id)))
    }

    /// Protocols without the new fields encode exactly as before (nil fields are omitted), so nothing hashed
    /// from them changes.
    @Test func protocolsWithoutTheNewFieldsEncodeAsBefore() throws {
        let plain = TrainingProtocol(imageSize: 14, batchSize: 1, optimizer: "adam", learningRate: 0.01, quantumInit: "uniform[0, 2pi)")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(plain), as: UTF8.self)
        #expect(json == #"{"batchSize":1,"imageSize":14,"learningRate":0.01,"optimizer":"adam","quantumInit":"uniform[0, 2pi)"}"#)
    }

    /// The datasets in the paper's Table 1 order, which the published CSV transcribes row by row; the "8 of 14" claim
    /// against the published column: 7 Yes, as counted from the CSV.
    @Test func table1OrderAndTheCountClaim() throws {
        let published = try PublishedTables.load(paper: "vision-qrwkv", from: Fixtures.url("published"))
        var csvOrder: [String] = []
        for value in published where !csvOrder.contains(value.dataset) { csvOrder.append(value.dataset) }
        #expect(VisionQRWKVPaper.datasets.map(\.id) == csvOrder)
        #expect(VisionQRWKVPaper.paper.experiments.filter { !$0.comparisons.isEmpty }.map(\.dataset) == csvOrder)
        let claim = try #require(VisionQRWKVPaper.paper.countClaims.first)
        #expect(claim.claimed == 8 && claim.outOf == csvOrder.count && claim.table == "table1" && claim.verdictMetric == "quantum_better")
        #expect(published.filter { $0.metric == "quantum_better" && $0.value == "Yes" }.count == 7)
        #expect(VisionQRWKVPaper.variants["paper-text"]?.countClaims == [claim])
    }

    /// The authors' code's counts (research notes 1.7): MNIST 108,800 and 119,040 + 16; only Linear(d_in, 64) with
    /// bias and the bias-free Linear(64, K) head depend on the dataset: RetinaMNIST (3 channels, 5 classes) adds
    /// 64·4 + 64·5 = 576 to the dataset-free 108,032 / 118,272.
    @Test func referenceParameterCountsOfTheAuthorsCode() throws {
        let mnist = try VisionQRWKVPaper.paper.experiment("mnist")
        #expect(mnist.referenceParameters == ["classical-rwkv": 108_800, "quantum-rwkv": 119_056])
        let counts = VisionQRWKVPaper.codeParameterCounts(VisionQRWKVPaper.datasets[0])
        #expect(counts["quantum-rwkv"]?.classical == 119_040 && counts["quantum-rwkv"]?.circuit == 16)
        let retina = try VisionQRWKVPaper.paper.experiment("retinamnist")
        #expect(retina.referenceParameters == ["classical-rwkv": 108_608, "quantum-rwkv": 118_864])
        #expect(retina.classLabels?.count == 5)
        #expect(VisionQRWKVPaper.paperTextExperiments.allSatisfy { $0.referenceParameters == nil })
    }
}
