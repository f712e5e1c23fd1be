import Catalog
import Results
@testable import Training
import Testing

/// The AE-VQC backbones' runs name the engine's 3x3 convolution (Winograd F(2x2, 3x3) since it replaced im2col there),
/// so runs stored before the change are not reused; no other family's identity (and no stored run's key) changes.
@Suite struct EngineSettingsIdentityTests {
    @Test func aeVQCRunsNameTheirConvolution() {
        let experiment = AEVQCPaper.croatianFish
        for model in experiment.models {
            let identity = RunPlanner.identity(paper: AEVQCPaper.paper, experiment: experiment, model: model,
                                               scale: experiment.protocolFor(.paper), seed: 0)
            #expect(identity.setting("convolution_3x3") == "winograd-f2x3: backward always, forward from 128 channels", "\(model.id)")
        }
    }

    @Test func otherFamiliesAreUnchanged() {
        let experiments = [(HQNNPaper.paper, HQNNPaper.parallelMNIST), (HQNNPaper.paper, HQNNPaper.quanv),
                           (VisionQRWKVPaper.paper, VisionQRWKVPaper.codeExperiments[0])]
        for (paper, experiment) in experiments {
            for model in experiment.models {
                let identity = RunPlanner.identity(paper: paper, experiment: experiment, model: model,
                                                   scale: experiment.protocolFor(.paper), seed: 0)
                #expect(identity.setting("convolution_3x3") == nil, "\(experiment.id) \(model.id)")
            }
        }
    }
}
