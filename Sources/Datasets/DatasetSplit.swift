import Foundation

/// One split of a dataset: which part it is, how many samples it holds, and which files hold them.
public struct DatasetSplit: Sendable, Equatable {
    /// The standard splits.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case train, validation, test
    }

    /// How a split's samples are stored.
    public enum Source: Sendable, Equatable {
        /// Two IDX files of unsigned bytes, named by their `DatasetFile.name`: images `[N, H, W]`
        /// and labels `[N]`.
        case idx(images: String, labels: String)
        /// Two arrays of an NPZ file (`file` is a `DatasetFile.name`): uint8 images `[N, H, W]` or
        /// `[N, H, W, C]`, and integer labels `[N, 1]` (one class) or `[N, K]` (K binary labels).
        case npz(file: String, images: String, labels: String)
        /// CIFAR-10 binary batches inside a `.tar.gz` archive (`file`): each record one label byte
        /// and 3 x 32 x 32 pixel bytes (R, G, B planes), the members read in the order given.
        case cifarBinary(file: String, members: [String])
        /// Image files in one folder per class inside an archive (`file`), under `root`
        /// (`"resized"` holds `resized/<Class>/*.jpeg`), selected by `selection`.
        case archivedImageFolders(file: String, root: String, selection: FolderSelection)
    }

    /// Which images of an archived image-folder dataset belong to a split.
    public enum FolderSelection: Sendable, Equatable {
        /// Every image under the root (the archive ships the split as its own folder).
        case all
        /// A seeded random partition of all images under the root: the images, sorted by path,
        /// are shuffled with `seed` (Fisher-Yates driven by SplitMix64), the first `testCount`
        /// form the test split and the rest the training split. `excluded` paths are removed first.
        case seededPartition(seed: UInt64, testCount: Int, excluded: [String])
        /// As `seededPartition`, after removing every image whose bytes (md5) also appear under
        /// another class folder, from all of its classes: an image labelled two ways cannot be
        /// labelled (BUSI's benign/malignant duplicate, which AE-VQC removes).
        case seededPartitionWithoutCrossClassDuplicates(seed: UInt64, testCount: Int)
        /// The images a list member of the archive names (one `<image id> <class name>` a line,
        /// as FGVC-Aircraft's `images_variant_*.txt`; the image is `<root>/<image id>.jpg`), kept
        /// only for the entry's class names, in the list's order.
        case listed(member: String)
    }

    /// Which split this is.
    public let kind: Kind
    /// The number of samples the split must hold.
    public let count: Int
    /// The files holding it.
    public let source: Source

    /// A registry split entry.
    public init(kind: Kind, count: Int, source: Source) {
        self.kind = kind
        self.count = count
        self.source = source
    }

    /// The names of the files this split reads.
    public var fileNames: [String] {
        switch source {
        case let .idx(images, labels): return [images, labels]
        case let .npz(file, _, _), let .cifarBinary(file, _), let .archivedImageFolders(file, _, _): return [file]
        }
    }
}
