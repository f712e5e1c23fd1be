import Catalog
import Foundation
import Testing
import TestSupport

@Suite struct AEVQCCatalogTests {
    let experiments = AEVQCPaper.paper.experiments

    /// Section 3.1: the four datasets with their split sizes; section 3.2: 200 epochs, batch 32, Adam 0.001, 224 x 224.
    @Test func protocolIsSection3() {
        #expect(experiments.map(\.dataset) == ["croatian-fish", "fgvc-aircraft", "busi", "apples-or-tomatoes"])
        let sizes = experiments.map { e -> [Int] in let p = e.protocolFor(.paper); return [p.trainCount, p.testCount, p.epochs, p.seeds.count] }
        #expect(sizes == [[635, 159, 200, 3], [533, 267, 200, 3], [620, 158, 200, 3], [294, 97, 200, 3]])
        // 80/20 of Croatian Fish's 794 images; BUSI's 780 less the duplicate pair.
        #expect(sizes[0][0] + sizes[0][1] == 794 && sizes[2][0] + sizes[2][1] == 780 - 2)
        for experiment in experiments {
            #expect(experiment.training.imageSize == 224 && experiment.training.batchSize == 32)
            #expect(experiment.training.optimizer == "adam" && experiment.training.learningRate == 1e-3)
            let paper = experiment.protocolFor(.paper)
            for scale in Scale.allCases {
                let p = experiment.protocolFor(scale)
                #expect(p.trainCount <= paper.trainCount && p.epochs <= paper.epochs && p.seeds.count <= paper.seeds.count)
            }
        }
    }

    /// 16 configurations: 4 datasets x ResNet-18 / ResNet-18_q / MaxViT-T / MaxViT-T_q.
    @Test func sixteenModels() {
        #expect(experiments.flatMap(\.models).count == 16)
        for experiment in experiments {
            #expect(experiment.models.map(\.name) == ["ResNet-18", "ResNet-18_q", "MaxViT-T", "MaxViT-T_q"])
            for claim in experiment.claims { #expect(experiment.model(claim.model) != nil && experiment.model(claim.baseline) != nil) }
        }
    }

    /// Every Table 3 / Table 4 cell of `fixtures/published/ae-vqc.csv` is compared exactly once, by a model of its experiment.
    @Test func comparisonsCoverTables3And4() throws {
        let published = try PublishedTables.load(paper: "ae-vqc", from: Fixtures.url("published"))
        let cells = Set(published.filter { ["table3", "table4"].contains($0.table) }.map { "\($0.table)/\($0.dataset)/\($0.model)/\($0.metric)" })
        let compared = experiments.flatMap { e in e.comparisons.map { c -> String in
            #expect(e.model(c.model) != nil && c.dataset == e.dataset)
            return "\(c.table)/\(c.dataset)/\(c.model)/\(c.metric.rawValue)"
        } }
        #expect(Set(compared) == cells && compared.count == cells.count)
    }

    /// The catalog's ansatz and D agree with Table 2 for all 8 quantum models.
    @Test func ansatzAndDepthAreTable2() throws {
        let published = try PublishedTables.load(paper: "ae-vqc", from: Fixtures.url("published")).filter { $0.table == "table2" }
        var checked = 0
        for experiment in experiments {
            for model in experiment.models {
                guard case let .quantum(ansatz, layers, _) = AEVQCPaper.architecture(of: model)?.head else { continue }
                func value(_ metric: String) -> Int? {
                    published.first { $0.dataset == experiment.dataset && $0.model == model.id && $0.metric == metric }?.number.map { Int($0) }
                }
                #expect(value("ansatz") == ansatz && value("ansatz_layers") == layers, "\(experiment.dataset) \(model.id)")
                checked += 1
            }
        }
        #expect(checked == 8)
    }

    /// Params* from the head arithmetic, against hand-derived counts: ResNet fc 512 C + C; MaxViT (torchvision, last
    /// layer bias-free) 1,024 + 262,656 + 512 C; AE-VQC 15 D (Ansatz 1) or 30 D (Ansatz 2) plus the classifier.
    @Test func headParametersByHand() throws {
        func count(_ dataset: String, _ model: String) throws -> Int {
            let e = try AEVQCPaper.paper.experiment(dataset)
            let architecture = try #require(e.model(model).flatMap(AEVQCPaper.architecture(of:)))
            return architecture.headParameters(classes: try #require(AEVQCPaper.classes(of: dataset)))
        }
        #expect(AEVQCArchitecture.features == 25088 && AEVQCArchitecture.qubits == 15)
        #expect(try count("croatian-fish", "resnet-18") == 6156)
        #expect(try count("croatian-fish", "resnet-18-vqc-ansatz2") == 30 + 15 * 12 + 12)
        #expect(try count("croatian-fish", "maxvit-t") == 1024 + 262_656 + 512 * 12)
        #expect(try count("croatian-fish", "maxvit-t-vqc-ansatz1") == 15 + 15 * 512 + 512 + 512 * 12 + 12)
        #expect(try count("busi", "maxvit-t-vqc-ansatz1") == 15 + 15 * 3 + 3)
        #expect(try count("apples-or-tomatoes", "maxvit-t-vqc-ansatz1") == 45 + 30 + 15 * 2 + 2)
        #expect(try count("apples-or-tomatoes", "resnet-18-vqc-ansatz1") == 47)
    }

    /// Which published Params* the described heads reach: all but the 4 classical MaxViT-T rows (torchvision's
    /// bias-free last layer: ours = published - C) and AOT's ResNet-18_q (47 vs 41); each of those carries a note.
    @Test func publishedParamsReachedOrExplained() throws {
        let published = try PublishedTables.load(paper: "ae-vqc", from: Fixtures.url("published"))
        var differing: [String] = []
        for experiment in experiments {
            let classes = try #require(AEVQCPaper.classes(of: experiment.dataset))
            for comparison in experiment.comparisons where comparison.metric == .headParameters {
                let value = try #require(published.first {
                    $0.table == comparison.table && $0.dataset == comparison.dataset && $0.model == comparison.model && $0.metric == "parameters_after_backbone"
                }?.number)
                let ours = try #require(experiment.model(comparison.model).flatMap(AEVQCPaper.architecture(of:))).headParameters(classes: classes)
                if Double(ours) != value {
                    differing.append("\(experiment.dataset)/\(comparison.model)")
                    #expect(comparison.note != nil, "\(experiment.dataset) \(comparison.model): \(ours) vs \(value) without a note")
                    if comparison.model == "maxvit-t" { #expect(value - Double(ours) == Double(classes)) }
                }
            }
        }
        #expect(differing == ["croatian-fish/maxvit-t", "fgvc-aircraft/maxvit-t", "busi/maxvit-t",
                              "apples-or-tomatoes/resnet-18-vqc-ansatz1", "apples-or-tomatoes/maxvit-t"])
    }

    /// Section 3.4's "up to" improvements, recomputed from the transcribed Tables 3-4: a check of the transcription
    /// and of the quantum/classical pairing the claims use.
    @Test func section34ImprovementsFollowFromTheTables() throws {
        let published = try PublishedTables.load(paper: "ae-vqc", from: Fixtures.url("published"))
        func best(_ metric: Metric, quantumIndex: Int) throws -> Double {
            try experiments.map { e in
                func v(_ model: ModelSpec) throws -> Double {
                    try #require(published.first { $0.dataset == e.dataset && $0.model == model.id && $0.metric == metric.rawValue }?.number)
                }
                return try v(e.models[quantumIndex]) - v(e.models[quantumIndex - 1])
            }.max() ?? 0
        }
        #expect(abs(try best(.testAccuracy, quantumIndex: 1) - 5.70) < 1e-9)
        #expect(abs(try best(.macroF1, quantumIndex: 1) - 5.53) < 1e-9)
        #expect(abs(try best(.testAccuracy, quantumIndex: 3) - 9.21) < 1e-9)
        #expect(abs(try best(.macroF1, quantumIndex: 3) - 15.79) < 1e-9)
    }

    @Test func openChoicesAndContradictionsAreRecorded() {
        let ids = Set(AEVQCPaper.paper.assumptions.map(\.id))
        #expect(ids.isSuperset(of: ["image-size", "normalisation", "augmentation", "amplitude-embedding", "ansatz2-entangler",
                                    "maxvit-q-classifier", "metrics", "seeds"]))
        let inconsistencies = Set(AEVQCPaper.paper.inconsistencies.map(\.id))
        #expect(inconsistencies.isSuperset(of: ["maxvit-classifier-bias", "aot-resnet-q-parameters", "maxvit-q-heads-differ"]))
    }
}
