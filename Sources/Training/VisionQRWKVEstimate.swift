import Foundation
import Autograd
import Catalog
import Models

/// What a set of Vision-QRWKV runs will cost, worked out before any starts: each model's size and
/// dense work per training step (`VisionQRWKVCost`), one training step of it timed on this machine
/// (batch of the protocol, 8x8 greyscale, 10 classes), and the build's wall time extrapolated from
/// those steps. Meant for `--variant paper-text`, whose n_embd-768 models do ~290x the dense work
/// of the code's per step.
public struct VisionQRWKVEstimate {
    /// One model of the experiments, measured.
    public struct Model {
        /// The Catalog's model id (`quantum-rwkv`).
        public var id: String
        public var name: String
        public var cost: VisionQRWKVCost
        /// Wall seconds of one training step (forward, backward, optimiser step) on this machine.
        public var stepSeconds: Double
    }

    public var models: [Model]
    /// Training steps of all runs, per model id.
    public var trainingSteps: [String: Int]
    /// Test images evaluated by all runs (after every epoch), per model id.
    public var evaluatedImages: [String: Int]
    public var runs: Int
    public var batchSize: Int

    /// Measures each model of `experiments` (the first experiment's architecture, one step each)
    /// and counts the steps and evaluations of every run at `scale`.
    /// - Precondition: every experiment's models are Vision-QRWKV models.
    public static func measure(_ experiments: [Experiment], scale: Scale) -> VisionQRWKVEstimate {
        guard let first = experiments.first else {
            return VisionQRWKVEstimate(models: [], trainingSteps: [:], evaluatedImages: [:], runs: 0, batchSize: 0)
        }
        let batch = first.training.batchSize
        var steps: [String: Int] = [:]
        var evaluated: [String: Int] = [:]
        var runs = 0
        for experiment in experiments {
            let scaled = experiment.protocolFor(scale)
            for model in experiment.models {
                let perEpoch = (scaled.trainCount + batch - 1) / batch
                steps[model.id, default: 0] += scaled.seeds.count * scaled.epochs * perEpoch
                evaluated[model.id, default: 0] += scaled.seeds.count * scaled.epochs * scaled.testCount
                runs += scaled.seeds.count
            }
        }
        let models = first.models.map { spec -> Model in
            guard case let .visionQRWKV(_, quantum, paperText) = spec.architecture else {
                preconditionFailure("VisionQRWKVEstimate: \(spec.id) is not a Vision-QRWKV model")
            }
            let configuration: VisionQRWKVConfiguration = paperText ? .paperText(quantum: quantum) : .code(quantum: quantum)
            let cost = VisionQRWKVCost(configuration, inputChannels: 1, classes: 10, tokens: 64, batch: batch)
            return Model(id: spec.id, name: spec.name, cost: cost,
                         stepSeconds: timeOneStep(configuration, optimizer: first.training.optimizer, batch: batch))
        }
        return VisionQRWKVEstimate(models: models, trainingSteps: steps, evaluatedImages: evaluated, runs: runs, batchSize: batch)
    }

    /// Estimated wall seconds of all runs: their training steps at the measured pace, plus their
    /// evaluations counted as forward passes at a third of a step per batch of images.
    public var seconds: Double {
        models.reduce(0) { total, model in
            let evaluationSteps = Double(evaluatedImages[model.id] ?? 0) / Double(max(batchSize, 1)) / 3
            return total + model.stepSeconds * (Double(trainingSteps[model.id] ?? 0) + evaluationSteps)
        }
    }

    /// The lines printed before the build starts.
    public func lines(title: String) -> [String] {
        var lines = ["\(title): estimate before training"]
        for model in models {
            lines.append(String(format: "  %@: %@ parameters (%d circuit weights), %.1f GFLOP dense per training step (batch %d), measured step %@",
                                model.name, Self.grouped(model.cost.totalParameters), model.cost.quantumParameters,
                                model.cost.denseFlopsPerStep / 1e9, batchSize, EpochProgress.duration(model.stepSeconds)))
        }
        let steps = trainingSteps.values.reduce(0, +)
        lines.append("  \(runs) runs, \(Self.grouped(steps)) training steps in all: about \(EpochProgress.duration(seconds)) on this machine")
        return lines
    }

    /// `119056` -> `119,056`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    /// Seconds of one training step of a freshly initialised model (fixed seed, random pixels and labels).
    static func timeOneStep(_ configuration: VisionQRWKVConfiguration, optimizer: String, batch: Int) -> Double {
        var generator = SeededGenerator(seed: 0, purpose: .initialisation)
        let model = VisionQRWKV(configuration, inputChannels: 1, classes: 10, generator: &generator)
        let images = Tensor(shape: [batch, 1, 8, 8], data: (0..<(batch * 64)).map { _ in Float(generator.nextUnit()) })
        let labels = (0..<batch).map { $0 % 10 }
        let step = TrainingOptimizer(named: optimizer, parameters: model.parameters, learningRate: 1e-3)
        let started = DispatchTime.now().uptimeNanoseconds
        step.zeroGrad()
        Tensor.crossEntropy(model.logits(images), targets: labels).backward()
        step.step()
        return Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    }
}
