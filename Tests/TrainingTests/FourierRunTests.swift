import Catalog
import Foundation
import Results
@testable import Training
import Testing
import TestSupport

/// The Fig. 10 run: Fourier coefficients of the HQNN-Parallel layer over random weights, stored in the record.
@Suite struct FourierRunTests {
    let experiment = HQNNPaper.fourier
    var spectrum: FourierSpectrum { experiment.fourierSpectrum! }

    func record(model: ModelSpec, draws: Int) throws -> RunRecord {
        let scale = experiment.protocolFor(.smoke)
        let identity = RunPlanner.identity(paper: HQNNPaper.paper, experiment: experiment, model: model, scale: scale, seed: 0)
        return try FourierRun.record(model: model, identity: identity, spectrum: spectrum, draws: draws, threads: 1)
    }

    @Test func samplesEveryFrequencyOfTheLastWiresOutput() throws {
        let r = try record(model: experiment.models[0], draws: 10)
        let fourier = try #require(r.fourier)
        #expect(fourier.frequencies == [[-1, -1], [-1, 0], [-1, 1], [0, -1], [0, 0], [0, 1], [1, -1], [1, 0], [1, 1]])
        #expect(fourier.draws == 10 && fourier.real.allSatisfy { $0.count == 10 } && fourier.imaginary.allSatisfy { $0.count == 10 })
        #expect(r.parameters.quantum == 45 && r.epochs.isEmpty && r.datasetFiles.isEmpty)
        // f is real, so c_(−ω) = conj(c_ω) in every draw (index 8 − k holds −ω): a swapped real/imaginary part or a
        // mislabelled frequency breaks this.
        for k in 0..<9 {
            for d in 0..<10 {
                #expect(abs(fourier.real[k][d] - fourier.real[8 - k][d]) < Tolerance.quantumRounding)
                #expect(abs(fourier.imaginary[k][d] + fourier.imaginary[8 - k][d]) < Tolerance.quantumRounding)
            }
        }
        // With the CNOTs, x0 and x1 reach wire 4: the non-constant coefficients are not all zero (Fig. 10's spread).
        #expect(fourier.magnitudes(8).max()! > 1e-3 && fourier.magnitudes(1).max()! > 1e-3)
        // |c_ω| ≤ 1 for an expectation in [−1, 1] (each coefficient is an average of f times a phase).
        #expect(fourier.real.joined().allSatisfy { abs($0) <= 1 })
    }

    /// Without CNOTs each wire evolves alone: ⟨Y⟩ on wire 4 depends on x4 only, so every coefficient of x0 and x1
    /// but c(0, 0) is exactly zero (up to rounding). Fails if the wrong wire or wrong inputs were analysed.
    @Test func withoutEntanglementOnlyTheConstantTermIsLeft() throws {
        var control = experiment.models[0]
        control.architecture = .hqnnParallel(inputChannels: 1, blocks: 2, circuits: 1, qubits: 5, layers: 3, entangling: false)
        let fourier = try #require(try record(model: control, draws: 5).fourier)
        for k in 0..<9 where k != 4 {
            #expect(fourier.magnitudes(k).allSatisfy { $0 < 1e-12 }, "c\(fourier.frequencies[k]) should vanish")
        }
        #expect(fourier.magnitudes(4).contains { $0 > 1e-3 })
    }

    @Test func sameSeedSameBytesAndDrawsFollowTheScale() throws {
        let a = try record(model: experiment.models[0], draws: 10)
        let b = try record(model: experiment.models[0], draws: 10)
        #expect(CanonicalJSON.encode(a) == CanonicalJSON.encode(b))
        #expect(spectrum.draws(at: .paper) == 100 && spectrum.draws(at: .smoke) == 10)
        let paper = RunPlanner.identity(paper: HQNNPaper.paper, experiment: experiment, model: experiment.models[0],
                                        scale: experiment.protocolFor(.paper), seed: 0)
        #expect(paper.setting("draws") == "100" && paper.setting("varying_inputs") == "0,1")
    }

    @Test func aModelWithoutCircuitIsAnError() throws {
        let cnn = try #require(HQNNPaper.parallelMNIST.model("cnn"))
        #expect(throws: FourierRun.Failure.self) { try record(model: cnn, draws: 1) }
    }

    /// Adding the experiment kind must not move any stored run: every quanv run of the committed paper-scale report
    /// is found under the key its identity hashes to now.
    @Test func committedQuanvRunsKeepTheirKeys() throws {
        let runs = Fixtures.repositoryRoot.appendingPathComponent("reports/hqnn/runs")
        let store = RunStore(directory: runs)
        let planned = RunPlanner.plan(paper: HQNNPaper.paper, experiment: HQNNPaper.quanv, scale: HQNNPaper.quanv.protocolFor(.paper))
        #expect(planned.count == 30)
        for (_, identity) in planned {
            #expect(try store.record(for: identity) != nil, "no stored record for \(identity.model) seed \(identity.seed)")
        }
    }
}
