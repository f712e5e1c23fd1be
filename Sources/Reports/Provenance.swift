import Catalog
import Results

/// Where a report's numbers came from: `provenance.json` and the report's appendix.
public struct Provenance: Codable, Equatable, Sendable {
    public var paper: String
    public var scale: String
    /// The commit the report was rendered at.
    public var reportCommit: String
    public var qreportVersion: String
    public var toolchain: String
    public var machine: String
    public var threads: Int
    public var blas: String
    public var datasetFiles: [DatasetFileRecord]
    public var runs: [RunProvenance]

    /// Sum of the runs' wall times.
    public var totalWallSeconds: Double { runs.reduce(0) { $0 + ($1.wallSeconds ?? 0) } }

    /// Collects provenance from the records of `experiments` (environment of the first run).
    public init(paper: Paper, scale: Scale, reportCommit: String, experiments: [ExperimentResults]) {
        self.paper = paper.id
        self.scale = scale.rawValue
        self.reportCommit = reportCommit
        let all = experiments.flatMap { results in
            results.experiment.models.flatMap { results.records[$0.id] ?? [] }.map { (results, $0) }
        }
        let environment = all.first?.1.environment
        qreportVersion = environment?.qreportVersion ?? "-"
        toolchain = environment?.toolchain ?? "-"
        machine = environment?.cpu ?? "-"
        threads = environment?.threads ?? 0
        blas = environment?.blas ?? "-"
        var files: [DatasetFileRecord] = []
        for (_, record) in all {
            for file in record.datasetFiles where !files.contains(file) { files.append(file) }
        }
        datasetFiles = files
        runs = all.map { results, record in
            let timing = results.timings[record.key]
            return RunProvenance(experiment: record.identity.experiment, model: record.identity.model, seed: record.identity.seed,
                                 key: record.key, wallSeconds: timing?.wallSeconds, startedAt: timing?.startedAt, gitCommit: timing?.gitCommit)
        }
    }
}

extension Provenance {
    /// What a `--reproducible` report shows instead of a build detail.
    public static let leftOut = "left out (--reproducible)"

    /// The provenance without what differs between two builds of the same records (`--reproducible`): the
    /// runs' wall and start times, which stay in each run's `.timing.json`, and the commit the report was rendered at.
    public func withoutBuildDetails() -> Provenance {
        var copy = self
        copy.reportCommit = Self.leftOut
        copy.runs = runs.map { run in
            var run = run
            run.wallSeconds = nil
            run.startedAt = nil
            return run
        }
        return copy
    }
}

/// One run's identity and timing.
public struct RunProvenance: Codable, Equatable, Sendable {
    public var experiment: String
    public var model: String
    public var seed: UInt64
    public var key: String
    public var wallSeconds: Double?
    public var startedAt: String?
    public var gitCommit: String?
}
