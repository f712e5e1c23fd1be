import Catalog
import Datasets
import Results

/// The images an experiment trains and tests on, prepared once per build and shared by its runs.
public struct ExperimentData: Sendable {
    public let train: LabeledImages
    public let test: LabeledImages
    public let classNames: [String]
    /// The files read, with their verified md5s (for the records' provenance).
    public let files: [DatasetFileRecord]

    /// Loads (and verifies) the experiment's dataset, takes the first images of each split the
    /// scale asks for, resizes them as Pillow's bilinear filter does, and scales pixels to [0, 1].
    /// Greyscale images are repeated into 3 channels when the experiment's models take 3
    /// (torchvision's `ImageFolder` loads every image as RGB: Medical MNIST for HQNN-Parallel).
    /// - Throws: `DatasetError` when a file is missing, corrupt or inconsistent.
    public static func prepare(experiment: Experiment, scale: ScaleProtocol, locator: DataLocator) throws -> ExperimentData {
        let entry = try DatasetRegistry.entry(named: experiment.dataset)
        let train = try ImageSetLoader.load(entry: entry, split: .train, locator: locator)
        let test = try ImageSetLoader.load(entry: entry, split: .test, locator: locator)
        let size = experiment.training.imageSize
        let channels = experiment.models.map(ModelFactory.inputChannels).max() ?? 1
        let sampled = Self.samplesSubsets(entry)
        func prepared(_ set: ImageSet, first count: Int) -> LabeledImages {
            let subset: ImageSet
            if count >= set.count {
                subset = set
            } else if sampled {
                var generator = SeededGenerator(seed: 0, purpose: .subset)
                subset = set.subset(Array(generator.permutation(set.count).prefix(count)).sorted())
            } else {
                subset = set.subset(0..<count)
            }
            let images = subset.resized(toWidth: size, toHeight: size)
            let prepared = LabeledImages(count: images.count, channels: images.channels, height: images.height,
                                         width: images.width, pixels: images.unitIntervalPixels(), labels: images.labels)
            return prepared.channels == 1 && channels == 3 ? prepared.greyToRGB() : prepared
        }
        let files = (train.files + test.files).map { DatasetFileRecord(dataset: $0.dataset, file: $0.file, md5: $0.md5) }
        return ExperimentData(train: prepared(train.images, first: scale.trainCount),
                              test: prepared(test.images, first: scale.testCount),
                              classNames: entry.classNames, files: files)
    }

    /// Whether a scale's smaller subsets are drawn at random (fixed seed, the same for every run) rather than
    /// taken from the front: image-folder splits list their images class by class, so their first images
    /// would be one or two classes. File-ordered splits (IDX, NPZ, CIFAR binary) keep "the first N".
    public static func samplesSubsets(_ entry: DatasetEntry) -> Bool {
        entry.splits.contains { split in
            if case .archivedImageFolders = split.source { return true }
            return false
        }
    }
}
