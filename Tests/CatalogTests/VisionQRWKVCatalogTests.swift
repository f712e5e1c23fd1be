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
}
