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
    /// - Throws: `DatasetError` when a file is missing, corrupt or inconsistent.
    public static func prepare(experiment: Experiment, scale: ScaleProtocol, locator: DataLocator) throws -> ExperimentData {
        let entry = try DatasetRegistry.entry(named: experiment.dataset)
        let train = try ImageSetLoader.load(entry: entry, split: .train, locator: locator)
        let test = try ImageSetLoader.load(entry: entry, split: .test, locator: locator)
        let size = experiment.training.imageSize
        func prepared(_ set: ImageSet, first count: Int) -> LabeledImages {
            let images = set.subset(0..<min(count, set.count)).resized(toWidth: size, toHeight: size)
            return LabeledImages(count: images.count, channels: images.channels, height: images.height, width: images.width,
                                 pixels: images.unitIntervalPixels(), labels: images.labels)
        }
        let files = (train.files + test.files).map { DatasetFileRecord(dataset: $0.dataset, file: $0.file, md5: $0.md5) }
        return ExperimentData(train: prepared(train.images, first: scale.trainCount),
                              test: prepared(test.images, first: scale.testCount),
                              classNames: entry.classNames, files: files)
    }
}
