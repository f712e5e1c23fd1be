import Catalog
import Results
import Testing
import TestSupport
@testable import Training

/// The estimate `qreport build` prints before training: its arithmetic worked by hand, and one real timed step.
@Suite struct TrainingEstimateTests {
    /// HQNN-Parallel on MNIST (batch 64): 1,000 training and 200 test images, 3 epochs.
    func run(epochs: Int = 3) throws -> TrainingEstimate.Run {
        let experiment = try HQNNPaper.paper.experiment("parallel-mnist")
        let model = try #require(experiment.models.first { $0.id == "cnn" })
        return TrainingEstimate.Run(label: "parallel-mnist · CNN · seed 0", experiment: experiment, model: model, classes: 10,
                                    trainCount: 1_000, testCount: 200, epochs: epochs)
    }

    /// ceil(1000 / 64) = 16 steps per epoch, 48 in 3 epochs; evaluation 3 x 200 / 64 / 3 = 3.125 step-equivalents;
    /// at 0.5 s a step: (48 + 3.125) x 0.5 = 25.5625 s per run; two runs 51.125 s; on 2 threads
    /// 51.125 x 2 / 3600 = 0.028 CPU-hours, printed as "0.0".
    @Test func arithmetic() throws {
        let first = try run(), resumed = try run(epochs: 1)
        #expect(first.experiment.training.batchSize == 64)
        #expect(first.steps == 48 && abs(first.evaluationSteps - 3.125) < 1e-12)
        #expect(resumed.steps == 16)
        let key = TrainingEstimate.timingKey(first)
        let estimate = TrainingEstimate(runs: [first, first],
                                        timings: [key: .init(name: "CNN", parameters: 45_434, stepSeconds: 0.5)], threads: 2)
        #expect(abs(estimate.seconds(first) - 25.5625) < 1e-9 && abs(estimate.seconds - 51.125) < 1e-9)
        let lines = estimate.lines(title: "hqnn at paper scale")
        #expect(lines.first == "hqnn at paper scale: 2 runs to train; estimate from one training step of each model timed here")
        #expect(lines[1] == "  parallel-mnist · CNN: 45,434 parameters, one step (batch 64, 28 x 28) 0.5 s")
        #expect(lines[2] == "  parallel-mnist · CNN · seed 0: 3 epochs x 16 steps, about 26 s")
        #expect(lines.last == "  in all: about 51 s wall, 0.0 CPU-hours (2 threads)")
        #expect(Thousands.grouped(119_056) == "119,056" && Thousands.grouped(999) == "999")
    }

    /// `measure` builds the model and times a real step: positive, and the model's real parameter count.
    @Test func measuresARealStep() throws {
        let estimate = try TrainingEstimate.measure([run()], threads: 1)
        let timing = try #require(estimate.timings.values.first)
        #expect(estimate.timings.count == 1 && timing.name == "CNN" && timing.stepSeconds > 0)
        #expect(timing.parameters == 45_434)
    }
}
