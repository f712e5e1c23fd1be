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

    public init(train: LabeledImages, test: LabeledImages, classNames: [String], files: [DatasetFileRecord]) {
        self.train = train
        self.test = test
        self.classNames = classNames
        self.files = files
    }

    /// Loads (and verifies) the experiment's dataset and prepares the images of each split the scale
    /// asks for (see `prepare(experiment:scale:train:test:classNames:files:sampled:)`): `packaging` of it when
    /// given (the one the runs' identities name), else the one `locator` finds.
    /// - Throws: `DatasetError` when a file is missing, corrupt or inconsistent.
    public static func prepare(experiment: Experiment, scale: ScaleProtocol, locator: DataLocator,
                               packaging: DatasetEntry? = nil) throws -> ExperimentData {
        try prepare(experiment: experiment, entry: packaging?.alone ?? locator.resolve(DatasetRegistry.entry(named: experiment.dataset)),
                    scale: scale, locator: locator)
    }

    /// As `prepare(experiment:scale:locator:packaging:)`, with the dataset's registry entry given (the tests' entries
    /// for the committed data subsets, which carry the subsets' own md5s and counts).
    public static func prepare(experiment: Experiment, entry: DatasetEntry, scale: ScaleProtocol,
                               locator: DataLocator) throws -> ExperimentData {
        let train = try ImageSetLoader.load(entry: entry, split: .train, locator: locator)
        let test = try ImageSetLoader.load(entry: entry, split: .test, locator: locator)
        let files = (train.files + test.files).map { DatasetFileRecord(dataset: $0.dataset, file: $0.file, md5: $0.md5) }
        return prepare(experiment: experiment, scale: scale, train: train.images, test: test.images,
                       classNames: entry.classNames, files: files, sampled: samplesSubsets(entry))
    }

    /// The input pipeline of the experiment's protocol on decoded splits, in torchvision's order:
    /// the first images of each split the scale asks for (or a fixed-seed sample when `sampled`);
    /// greyscale images converted to 3 channels when the experiment's models take 3 (Pillow's
    /// `convert("RGB")`: torchvision's `ImageFolder` for Medical MNIST, MedMNIST's `as_rgb=True` for
    /// Vision-QRWKV's TissueMNIST); Pillow's bilinear resize to the protocol's size; `ToTensor`'s
    /// division by 255; then the protocol's per-channel normalisation, if any. Multi-label splits
    /// keep their multi-hot labels, with the protocol's objective.
    /// - Precondition: the protocol's normalisation has one mean per channel the models take.
    public static func prepare(experiment: Experiment, scale: ScaleProtocol, train: ImageSet, test: ImageSet,
                               classNames: [String], files: [DatasetFileRecord], sampled: Bool) -> ExperimentData {
        let protocolSettings = experiment.training
        let size = protocolSettings.imageSize
        let channels = experiment.models.map(ModelFactory.inputChannels).max() ?? 1
        let normalization = protocolSettings.normalization.map { constants -> Normalization in
            precondition(constants.mean.count == max(channels, train.channels),
                         "\(experiment.id): \(constants.mean.count) normalisation constants for \(max(channels, train.channels)) channels")
            return Normalization(mean: constants.mean.map(Float.init), std: constants.std.map(Float.init), source: constants.source)
        }
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
            let converted = subset.channels == 1 && channels == 3 ? subset.converted(toChannels: 3) : subset
            let images = converted.resized(toWidth: size, toHeight: size)
            let pixels = normalization.map {
                Normalize.standardized(images.pixels, planeSize: size * size, constants: $0)
            } ?? images.unitIntervalPixels()
            let multiLabel = images.multiLabels.map {
                MultiLabelTargets(labelCount: images.classNames.count, flags: $0.map(Float.init),
                                  objective: protocolSettings.multiLabel ?? .argmaxCrossEntropy)
            }
            return LabeledImages(count: images.count, channels: images.channels, height: images.height,
                                 width: images.width, pixels: pixels, labels: images.labels, multiLabel: multiLabel)
        }
        return ExperimentData(train: prepared(train, first: scale.trainCount), test: prepared(test, first: scale.testCount),
                              classNames: classNames, files: files)
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
