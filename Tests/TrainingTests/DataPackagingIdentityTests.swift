import Catalog
import Datasets
import Results
@testable import Training
import Testing

/// A run's identity names the packaging its data was read from only for datasets that have several (CIFAR-10): the PNG
/// archive's image order differs from the official batches', so its runs must not be mistaken for theirs, while every
/// other dataset's identities (and the stored runs' keys) stay as they were.
@Suite struct DataPackagingIdentityTests {
    @Test func cifarRunsNameTheirPackaging() {
        let experiment = HQNNPaper.parallelCIFAR10
        let scale = experiment.protocolFor(.paper)
        func identity(_ packaging: DatasetEntry?) -> RunIdentity {
            RunPlanner.identity(paper: HQNNPaper.paper, experiment: experiment, model: experiment.models[0], scale: scale, seed: 0,
                                packaging: packaging)
        }
        let official = identity(nil), png = identity(DatasetRegistry.cifar10PNG)
        #expect(official.setting("data_packaging") == "cifar-10-binary.tar.gz (official batches, file order)")
        #expect(png.setting("data_packaging") == "cifar10-png.tar.gz (PNG folders, member-path order)")
        #expect(official.key != png.key)
        // Folder packagings list images class by class, so smaller scales sample them; the official file keeps "first N".
        #expect(png.setting("train_images") == "50000 of the training split, drawn with a fixed seed")
        #expect(official.setting("train_images") == "first 50000 of the training file")
        #expect(RunPlanner.packagings(of: experiment).map { $0?.packaging } == [official.setting("data_packaging"), png.setting("data_packaging")])
    }

    @Test func singlePackagingDatasetsAreUnchanged() {
        for experiment in [HQNNPaper.parallelMNIST, HQNNPaper.parallelMedicalMNIST, HQNNPaper.quanv] {
            let identity = RunPlanner.identity(paper: HQNNPaper.paper, experiment: experiment, model: experiment.models[0],
                                               scale: experiment.protocolFor(.paper), seed: 0)
            #expect(identity.setting("data_packaging") == nil)
            #expect(RunPlanner.packagings(of: experiment).count == 1)
        }
        #expect(RunPlanner.packagings(of: HQNNPaper.fig9Rank).count == 1)
    }
}
