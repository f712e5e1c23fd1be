import Foundation
import Results

/// Estimates runs' wall time and memory from the `.timing.json` of stored runs (measured on the machines that
/// made them): the mean over stored runs of the same experiment and model; else, for a training run, the mean
/// seconds per (epoch x training image) over stored runs of the same model, times the run's epochs x images; else
/// nothing (the plan then says "none measured" and a Slurm script uses its stated defaults).
public struct TimeEstimator: Sendable {
    /// A stored run's measurements.
    public struct Sample: Sendable {
        public var experiment: String
        public var model: String
        public var work: Int
        public var seconds: Double
        public var memoryBytes: Int?
    }

    public let samples: [Sample]

    /// Samples from the timings of the stored runs among `runs`.
    public init(runs: [PlannedRun], store: RunStore) {
        samples = runs.filter(\.stored).compactMap { run in
            guard let timing = store.timing(key: run.key), timing.wallSeconds > 0 else { return nil }
            return Sample(experiment: run.experiment, model: run.model, work: run.epochs * run.trainImages,
                          seconds: timing.wallSeconds, memoryBytes: timing.peakResidentBytes)
        }
    }

    /// The estimate for `run`.
    public func estimate(_ run: PlannedRun) -> RunEstimate {
        let same = samples.filter { $0.experiment == run.experiment && $0.model == run.model }
        if !same.isEmpty {
            let mean = same.map(\.seconds).reduce(0, +) / Double(same.count)
            return RunEstimate(seconds: mean, memoryBytes: same.compactMap(\.memoryBytes).max(),
                               source: "measured: \(same.count) stored run\(same.count == 1 ? "" : "s") of this experiment and model")
        }
        let model = samples.filter { $0.model == run.model && $0.work > 0 }
        let work = run.epochs * run.trainImages
        if !model.isEmpty, work > 0 {
            let rate = model.map { $0.seconds / Double($0.work) }.reduce(0, +) / Double(model.count)
            return RunEstimate(seconds: rate * Double(work), memoryBytes: model.compactMap(\.memoryBytes).max(),
                               source: "scaled from \(model.count) stored run\(model.count == 1 ? "" : "s") of \(run.model) by epochs x training images")
        }
        return .unknown
    }
}
