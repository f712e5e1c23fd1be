import Foundation

/// The deterministic outcome of one training run: same binary, inputs, seed and thread count give
/// the same bytes. Wall-clock facts live apart, in `RunTiming`, so that this stays reproducible.
public struct RunRecord: Codable, Equatable, Sendable {
    /// Bumped when the record's layout changes.
    public static let formatVersion = 1

    public var format: Int
    public var identity: RunIdentity
    public var environment: RunEnvironment
    /// Files the run read, with the md5 of their (decompressed) content.
    public var datasetFiles: [DatasetFileRecord]
    public var parameters: ParameterCounts
    /// One entry per epoch, in order.
    public var epochs: [EpochMetrics]
    /// Confusion matrix of the test set after the last epoch.
    public var confusion: ConfusionMatrix
    /// The samples of a Fourier-spectrum run; nil for training runs, and then absent from the JSON, so records
    /// written before this field existed keep their bytes.
    public var fourier: FourierSamples?
    /// The singular-value spectra of a Jacobian-rank run; nil (and absent from the JSON) otherwise.
    public var jacobianRank: JacobianSpectra?

    public init(identity: RunIdentity, environment: RunEnvironment, datasetFiles: [DatasetFileRecord],
                parameters: ParameterCounts, epochs: [EpochMetrics], confusion: ConfusionMatrix, fourier: FourierSamples? = nil,
                jacobianRank: JacobianSpectra? = nil) {
        self.format = Self.formatVersion
        self.identity = identity
        self.environment = environment
        self.datasetFiles = datasetFiles
        self.parameters = parameters
        self.epochs = epochs
        self.confusion = confusion
        self.fourier = fourier
        self.jacobianRank = jacobianRank
    }

    /// The store key of this record (the identity's hash).
    public var key: String { identity.key }

    /// Metrics after the last epoch (what the papers report).
    public var final: EpochMetrics? { epochs.last }
}

/// Metrics measured at the end of one epoch.
public struct EpochMetrics: Codable, Equatable, Sendable {
    public var epoch: Int
    /// Mean cross-entropy over the epoch's training batches, weighted by batch size.
    public var trainLoss: Double
    /// Fraction of training samples classified correctly during the epoch's batches.
    public var trainAccuracy: Double
    /// Mean cross-entropy over the test set, model in evaluation mode.
    public var testLoss: Double
    /// Fraction of the test set classified correctly (multi-label datasets: the element-wise
    /// binary accuracy, `multiLabel.elementwiseAccuracy`, which is what the papers report).
    public var testAccuracy: Double
    /// Multi-label datasets only (omitted from the JSON otherwise): AUCs and per-label accuracies.
    public var multiLabel: MultiLabelMetrics?

    public init(epoch: Int, trainLoss: Double, trainAccuracy: Double, testLoss: Double, testAccuracy: Double,
                multiLabel: MultiLabelMetrics? = nil) {
        self.epoch = epoch
        self.trainLoss = trainLoss
        self.trainAccuracy = trainAccuracy
        self.testLoss = testLoss
        self.testAccuracy = testAccuracy
        self.multiLabel = multiLabel
    }
}

/// Trainable parameter counts, split into classical and circuit weights, and per module.
public struct ParameterCounts: Codable, Equatable, Sendable {
    public var classical: Int
    public var quantum: Int
    /// Per named parameter tensor ("fc.weight": 1960), in model order.
    public var byTensor: [NamedCount]

    public init(classical: Int, quantum: Int, byTensor: [NamedCount]) {
        self.classical = classical
        self.quantum = quantum
        self.byTensor = byTensor
    }

    public var total: Int { classical + quantum }
}

/// A name and a count.
public struct NamedCount: Codable, Equatable, Sendable {
    public var name: String
    public var count: Int
    public init(name: String, count: Int) {
        self.name = name
        self.count = count
    }
}

/// Rows are true classes, columns predicted classes.
public struct ConfusionMatrix: Codable, Equatable, Sendable {
    public var classNames: [String]
    public var counts: [[Int]]

    public init(classNames: [String], counts: [[Int]]) {
        self.classNames = classNames
        self.counts = counts
    }

    /// An all-zero matrix for `classNames`.
    public init(classNames: [String]) {
        self.init(classNames: classNames, counts: Array(repeating: Array(repeating: 0, count: classNames.count), count: classNames.count))
    }

    /// Fraction on the diagonal (0 when empty).
    public var accuracy: Double {
        let total = counts.joined().reduce(0, +)
        guard total > 0 else { return 0 }
        return Double(counts.indices.reduce(0) { $0 + counts[$1][$1] }) / Double(total)
    }
}

/// A data file a run read.
public struct DatasetFileRecord: Codable, Equatable, Sendable {
    public var dataset: String
    public var file: String
    public var md5: String
    public init(dataset: String, file: String, md5: String) {
        self.dataset = dataset
        self.file = file
        self.md5 = md5
    }
}

/// Facts about the software and machine that can change numbers (no clocks, no host names).
public struct RunEnvironment: Codable, Equatable, Sendable {
    public var qreportVersion: String
    public var toolchain: String
    public var cpu: String
    public var threads: Int
    public var blas: String

    public init(qreportVersion: String, toolchain: String, cpu: String, threads: Int, blas: String) {
        self.qreportVersion = qreportVersion
        self.toolchain = toolchain
        self.cpu = cpu
        self.threads = threads
        self.blas = blas
    }
}
