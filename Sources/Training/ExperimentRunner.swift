import Foundation
import Catalog
import Results

/// Runs (or loads) every run of an experiment at a scale.
public struct ExperimentRunner {
    public var store: RunStore
    public var threads: Int
    public var gitCommit: String

    public init(store: RunStore, threads: Int, gitCommit: String) {
        self.store = store
        self.threads = threads
        self.gitCommit = gitCommit
    }

    /// The finished runs of `experiment`: stored ones are loaded, missing ones trained (or, for a Fourier-spectrum
    /// experiment, sampled) and stored. `data` is called at most once, and only if something must be trained.
    public func run(paper: Paper, experiment: Experiment, scale: Scale, progress: Progress,
                    data: () throws -> ExperimentData) throws -> (records: [String: [RunRecord]], timings: [String: RunTiming]) {
        let scaleProtocol = experiment.protocolFor(scale)
        var records: [String: [RunRecord]] = [:]
        var timings: [String: RunTiming] = [:]
        var loaded: ExperimentData?
        for (model, identity) in RunPlanner.plan(paper: paper, experiment: experiment, scale: scaleProtocol) {
            let label = "\(experiment.id) · \(model.name) · seed \(identity.seed)"
            if let record = try store.record(for: identity) {
                records[model.id, default: []].append(record)
                timings[record.key] = store.timing(key: record.key)
                progress.finish("\(label): stored")
                continue
            }
            let started = Date()
            let record: RunRecord
            if let spectrum = experiment.fourierSpectrum {
                record = try FourierRun.record(model: model, identity: identity, spectrum: spectrum,
                                               draws: spectrum.draws(at: scale), threads: threads)
            } else {
                if loaded == nil { loaded = try data() }
                record = try train(model: model, identity: identity, experiment: experiment, scale: scaleProtocol,
                                   data: loaded!, progress: progress, label: label)
            }
            let timing = RunTiming(wallSeconds: (Date().timeIntervalSince(started) * 1000).rounded() / 1000,
                                   startedAt: ISO8601DateFormatter().string(from: started), gitCommit: gitCommit)
            try store.save(record, timing: timing)
            records[model.id, default: []].append(record)
            timings[record.key] = timing
            let seconds = String(format: "%.1f", timing.wallSeconds)
            if let fourier = record.fourier {
                progress.finish("\(label): sampled \(fourier.draws) weight draws, \(seconds) s")
            } else {
                let accuracy = record.final.map { String(format: "%.1f%%", 100 * $0.testAccuracy) } ?? "-"
                progress.finish("\(label): trained, test accuracy \(accuracy), \(seconds) s")
            }
        }
        return (records, timings)
    }

    private func train(model spec: ModelSpec, identity: RunIdentity, experiment: Experiment, scale: ScaleProtocol,
                       data: ExperimentData, progress: Progress, label: String) throws -> RunRecord {
        var initialisation = SeededGenerator(seed: identity.seed, purpose: .initialisation)
        var shuffle = SeededGenerator(seed: identity.seed, purpose: .shuffle)
        let model = ModelFactory.make(spec, imageSize: experiment.training.imageSize, classes: data.classNames.count,
                                      generator: &initialisation)
        var trainer = Trainer(epochs: scale.epochs, batchSize: experiment.training.batchSize,
                              learningRate: experiment.training.learningRate, optimizer: experiment.training.optimizer)
        trainer.onProgress = { metrics, clock in progress.epoch(clock.line(label, metrics)) }
        let (epochs, confusion) = try trainer.fit(model, train: data.train, test: data.test, classNames: data.classNames,
                                                  shuffle: &shuffle, runLabel: label)
        var classical = 0
        var quantum = 0
        let byTensor = model.parameters.map { parameter -> NamedCount in
            switch parameter.kind {
            case .classical: classical += parameter.tensor.count
            case .quantum: quantum += parameter.tensor.count
            }
            return NamedCount(name: parameter.name, count: parameter.tensor.count)
        }
        return RunRecord(identity: identity, environment: RunEnvironmentProbe.current(threads: threads), datasetFiles: data.files,
                         parameters: ParameterCounts(classical: classical, quantum: quantum, byTensor: byTensor),
                         epochs: epochs, confusion: confusion)
    }
}
