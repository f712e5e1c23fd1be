import Foundation

/// Everything that determines a run's numbers: which paper, experiment, model and dataset,
/// the hyper-parameters, the seed, the scale, and the numerics version (bumped whenever a code
/// change would change results). Its hash is the run's key in the store.
public struct RunIdentity: Codable, Hashable, Sendable {
    public var paper: String
    public var experiment: String
    public var model: String
    public var dataset: String
    public var scale: String
    public var seed: UInt64
    public var numericsVersion: Int
    /// Hyper-parameters as name/value pairs, in the Catalog's order.
    public var settings: [Setting]

    public init(paper: String, experiment: String, model: String, dataset: String, scale: String,
                seed: UInt64, numericsVersion: Int, settings: [Setting]) {
        self.paper = paper
        self.experiment = experiment
        self.model = model
        self.dataset = dataset
        self.scale = scale
        self.seed = seed
        self.numericsVersion = numericsVersion
        self.settings = settings
    }

    /// The content address: SHA-256 of the canonical (sorted-key) JSON of this identity.
    public var key: String { SHA256.hex(CanonicalJSON.encode(self)) }

    /// The value of a named setting, if present.
    public func setting(_ name: String) -> String? { settings.first { $0.name == name }?.value }
}

/// One named hyper-parameter value.
public struct Setting: Codable, Hashable, Sendable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
