/// The stored runs of a variant of the paper — the same experiments in another configuration, kept in a run
/// store of their own (Vision-QRWKV's `--variant paper-text`) — for showing beside the main configuration's.
public struct VariantResults: Sendable {
    /// The variant's name as `--variant` takes it (`paper-text`).
    public var name: String
    /// What the configuration is, for the report's text (the variant paper's title).
    public var title: String
    /// Where its runs were read from, as the report prints it (`reports/vision-qrwkv-paper-text/runs`).
    public var storeLocation: String
    /// The variant's experiments, in its paper's order, with whatever runs its store holds at the report's scale.
    public var experiments: [ExperimentResults]

    public init(name: String, title: String, storeLocation: String, experiments: [ExperimentResults]) {
        self.name = name
        self.title = title
        self.storeLocation = storeLocation
        self.experiments = experiments
    }

    /// Whether any of its experiments has a finished run.
    public var hasRuns: Bool { experiments.contains { $0.records.values.contains { !$0.isEmpty } } }
}
