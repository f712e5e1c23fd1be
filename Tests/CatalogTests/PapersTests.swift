import Catalog
import Testing

@Suite struct PapersTests {
    @Test func everyPaperIsFoundByItsId() throws {
        #expect(Papers.all.map(\.id) == ["hqnn", "vision-qrwkv", "ae-vqc"])
        for paper in Papers.all { #expect(try Papers.named(paper.id) == paper) }
    }

    @Test func unknownNamesListTheKnownOnes() {
        #expect(throws: CatalogError.unknownPaper(name: "hqn", known: "hqnn, vision-qrwkv, ae-vqc")) { try Papers.named("hqn") }
        #expect(throws: CatalogError.unknownExperiment(paper: "hqnn", name: "parallell", known: "parallel-mnist, parallel-medical-mnist, parallel-cifar-10, quanv, fourier, fig9-rank")) {
            try HQNNPaper.paper.experiment("parallell")
        }
    }

    @Test func quanvFollowsSection23() throws {
        let quanv = try HQNNPaper.paper.experiment("quanv")
        let paper = quanv.protocolFor(.paper)
        // "600 images ... 500 of them acting as training data and 100 as test data", 20 epochs, 10 models.
        #expect(paper.trainCount == 500 && paper.testCount == 100 && paper.epochs == 20 && paper.seeds.count == 10)
        #expect(quanv.training.imageSize == 14)
        #expect(quanv.models.map(\.id) == ["hqnn-quanv", "cnn4", "cnn1"])
        // Smaller scales really are smaller, and every scale is defined.
        for scale in Scale.allCases {
            let p = quanv.protocolFor(scale)
            #expect(p.trainCount <= paper.trainCount && p.epochs <= paper.epochs && p.seeds.count <= paper.seeds.count)
        }
        // Every comparison names a model of the experiment.
        for comparison in quanv.comparisons { #expect(quanv.model(comparison.model) != nil) }
        for claim in quanv.claims { #expect(quanv.model(claim.model) != nil && quanv.model(claim.baseline) != nil) }
    }

    @Test func assumptionsHaveUniqueIdsAndReasons() {
        for paper in Papers.all {
            #expect(Set(paper.assumptions.map(\.id)).count == paper.assumptions.count)
            for assumption in paper.assumptions { #expect(!assumption.choice.isEmpty && !assumption.reason.isEmpty) }
        }
        #expect(HQNNPaper.paper.assumptions.count >= 10)
    }
}
