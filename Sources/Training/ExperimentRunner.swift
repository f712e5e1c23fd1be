import Foundation
import Catalog
import Datasets
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

    /// Claims a run before it is trained: returns once this process may train it (and the closure that gives the
    /// claim back), or throws when it may not. nil: nothing is claimed (a store only this process uses).
    /// The `Cluster` module's run locks plug in here, so that a `build` and a `qreport run` on one store never
    /// train one run twice.
    public var claim: ((RunIdentity, _ label: String) throws -> () -> Void)?
    /// Hears the epoch a run resumes at from its checkpoint (besides the progress line that says so).
    public var onResume: ((Int) -> Void)?

    /// The finished runs of `experiment`: stored ones are loaded, missing ones trained (or, for a Fourier-spectrum
    /// experiment, sampled) and stored. `data` is called at most once, and only if something must be trained;
    /// it must read `packaging` of the dataset (`nil`: the registry's first), which the runs' identities name.
    public func run(paper: Paper, experiment: Experiment, scale: Scale, progress: Progress, packaging: DatasetEntry? = nil,
                    data: () throws -> ExperimentData) throws -> (records: [String: [RunRecord]], timings: [String: RunTiming]) {
        let scaleProtocol = experiment.protocolFor(scale)
        var records: [String: [RunRecord]] = [:]
        var timings: [String: RunTiming] = [:]
        var loaded: ExperimentData?
        let cachedData = { () throws -> ExperimentData in
            if let loaded { return loaded }
            let prepared = try data()
            loaded = prepared
            return prepared
        }
        for (model, identity) in RunPlanner.plan(paper: paper, experiment: experiment, scale: scaleProtocol, packaging: packaging) {
            let (record, timing) = try produce(model: model, identity: identity, experiment: experiment, scale: scale,
                                               progress: progress, data: cachedData)
            records[model.id, default: []].append(record)
            timings[record.key] = timing
        }
        return (records, timings)
    }

    /// One run of `experiment`: loaded when stored, else its data prepared, the run claimed (see `claim`), trained
    /// (resuming from its epoch checkpoint when there is one) or sampled, and stored. `data` is called only if the
    /// run must be trained.
    public func produce(model: ModelSpec, identity: RunIdentity, experiment: Experiment, scale: Scale, progress: Progress,
                        data: () throws -> ExperimentData) throws -> (record: RunRecord, timing: RunTiming?) {
        let label = "\(experiment.id) · \(model.name) · seed \(identity.seed)"
        if let record = try store.record(for: identity) {
            progress.finish("\(label): stored")
            return (record, store.timing(key: record.key))
        }
        // Data first: a run whose data is missing or corrupt fails before anything is written to the store.
        let prepared = experiment.isCircuitAnalysis ? nil : try data()
        let release = try claim?(identity, label)
        defer { release?() }
        // Another process may have stored it while this one waited for the claim.
        if let record = try store.record(for: identity) {
            progress.finish("\(label): stored (by another process)")
            return (record, store.timing(key: record.key))
        }
        let scaleProtocol = experiment.protocolFor(scale)
        // A resumed run's timing counts the epochs trained before (as its checkpoint says).
        let earlier = ((try? store.checkpoint(key: identity.key).header()) ?? nil)?.trainedSeconds ?? 0
        let started = Date()
        let record: RunRecord
        if let spectrum = experiment.fourierSpectrum {
            record = try FourierRun.record(model: model, identity: identity, spectrum: spectrum,
                                           draws: spectrum.draws(at: scale), threads: threads)
        } else if let analysis = experiment.jacobianRank {
            record = try JacobianRankRun.record(model: model, identity: identity, analysis: analysis,
                                                settings: analysis.settings(at: scale), threads: threads)
        } else {
            record = try train(model: model, identity: identity, experiment: experiment, scale: scaleProtocol,
                               data: prepared!, progress: progress, label: label)
        }
        let timing = RunTiming(wallSeconds: ((earlier + Date().timeIntervalSince(started)) * 1000).rounded() / 1000,
                               startedAt: ISO8601DateFormatter().string(from: started), gitCommit: gitCommit,
                               peakResidentBytes: Self.peakResidentBytes())
        try store.save(record, timing: timing)
        let seconds = String(format: "%.1f", timing.wallSeconds)
        if let fourier = record.fourier {
            progress.finish("\(label): sampled \(fourier.draws) weight draws, \(seconds) s")
        } else if let spectra = record.jacobianRank {
            let ranks = spectra.circuits.map { c in "\(c.name) weight ranks \(c.weightSpectra.map(\.rank)) of \(c.weightCount)" }
            progress.finish("\(label): \(ranks.joined(separator: "; ")), \(seconds) s")
        } else {
            let accuracy = record.final.map { String(format: "%.1f%%", 100 * $0.testAccuracy) } ?? "-"
            progress.finish("\(label): trained, test accuracy \(accuracy), \(seconds) s")
        }
        return (record, timing)
    }

    /// `getrusage`'s maximum resident set size of this process, in bytes (Linux reports KiB).
    static func peakResidentBytes() -> Int? {
        var usage = rusage()
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0, usage.ru_maxrss > 0 else { return nil }
        return Int(usage.ru_maxrss) * 1024
    }

    private func train(model spec: ModelSpec, identity: RunIdentity, experiment: Experiment, scale: ScaleProtocol,
                       data: ExperimentData, progress: Progress, label: String) throws -> RunRecord {
        var initialisation = SeededGenerator(seed: identity.seed, purpose: .initialisation)
        var shuffle = SeededGenerator(seed: identity.seed, purpose: .shuffle)
        let model = try ModelFactory.make(spec, imageSize: experiment.training.imageSize, classes: data.classNames.count,
                                      generator: &initialisation)
        var trainer = Trainer(epochs: scale.epochs, batchSize: experiment.training.batchSize,
                              learningRate: experiment.training.learningRate, optimizer: experiment.training.optimizer)
        trainer.onProgress = { metrics, clock in progress.epoch(clock.line(label, metrics)) }
        let checkpoint = store.checkpoint(key: identity.key)
        trainer.checkpoints = TrainingCheckpoints(file: checkpoint, key: identity.key) { epoch in
            progress.note("\(label): resuming at epoch \(epoch) of \(scale.epochs) from \(checkpoint.url.path)")
            onResume?(epoch)
        }
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
