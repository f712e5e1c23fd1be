import Autograd
import Catalog
import Foundation
import Models
import Results

/// What the runs a build is about to train will cost, worked out before any starts: one training step of each
/// model (the protocol's batch at its image size, random pixels and labels) timed on this machine, times each
/// run's training steps, plus its evaluations after every epoch (counted as forward passes at a third of a step
/// per batch). A run resuming from an epoch checkpoint counts only the epochs left.
public struct TrainingEstimate {
    /// One run still to train.
    public struct Run {
        public var label: String
        /// The model's catalog id and the experiment it belongs to: runs of one model in one experiment share a timing.
        public var experiment: Experiment
        public var model: ModelSpec
        public var classes: Int
        public var trainCount: Int
        public var testCount: Int
        /// Epochs still to train (fewer than the protocol's when a checkpoint is resumed).
        public var epochs: Int

        public init(label: String, experiment: Experiment, model: ModelSpec, classes: Int, trainCount: Int, testCount: Int, epochs: Int) {
            self.label = label
            self.experiment = experiment
            self.model = model
            self.classes = classes
            self.trainCount = trainCount
            self.testCount = testCount
            self.epochs = epochs
        }

        /// Training steps left: `ceil(trainCount / batch)` per epoch.
        public var steps: Int {
            let batch = experiment.training.batchSize
            return epochs * ((trainCount + batch - 1) / batch)
        }

        /// Evaluation batches, each costing about a third of a training step (a forward pass).
        public var evaluationSteps: Double {
            Double(epochs) * Double(testCount) / Double(experiment.training.batchSize) / 3
        }
    }

    /// A model's timed step.
    public struct Timing {
        public var name: String
        public var parameters: Int
        /// Wall seconds of one step: forward, backward, optimiser step.
        public var stepSeconds: Double
    }

    public var runs: [Run]
    /// By `Self.timingKey(run)`.
    public var timings: [String: Timing]
    /// Threads the runs use; CPU time is wall time times these.
    public var threads: Int

    /// Times one step of every distinct model among `runs` (a few seconds each; minutes for large backbones).
    /// - Throws: `TrainingError.modelNotImplemented` for a model Models cannot build.
    public static func measure(_ runs: [Run], threads: Int) throws -> TrainingEstimate {
        var timings: [String: Timing] = [:]
        for run in runs where timings[timingKey(run)] == nil {
            timings[timingKey(run)] = try time(run)
        }
        return TrainingEstimate(runs: runs, timings: timings, threads: threads)
    }

    static func timingKey(_ run: Run) -> String { "\(run.experiment.id)/\(run.model.id)" }

    /// Estimated wall seconds of `run`.
    public func seconds(_ run: Run) -> Double {
        (timings[Self.timingKey(run)]?.stepSeconds ?? 0) * (Double(run.steps) + run.evaluationSteps)
    }

    /// Estimated wall seconds of all runs, one after another.
    public var seconds: Double { runs.reduce(0) { $0 + seconds($1) } }

    /// The lines printed before the build starts.
    public func lines(title: String) -> [String] {
        var lines = ["\(title): \(runs.count) run\(runs.count == 1 ? "" : "s") to train; estimate from one training step of each model timed here"]
        var shown = Set<String>()
        for run in runs where shown.insert(Self.timingKey(run)).inserted {
            guard let timing = timings[Self.timingKey(run)] else { continue }
            lines.append("  \(run.experiment.id) · \(timing.name): \(Thousands.grouped(timing.parameters)) parameters, one step "
                + "(batch \(run.experiment.training.batchSize), \(run.experiment.training.imageSize) x \(run.experiment.training.imageSize)) "
                + "\(EpochProgress.duration(timing.stepSeconds))")
        }
        for run in runs {
            lines.append("  \(run.label): \(run.epochs) epoch\(run.epochs == 1 ? "" : "s") x \(Thousands.grouped(run.steps / max(run.epochs, 1))) steps, "
                + "about \(EpochProgress.duration(seconds(run)))")
        }
        let cpuHours = seconds * Double(threads) / 3600
        lines.append("  in all: about \(EpochProgress.duration(seconds)) wall, "
            + String(format: "%.1f", cpuHours) + " CPU-hours (\(threads) thread\(threads == 1 ? "" : "s"))")
        return lines
    }

    /// One step of a freshly initialised model (fixed seed, random pixels and labels); a step under a second is
    /// timed twice and the second kept (the first pays for allocations and caches).
    static func time(_ run: Run) throws -> Timing {
        let training = run.experiment.training
        var generator = SeededGenerator(seed: 0, purpose: .initialisation)
        let model = try ModelFactory.make(run.model, imageSize: training.imageSize, classes: run.classes, generator: &generator)
        let channels = ModelFactory.inputChannels(of: run.model)
        let batch = training.batchSize
        let count = batch * channels * training.imageSize * training.imageSize
        let images = Tensor(shape: [batch, channels, training.imageSize, training.imageSize],
                            data: (0..<count).map { _ in Float(generator.nextUnit()) })
        let labels = (0..<batch).map { $0 % run.classes }
        let optimizer = TrainingOptimizer(named: training.optimizer, parameters: model.parameters, learningRate: training.learningRate)
        func step() -> Double {
            let started = DispatchTime.now().uptimeNanoseconds
            optimizer.zeroGrad()
            Tensor.crossEntropy(model.logits(images), targets: labels).backward()
            optimizer.step()
            return Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        }
        var seconds = step()
        if seconds < 1 { seconds = step() }
        return Timing(name: run.model.name, parameters: model.parameters.reduce(0) { $0 + $1.tensor.count }, stepSeconds: seconds)
    }
}
