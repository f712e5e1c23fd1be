import Catalog
import Foundation
import Testing
import TestSupport

@Suite struct HQNNParallelCatalogTests {
    let experiments = [HQNNPaper.parallelMNIST, HQNNPaper.parallelMedicalMNIST, HQNNPaper.parallelCIFAR10]

    /// Section 2.1: MNIST 60,000 / 10,000; Medical MNIST 47,163 / 11,791; CIFAR-10 50,000 / 10,000. Issue 6: 3 seeds.
    @Test func paperScaleUsesTheWholeDatasets() {
        let sizes = experiments.map { e -> [Int] in let p = e.protocolFor(.paper); return [p.trainCount, p.testCount, p.seeds.count] }
        #expect(sizes == [[60000, 10000, 3], [47163, 11791, 3], [50000, 10000, 3]])
        #expect(experiments.map(\.dataset) == ["mnist", "medical-mnist", "cifar-10"])
        for experiment in experiments {
            let paper = experiment.protocolFor(.paper)
            for scale in Scale.allCases {
                let p = experiment.protocolFor(scale)
                #expect(p.trainCount <= paper.trainCount && p.epochs <= paper.epochs && p.seeds.count <= paper.seeds.count)
            }
            let smoke = experiment.protocolFor(.smoke)
            #expect(smoke.trainCount * smoke.epochs * smoke.seeds.count <= 256, "smoke must run in seconds")
        }
    }

    /// The paper's two models, and our two controls named as ours.
    @Test func modelsAreThePapersAndOurControls() {
        for experiment in experiments {
            #expect(experiment.models.map(\.id) == ["hqnn-parallel", "cnn", "cnn-same-parameters", "hqnn-parallel-no-cnot"])
            #expect(experiment.models.filter { $0.name.hasSuffix("(ours)") }.count == 2)
            for claim in experiment.claims { #expect(experiment.model(claim.model) != nil && experiment.model(claim.baseline) != nil) }
        }
        // Section 2.1.3 / 2.2.4: three conv blocks for CIFAR-10, two elsewhere; 3 channels for Medical MNIST and CIFAR-10.
        guard case let .hqnnParallel(channels, blocks, circuits, qubits, layers, true) = HQNNPaper.parallelCIFAR10.models[0].architecture else {
            Issue.record("CIFAR-10's HQNN-Parallel is not an entangling HQNN-Parallel")
            return
        }
        #expect([channels, blocks, circuits, qubits, layers] as [Int] == [3, 3, 4, 5, 3])
    }

    /// Every Table 1 / Fig. 5 / Fig. 6 cell of `fixtures/published/hqnn.csv` is compared, and every comparison
    /// names a published cell and a model of its experiment.
    @Test func comparisonsCoverTable1AndFigures5And6() throws {
        let published = try PublishedTables.load(paper: "hqnn", from: Fixtures.url("published"))
        let cells = Set(published.filter { ["table1", "fig5", "fig6"].contains($0.table) }
            .map { "\($0.table)/\($0.dataset)/\($0.model)/\($0.metric)" })
        let compared = experiments.flatMap { e in e.comparisons.map { c -> String in
            #expect(e.model(c.model) != nil && c.dataset == e.dataset)
            return "\(c.table)/\(c.dataset)/\(c.model)/\(c.metric.rawValue)"
        } }
        #expect(Set(compared) == cells)
        #expect(compared.count == cells.count)
    }

    @Test func everyOpenChoiceIsAnAssumption() {
        let ids = Set(HQNNPaper.paper.assumptions.map(\.id))
        for id in ["parallel-batchnorm", "parallel-input-scaling", "parallel-cnn", "parallel-epochs", "parallel-training",
                   "parallel-control-same-parameters", "parallel-control-no-cnot", "parallel-medical-data"] {
            #expect(ids.contains(id), "missing assumption \(id)")
        }
        let inconsistencies = Set(HQNNPaper.paper.inconsistencies.map(\.id))
        #expect(inconsistencies.isSuperset(of: ["table1-medical-mnist", "table1-cifar10-swap", "table1-mnist-cnn-parameters"]))
    }
}
