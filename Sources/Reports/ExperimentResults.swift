import Catalog
import Results

/// The finished runs of one experiment at one scale, as the report needs them.
public struct ExperimentResults: Sendable {
    public var experiment: Experiment
    public var scale: ScaleProtocol
    /// Records per model id, in seed order.
    public var records: [String: [RunRecord]]
    /// Timing per record key.
    public var timings: [String: RunTiming]
    /// Why the experiment could not run when its data is missing: the data error's message, which names
    /// the files, where they were looked for and how to fetch them. Nil when the data was there.
    public var missingData: String?

    public init(experiment: Experiment, scale: ScaleProtocol, records: [String: [RunRecord]], timings: [String: RunTiming],
                missingData: String? = nil) {
        self.experiment = experiment
        self.scale = scale
        self.records = records
        self.timings = timings
        self.missingData = missingData
    }

    /// Our value of `metric` for `record` of `model`, in the unit the paper prints.
    public static func value(of metric: Metric, in record: RunRecord, model: ModelSpec? = nil) -> Double? {
        switch metric {
        case .testAccuracy: return record.final.map { $0.testAccuracy * metric.publishedScale }
        case .trainLoss: return record.final?.trainLoss
        case .testLoss: return record.final?.testLoss
        case .parameters: return Double(record.parameters.total)
        case .macroF1: return record.final == nil ? nil : record.confusion.macroF1 * metric.publishedScale
        case .headParameters:
            // AE-VQC models name the tensors after their backbone "head.*" (the paper's Params*).
            let head = record.parameters.byTensor.filter { $0.name.hasPrefix("head.") }
            return head.isEmpty ? nil : Double(head.reduce(0) { $0 + $1.count })
        case .kernelParameters:
            return model?.kernelTensor.flatMap { name in record.parameters.byTensor.first { $0.name == name } }.map { Double($0.count) }
        }
    }

    /// How many test images our runs were evaluated on (the confusion matrix's total); nil before any run.
    public var testImages: Int? {
        records.values.lazy.compactMap { $0.first }.first.map { $0.confusion.counts.reduce(0) { $0 + $1.reduce(0, +) } }
            .flatMap { $0 > 0 ? $0 : nil }
    }

    /// The accuracy (%) of always answering the most frequent class of our test set, from the stored confusion
    /// matrix's row totals (the true classes); nil before any run or for multi-label data.
    public var majorityClassAccuracy: Double? {
        guard experiment.training.multiLabel == nil,
              let counts = records.values.lazy.compactMap({ $0.first }).first?.confusion.counts else { return nil }
        let rows = counts.map { $0.reduce(0, +) }
        let total = rows.reduce(0, +)
        guard total > 0, let top = rows.max() else { return nil }
        return Double(top) / Double(total) * 100
    }

    /// Per-seed values of `metric` for `model`.
    public func statistics(_ metric: Metric, model: String) -> SeedStatistics? {
        guard let runs = records[model], !runs.isEmpty else { return nil }
        let spec = experiment.model(model)
        return SeedStatistics(runs.compactMap { Self.value(of: metric, in: $0, model: spec) })
    }
}
