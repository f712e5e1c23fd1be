import Catalog
import Models
import Testing
import TestSupport
@testable import Training

/// The factory builds MaxViT-T with both heads for every AE-VQC configuration in the catalog, each head's tensors
/// (`head.*`) summing to the catalog's Params* (`AEVQCArchitecture.headParameters`), and refuses image sizes the
/// backbone or the AE-VQC head cannot take with one clear error.
@Suite struct AEVQCModelFactoryTests {
    @Test func maxViTHeadsHaveTheCatalogsParams() throws {
        var checked = 0
        for experiment in AEVQCPaper.paper.experiments {
            let classes = try #require(AEVQCPaper.classes(of: experiment.dataset))
            for spec in experiment.models {
                let architecture = try #require(AEVQCPaper.architecture(of: spec))
                guard architecture.backbone == .maxvitT else { continue }
                var g = SeededGenerator(seed: 0, purpose: .initialisation)
                let model = try ModelFactory.make(spec, imageSize: 224, classes: classes, generator: &g)
                #expect(model is MaxViT)
                let head = model.parameters.filter { $0.name.hasPrefix("head.") }.reduce(0) { $0 + $1.count }
                #expect(head == architecture.headParameters(classes: classes), "\(experiment.dataset) \(spec.id)")
                #expect(model.parameters.reduce(0) { $0 + $1.count } == 30_143_944 + head)
                checked += 1
            }
        }
        #expect(checked == 8)
    }

    @Test func maxViTRefusesImageSizesItCannotTake() throws {
        let experiment = try AEVQCPaper.paper.experiment("busi")
        let pooled = try #require(experiment.model("maxvit-t"))
        let quantum = try #require(experiment.models.first { $0.id.hasPrefix("maxvit-t-vqc") })
        var g = SeededGenerator(seed: 0, purpose: .initialisation)
        #expect(throws: TrainingError.unsupportedImageSize(
            model: "maxvit-t", size: 256,
            detail: "MaxViT-T takes square images whose side after the stem and each block's stride-2 stage is a multiple of 7 "
                + "(224, 448, ...); 256 x 256 gives block sides 64, 32, 16, 8")) {
            try ModelFactory.make(pooled, imageSize: 256, classes: 3, generator: &g)
        }
        do {
            _ = try ModelFactory.make(quantum, imageSize: 448, classes: 3, generator: &g)
            Issue.record("448 x 448 accepted for the AE-VQC head")
        } catch let error as TrainingError {
            guard case .unsupportedImageSize(_, 448, _) = error else { Issue.record("\(error)"); return }
            #expect("\(error)".contains("cannot take 448 x 448 images: the AE-VQC head embeds 512 x 7 x 7 = 25,088 features"))
        }
    }
}
