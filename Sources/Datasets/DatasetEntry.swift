import Foundation

/// A dataset as the registry describes it: its files with their checksums and sources, its
/// image geometry and classes, its splits, licence and citation.
public struct DatasetEntry: Sendable, Equatable {
    /// The registry key (`"mnist"`).
    public let name: String
    /// A human-readable title for reports.
    public let title: String
    /// The folder name under each data root that holds the files (`<root>/<directory>/<file>`).
    public let directory: String
    /// Every file of the dataset.
    public let files: [DatasetFile]
    /// Class names indexed by label.
    public let classNames: [String]
    /// Image channels (1 for greyscale, 3 for RGB).
    public let channels: Int
    /// Image height in pixels.
    public let height: Int
    /// Image width in pixels.
    public let width: Int
    /// The splits and their sample counts.
    public let splits: [DatasetSplit]
    /// The licence the data is distributed under, as far as known.
    public let licence: String
    /// The reference to cite.
    public let citation: String
    /// Where the dataset is described.
    public let homepage: URL?
    /// Absolute folders where an operating-system package installs the dataset's files (Debian's
    /// `dataset-fashion-mnist` puts them in `/usr/share/datasets/fashion-mnist`), searched after
    /// every data root.
    public let systemDirectories: [String]
    /// How the splits are made, where they are not the publisher's own (seeded random partitions,
    /// subsets, removed images), and other facts a reproduction must respect.
    public let notes: String
    /// Whether each image carries several binary labels (one per class name) rather than one class
    /// (ChestMNIST's 14 findings).
    public let isMultiLabel: Bool
    /// How decoded images are cropped and resized to `width` x `height` (image-folder datasets).
    public let preparation: ImagePreparation
    /// Further folder names searched under each data root after `directory` (the data mirror's
    /// spelling, `cifar10` beside qreport's `cifar-10`).
    public let directoryAliases: [String]
    /// Other packagings of the same dataset (same name, classes and split sizes, other files), tried
    /// in order when this entry's own files are not all on disk: `DataLocator.resolve(_:)` picks one.
    public let alternatives: [DatasetEntry]
    /// A short name of this packaging, recorded in the identity of runs of datasets that have
    /// alternatives (`"cifar-10-binary.tar.gz"`); empty for datasets with one packaging.
    public let packaging: String

    /// A registry entry.
    public init(
        name: String, title: String, directory: String, files: [DatasetFile], classNames: [String],
        channels: Int, height: Int, width: Int, splits: [DatasetSplit], licence: String, citation: String,
        homepage: URL?, systemDirectories: [String] = [], notes: String = "", isMultiLabel: Bool = false,
        preparation: ImagePreparation = .none, directoryAliases: [String] = [], alternatives: [DatasetEntry] = [],
        packaging: String = ""
    ) {
        self.name = name
        self.title = title
        self.directory = directory
        self.files = files
        self.classNames = classNames
        self.channels = channels
        self.height = height
        self.width = width
        self.splits = splits
        self.licence = licence
        self.citation = citation
        self.homepage = homepage
        self.systemDirectories = systemDirectories
        self.notes = notes
        self.isMultiLabel = isMultiLabel
        self.preparation = preparation
        self.directoryAliases = directoryAliases
        self.alternatives = alternatives
        self.packaging = packaging
    }

    /// This entry followed by its alternatives, in the order they are tried.
    public var packagings: [DatasetEntry] { [self] + alternatives }

    /// This packaging without its alternatives: loading it reads exactly these files (or fails).
    public var alone: DatasetEntry {
        DatasetEntry(name: name, title: title, directory: directory, files: files, classNames: classNames, channels: channels,
                     height: height, width: width, splits: splits, licence: licence, citation: citation, homepage: homepage,
                     systemDirectories: systemDirectories, notes: notes, isMultiLabel: isMultiLabel, preparation: preparation,
                     directoryAliases: directoryAliases, packaging: packaging)
    }

    /// The file with the given logical name.
    /// - Throws: `DatasetError.unknownPart` listing the known file names.
    public func file(named name: String) throws -> DatasetFile {
        guard let file = files.first(where: { $0.name == name }) else {
            throw DatasetError.unknownPart(dataset: self.name, kind: "file", name: name, known: files.map(\.name))
        }
        return file
    }

    /// The split of the given kind.
    /// - Throws: `DatasetError.unknownPart` listing the splits the dataset has.
    public func split(_ kind: DatasetSplit.Kind) throws -> DatasetSplit {
        guard let split = splits.first(where: { $0.kind == kind }) else {
            throw DatasetError.unknownPart(
                dataset: name, kind: "split", name: kind.rawValue, known: splits.map(\.kind.rawValue))
        }
        return split
    }
}
