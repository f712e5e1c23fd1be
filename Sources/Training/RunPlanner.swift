import Catalog
import Datasets
import Results

/// The runs an experiment needs at a scale: one per model and seed, in model-then-seed order.
public enum RunPlanner {
    /// Bump when a code change would change any run's numbers; stored runs of other versions are not reused.
    /// 2: chunked convolution gradients and Double BatchNorm statistics in the engine; OpenBLAS SkylakeX kernels.
    /// 3: QuantumSim's product-state prefix, fast sine/cosine and fixed per-state-size summation order.
    public static let numericsVersion = 3

    /// The identity of the run of `model` with `seed`, on `packaging` of the experiment's dataset (`nil`: the
    /// registry's first). Of a dataset with alternative packagings the packaging is a setting, since the image
    /// order (and so the numbers) differ; other identities are unchanged.
    public static func identity(paper: Paper, experiment: Experiment, model: ModelSpec, scale: ScaleProtocol, seed: UInt64,
                                packaging: DatasetEntry? = nil) -> RunIdentity {
        if let spectrum = experiment.fourierSpectrum {
            return fourierIdentity(paper: paper, experiment: experiment, model: model, spectrum: spectrum, scale: scale, seed: seed)
        }
        if let analysis = experiment.jacobianRank {
            return RunIdentity(
                paper: paper.id, experiment: experiment.id, model: model.id, dataset: experiment.dataset,
                scale: scale.scale.rawValue, seed: seed, numericsVersion: numericsVersion,
                settings: [
                    Setting("architecture", model.summary),
                    Setting("analysis", "jacobian-rank"),
                    Setting("control", "an extra RZ weight after the first Rot on wire 0 and an extra RX input after RX(x0)"),
                    Setting("settings", "\(analysis.settings(at: scale.scale))"),
                    Setting("stacked_draws", "\(analysis.stackedDraws)"),
                    Setting("angle_distribution", "uniform[0, 2pi)"),
                    Setting("jacobian", "adjoint, Double; checked against parameter shift"),
                    Setting("singular_values", "one-sided Jacobi"),
                    Setting("tolerance", "\(analysis.toleranceFactor) * max(rows, columns) * eps * sigma_max"),
                ])
        }
        let t = experiment.training
        let registered = try? DatasetRegistry.entry(named: experiment.dataset)
        let source = packaging ?? registered
        let sampled = source.map(ExperimentData.samplesSubsets) ?? false
        let (train, test) = sampled
            ? ("\(scale.trainCount) of the training split, drawn with a fixed seed", "\(scale.testCount) of the test split, drawn with a fixed seed")
            : ("first \(scale.trainCount) of the training file", "first \(scale.testCount) of the test file")
        return RunIdentity(
            paper: paper.id, experiment: experiment.id, model: model.id, dataset: experiment.dataset,
            scale: scale.scale.rawValue, seed: seed, numericsVersion: numericsVersion,
            settings: [
                Setting("architecture", model.summary),
                Setting("train_images", train),
                Setting("test_images", test),
                Setting("image_size", "\(t.imageSize)"),
                Setting("resize", "pillow-bilinear"),
                Setting("epochs", "\(scale.epochs)"),
                Setting("batch_size", "\(t.batchSize)"),
                Setting("optimizer", t.optimizer),
                Setting("learning_rate", "\(t.learningRate)"),
                Setting("quantum_init", t.quantumInit),
            ] + protocolSettings(t) + engineSettings(model) + packagingSettings(registered: registered, used: source))
    }

    /// Engine choices that changed one family's numbers without touching the others' (so `numericsVersion`, which
    /// would retire every stored run, stays): the AE-VQC backbones' 3x3 stride-1 convolutions became Winograd
    /// F(2x2, 3x3) (`Tensor.winogradConv2d`), so their runs from before are not reused.
    private static func engineSettings(_ model: ModelSpec) -> [Setting] {
        guard case .aeVQC = model.architecture else { return [] }
        return [Setting("convolution_3x3", "winograd-f2x3: backward always, forward from 128 channels")]
    }

    /// The packaging the data was read from, named only for datasets that have several.
    private static func packagingSettings(registered: DatasetEntry?, used: DatasetEntry?) -> [Setting] {
        guard let registered, !registered.alternatives.isEmpty, let used else { return [] }
        return [Setting("data_packaging", used.packaging)]
    }

    /// Settings only some protocols have, named only when present so that the identities (and keys) of the
    /// other protocols' runs are unchanged.
    private static func protocolSettings(_ t: TrainingProtocol) -> [Setting] {
        var settings: [Setting] = []
        if let normalization = t.normalization { settings.append(Setting("normalization", normalization.summary)) }
        if let objective = t.multiLabel { settings.append(Setting("multi_label", objective.rawValue)) }
        return settings
    }

    /// A Fourier-spectrum run's identity: what is sampled and how often (no data, no training settings).
    private static func fourierIdentity(paper: Paper, experiment: Experiment, model: ModelSpec, spectrum: FourierSpectrum,
                                        scale: ScaleProtocol, seed: UInt64) -> RunIdentity {
        RunIdentity(
            paper: paper.id, experiment: experiment.id, model: model.id, dataset: experiment.dataset,
            scale: scale.scale.rawValue, seed: seed, numericsVersion: numericsVersion,
            settings: [
                Setting("architecture", model.summary),
                Setting("analysis", "fourier-coefficients"),
                Setting("observable", "\(spectrum.observable): \(spectrum.observableLabel)"),
                Setting("varying_inputs", spectrum.varyingInputs.map(String.init).joined(separator: ",")),
                Setting("fixed_input_value", "\(spectrum.fixedInputValue)"),
                Setting("degree", "\(spectrum.degree)"),
                Setting("draws", "\(spectrum.draws(at: scale.scale))"),
                Setting("weight_distribution", experiment.training.quantumInit),
            ])
    }

    /// Every run of `experiment` at `scale`, on `packaging` of its dataset (`nil`: the registry's first).
    public static func plan(paper: Paper, experiment: Experiment, scale: ScaleProtocol,
                            packaging: DatasetEntry? = nil) -> [(model: ModelSpec, identity: RunIdentity)] {
        experiment.models.flatMap { model in
            scale.seeds.map {
                (model, identity(paper: paper, experiment: experiment, model: model, scale: scale, seed: $0, packaging: packaging))
            }
        }
    }

    /// Every packaging of the experiment's dataset a stored run may have been trained on, in registry order
    /// (`[nil]` where the dataset is unknown or has one packaging).
    public static func packagings(of experiment: Experiment) -> [DatasetEntry?] {
        guard !experiment.isCircuitAnalysis, let entry = try? DatasetRegistry.entry(named: experiment.dataset),
              !entry.alternatives.isEmpty else { return [nil] }
        return entry.packagings
    }
}
