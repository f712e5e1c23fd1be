import Results

/// One run of a paper at a scale, as the plan lists it.
public struct PlannedRun: Codable, Equatable, Sendable {
    /// Its position in the paper's plan (experiments in Catalog order, then models, then seeds), from 0: the
    /// Slurm array index of its task.
    public var index: Int
    /// The run store key (hash of the run's identity).
    public var key: String
    public var experiment: String
    public var model: String
    public var seed: UInt64
    public var dataset: String
    /// Epochs and training images at this scale (what the time estimate scales with).
    public var epochs: Int
    public var trainImages: Int
    /// Whether its record is in the store.
    public var stored: Bool
    /// Its expected wall time and memory at the plan's thread count, where anything is known.
    public var estimate: RunEstimate

    public init(index: Int, identity: RunIdentity, epochs: Int, trainImages: Int, stored: Bool,
                estimate: RunEstimate = RunEstimate.unknown) {
        self.index = index
        self.key = identity.key
        self.experiment = identity.experiment
        self.model = identity.model
        self.seed = identity.seed
        self.dataset = identity.dataset
        self.epochs = epochs
        self.trainImages = trainImages
        self.stored = stored
        self.estimate = estimate
    }
}
