import Catalog
import Datasets
import Results

/// The runs an experiment needs at a scale: one per model and seed, in model-then-seed order.
public enum RunPlanner {
    /// Bump when a code change would change any run's numbers; stored runs of other versions are not reused.
    public static let numericsVersion = 1

    /// The identity of the run of `model` with `seed`.
    public static func identity(paper: Paper, experiment: Experiment, model: ModelSpec, scale: ScaleProtocol, seed: UInt64) -> RunIdentity {
        let t = experiment.training
        let sampled = (try? DatasetRegistry.entry(named: experiment.dataset)).map(ExperimentData.samplesSubsets) ?? false
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
            ])
    }

    /// Every run of `experiment` at `scale`.
    public static func plan(paper: Paper, experiment: Experiment, scale: ScaleProtocol) -> [(model: ModelSpec, identity: RunIdentity)] {
        experiment.models.flatMap { model in
            scale.seeds.map { (model, identity(paper: paper, experiment: experiment, model: model, scale: scale, seed: $0)) }
        }
    }
}
