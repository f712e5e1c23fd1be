/// One experiment of a paper: a dataset, models, a training protocol per scale, and what the
/// paper published about it.
public struct Experiment: Codable, Hashable, Sendable {
    /// Stable id used on the command line (`quanv`).
    public var id: String
    public var title: String
    /// Where the paper shows it ("Fig. 8, section 2.3").
    public var source: String
    /// Registry name of the dataset (`mnist`).
    public var dataset: String
    public var models: [ModelSpec]
    public var training: TrainingProtocol
    public var scales: [ScaleProtocol]
    /// Published numbers ours are compared with.
    public var comparisons: [Comparison]
    /// The paper's claims about this experiment, checked on our numbers.
    public var claims: [Claim]
    /// What a run of this experiment does: train a model (the default) or analyse a circuit.
    public var kind: Kind
    /// Class names for reports when the dataset's own are bare indices (RetinaMNIST's "0"…"4" are diabetic
    /// retinopathy grades); nil to use the dataset's.
    public var classLabels: [String]?
    /// Parameter counts of the reference implementation (the authors' code) per model id, where known: a check of
    /// our architecture when the paper publishes none; nil when unknown.
    public var referenceParameters: [String: Int]?

    /// What a run computes.
    public enum Kind: Codable, Hashable, Sendable {
        /// Train each model on the dataset and evaluate it per epoch.
        case training
        /// No training: sample the Fourier coefficients of the model's circuit over random weights (HQNN Fig. 10).
        case fourierSpectrum(FourierSpectrum)
        /// No training: the singular values of the model's circuit Jacobians, and a control's (HQNN Fig. 9).
        case jacobianRank(JacobianRank)
    }

    public init(id: String, title: String, source: String, dataset: String, models: [ModelSpec],
                training: TrainingProtocol, scales: [ScaleProtocol], comparisons: [Comparison], claims: [Claim],
                kind: Kind = .training, classLabels: [String]? = nil, referenceParameters: [String: Int]? = nil) {
        self.id = id
        self.title = title
        self.source = source
        self.dataset = dataset
        self.models = models
        self.training = training
        self.scales = scales
        self.comparisons = comparisons
        self.claims = claims
        self.kind = kind
        self.classLabels = classLabels
        self.referenceParameters = referenceParameters
    }

    /// The Fourier analysis this experiment runs, or nil for a training experiment.
    public var fourierSpectrum: FourierSpectrum? {
        if case let .fourierSpectrum(spectrum) = kind { return spectrum }
        return nil
    }

    /// The Jacobian-rank analysis this experiment runs, or nil.
    public var jacobianRank: JacobianRank? {
        if case let .jacobianRank(analysis) = kind { return analysis }
        return nil
    }

    /// Whether a run analyses a circuit rather than training on a dataset (no data is read).
    public var isCircuitAnalysis: Bool { kind != .training }

    /// The protocol for `scale`.
    public func protocolFor(_ scale: Scale) -> ScaleProtocol {
        guard let found = scales.first(where: { $0.scale == scale }) else {
            preconditionFailure("experiment \(id) defines no \(scale.rawValue) scale")
        }
        return found
    }

    /// The model with `id`.
    public func model(_ id: String) -> ModelSpec? { models.first { $0.id == id } }
}

/// Hyper-parameters shared by every scale.
public struct TrainingProtocol: Codable, Hashable, Sendable {
    /// Images are resized to `imageSize` x `imageSize` (Pillow bilinear, antialiased).
    public var imageSize: Int
    public var batchSize: Int
    public var optimizer: String
    public var learningRate: Double
    /// Distribution of circuit weights at initialisation, as text for the record.
    public var quantumInit: String
    /// Per-channel normalisation after the resize; `nil`: pixels stay on ToTensor's [0, 1] scale.
    /// Optional and omitted from the JSON when `nil`, so protocols without it encode as before.
    public var normalization: ChannelNormalization?
    /// How a multi-label dataset is trained and scored; `nil` for single-label datasets.
    public var multiLabel: MultiLabelObjective?

    public init(imageSize: Int, batchSize: Int, optimizer: String, learningRate: Double, quantumInit: String,
                normalization: ChannelNormalization? = nil, multiLabel: MultiLabelObjective? = nil) {
        self.imageSize = imageSize
        self.batchSize = batchSize
        self.optimizer = optimizer
        self.learningRate = learningRate
        self.quantumInit = quantumInit
        self.normalization = normalization
        self.multiLabel = multiLabel
    }
}

/// How much data, how many epochs and which seeds a scale runs.
public struct ScaleProtocol: Codable, Hashable, Sendable {
    public var scale: Scale
    /// The first `trainCount` images of the training file.
    public var trainCount: Int
    /// The first `testCount` images of the test file.
    public var testCount: Int
    public var epochs: Int
    public var seeds: [UInt64]

    public init(scale: Scale, trainCount: Int, testCount: Int, epochs: Int, seeds: [UInt64]) {
        self.scale = scale
        self.trainCount = trainCount
        self.testCount = testCount
        self.epochs = epochs
        self.seeds = seeds
    }
}

/// A published number and the quantity of ours it corresponds to.
public struct Comparison: Codable, Hashable, Sendable {
    /// Key into the published tables (`fixtures/published/<paper>.csv`).
    public var table: String
    public var dataset: String
    public var model: String
    public var metric: Metric
    /// The published metric holding the spread over seeds, if the paper gives one.
    public var publishedSpreadMetric: String?
    /// How many seeds the published mean is over.
    public var publishedSeeds: Int
    /// Why ours cannot match the published value, when that is known in advance (printed beside the difference).
    public var note: String?
    /// How many test images the published number was measured on when the paper's test set is a different sample
    /// from ours (HQNN-Quanv: 100 random MNIST test images); nil when both use the same test set. The verdict then
    /// allows for the binomial sampling error of both test sets.
    public var publishedTestImages: Int?
    /// The table whose number for the same model and metric stands in for this one when this one is a misprint the
    /// paper contradicts elsewhere (HQNN Table 1's Medical MNIST accuracies repeat its CIFAR-10 rows; Fig. 6 and the
    /// text give the real ones): the row is still shown and judged, but a headline counts the other once.
    public var foldedInto: String?

    public init(table: String, dataset: String, model: String, metric: Metric, publishedSpreadMetric: String?, publishedSeeds: Int,
                note: String? = nil, publishedTestImages: Int? = nil, foldedInto: String? = nil) {
        self.table = table
        self.dataset = dataset
        self.model = model
        self.metric = metric
        self.publishedSpreadMetric = publishedSpreadMetric
        self.publishedSeeds = publishedSeeds
        self.note = note
        self.publishedTestImages = publishedTestImages
        self.foldedInto = foldedInto
    }
}

/// A quantity measured by a run, with the unit the paper prints it in.
public enum Metric: String, Codable, Hashable, Sendable, CaseIterable {
    case testAccuracy = "test_accuracy"
    case trainLoss = "train_loss"
    case testLoss = "test_loss"
    case parameters
    /// Trainable weights of the model's kernel (`ModelSpec.kernelTensor`).
    case kernelParameters = "kernel_parameters"
    /// Macro-averaged F1 score on the test set, from the final confusion matrix (AE-VQC Tables 3-4).
    case macroF1 = "macro_f1"
    /// Trainable parameters after the backbone (AE-VQC's "Params*").
    case headParameters = "parameters_after_backbone"

    /// Published accuracies are in percent; ours are fractions.
    public var publishedScale: Double { self == .testAccuracy || self == .macroF1 ? 100 : 1 }

    public var label: String {
        switch self {
        case .testAccuracy: return "test accuracy (%)"
        case .trainLoss: return "train loss"
        case .testLoss: return "test loss"
        case .parameters: return "parameters"
        case .kernelParameters: return "kernel weights"
        case .macroF1: return "macro-F1 (%)"
        case .headParameters: return "Params* (after the backbone)"
        }
    }
}

/// A claim of the paper about two models, checked on our seeds.
public struct Claim: Codable, Hashable, Sendable {
    public enum Relation: Codable, Hashable, Sendable {
        /// `model` is better than `baseline` on `metric`.
        case better
        /// `model` and `baseline` are within each other's spread.
        case comparable
        /// `model`'s `metric` is at most `baseline`'s divided by `factor` ("8x fewer parameters").
        case fewer(factor: Double)
    }

    public var text: String
    public var model: String
    public var baseline: String
    public var relation: Relation
    public var metric: Metric
    /// What the reader should know when judging the check (e.g. why it cannot hold for our models); nil for none.
    public var note: String?

    public init(text: String, model: String, baseline: String, relation: Relation, metric: Metric, note: String? = nil) {
        self.text = text
        self.model = model
        self.baseline = baseline
        self.relation = relation
        self.metric = metric
        self.note = note
    }
}
