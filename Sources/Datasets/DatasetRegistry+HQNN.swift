import Foundation

extension DatasetRegistry {
    /// Medical MNIST (apolanco3225/Medical-MNIST-Classification): 58,954 64x64 greyscale JPEGs in six
    /// classes, read straight from the archive `medical-mnist-64.tar.gz` (`resized/<Class>/*.jpeg`,
    /// the repository's `resized/` folder at commit a8942ee as the qreport data mirror ships it).
    /// There is no official split: HQNN uses 47,163 / 11,791 (80 / 20), which qreport draws with a
    /// fixed seed (an assumption; the paper gives no seed).
    public static let medicalMNIST = DatasetEntry(
        name: "medical-mnist",
        title: "Medical MNIST (64x64, 6 classes)",
        directory: "medical-mnist",
        files: [
            DatasetFile(
                name: "archive", acceptedNames: ["medical-mnist-64.tar.gz"], md5: "7026b4916a4a9b6c121c92330b25710c",
                md5OfDecompressedContent: false, url: nil,
                manualStep: "copy medical-mnist-64.tar.gz from the qreport data mirror (shared/data/medical-mnist), "
                    + "which packs the resized/ folder of github.com/apolanco3225/Medical-MNIST-Classification at commit "
                    + "a8942eefd6e75f8c34e88fcf2c41faa279aad346"),
        ],
        classNames: ["AbdomenCT", "BreastMRI", "CXR", "ChestCT", "Hand", "HeadCT"],
        channels: 1, height: 64, width: 64,
        splits: [
            DatasetSplit(
                kind: .train, count: 47163,
                source: .archivedImageFolders(
                    file: "archive", root: "resized", selection: .seededPartition(seed: 2024, testCount: 11791, excluded: []))),
            DatasetSplit(
                kind: .test, count: 11791,
                source: .archivedImageFolders(
                    file: "archive", root: "resized", selection: .seededPartition(seed: 2024, testCount: 11791, excluded: []))),
        ],
        licence: "No licence file in the source repository; images from the MedNIST collection (TCIA, RSNA Bone Age, "
            + "NIH Chest X-ray), for research use",
        citation: "apolanco3225. Medical MNIST classification. https://github.com/apolanco3225/Medical-MNIST-Classification, 2017.",
        homepage: URL(string: "https://github.com/apolanco3225/Medical-MNIST-Classification"),
        notes: "Class sizes: AbdomenCT 10,000, BreastMRI 8,954, CXR 10,000, ChestCT 10,000, Hand 10,000, HeadCT 10,000. "
            + "Train/test: a seeded 80/20 partition (seed 2024) of all images sorted by path; HQNN gives only the sizes.")

    /// CIFAR-10 (Krizhevsky 2009): 32x32 RGB, 50,000 train / 10,000 test, in ten classes. Read from the
    /// official binary archive when it is on disk (five training batches and the test batch, in file
    /// order; md5 the official one of the archive as downloaded), else from `cifar10PNG`, the same
    /// images as lossless PNGs in one folder per class (the qreport data mirror's copy).
    public static let cifar10: DatasetEntry = {
        let members = (1...5).map { "cifar-10-batches-bin/data_batch_\($0).bin" }
        return DatasetEntry(
            name: "cifar-10",
            title: "CIFAR-10",
            directory: "cifar-10",
            files: [
                DatasetFile(
                    name: "archive", acceptedNames: ["cifar-10-binary.tar.gz"], md5: "c32a1d4ab5d03f1284b67883e8d87530",
                    md5OfDecompressedContent: false, url: URL(string: "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz")),
            ],
            classNames: cifar10ClassNames,
            channels: 3, height: 32, width: 32,
            splits: [
                DatasetSplit(kind: .train, count: 50000, source: .cifarBinary(file: "archive", members: members)),
                DatasetSplit(
                    kind: .test, count: 10000, source: .cifarBinary(file: "archive", members: ["cifar-10-batches-bin/test_batch.bin"])),
            ],
            licence: cifar10Licence,
            citation: cifar10Citation,
            homepage: URL(string: "https://www.cs.toronto.edu/~kriz/cifar.html"),
            notes: "Official binary batches, read in file order (data_batch_1..5, test_batch).",
            directoryAliases: ["cifar10"],
            alternatives: [cifar10PNG],
            packaging: "cifar-10-binary.tar.gz (official batches, file order)")
    }()

    /// CIFAR-10 as 60,000 lossless PNGs (`cifar10-png.tar.gz` of the qreport data mirror: the
    /// `train/` and `test/` trees of github.com/cyizhuo/CIFAR-10-dataset at commit a828d74, file
    /// bytes unchanged), read straight from the archive: `CIFAR-10-dataset/{train,test}/<class>/
    /// <original CIFAR file name>.png`. The split is the folder; the label is the class folder's
    /// position in the official class list (every folder must be one of them, each with images).
    /// The archive does not keep the official batch order, so images are in member-path order
    /// (class by class in label order, then by file name); training shuffles them anyway. Pixels
    /// equal the official binary's: `CIFARPNGEquivalenceTests` compares both loaders on a sample.
    public static let cifar10PNG = DatasetEntry(
        name: "cifar-10",
        title: "CIFAR-10",
        directory: "cifar-10",
        files: [
            DatasetFile(
                name: "png-archive", acceptedNames: ["cifar10-png.tar.gz"], md5: "0ffaf07fc49d296cc752081460e8fb88",
                md5OfDecompressedContent: false, url: nil,
                manualStep: "copy cifar10-png.tar.gz from the qreport data mirror (shared/data/cifar10), which packs the "
                    + "train/ and test/ folders of github.com/cyizhuo/CIFAR-10-dataset at commit "
                    + "a828d74fc38cd82a82ecfdeca6522873baf96efa; or download the official cifar-10-binary.tar.gz"),
        ],
        classNames: cifar10ClassNames,
        channels: 3, height: 32, width: 32,
        splits: [
            DatasetSplit(
                kind: .train, count: 50000,
                source: .archivedImageFolders(file: "png-archive", root: "CIFAR-10-dataset/train", selection: .all)),
            DatasetSplit(
                kind: .test, count: 10000,
                source: .archivedImageFolders(file: "png-archive", root: "CIFAR-10-dataset/test", selection: .all)),
        ],
        licence: cifar10Licence,
        citation: cifar10Citation,
        homepage: URL(string: "https://www.cs.toronto.edu/~kriz/cifar.html"),
        notes: "PNG folders (cifar10-png.tar.gz): the split is the train/ or test/ folder, the label the class folder; "
            + "images in member-path order (class by class, then file name), not the official batch order, which "
            + "the archive does not keep. Pixel sums over all images equal the official set's.",
        directoryAliases: ["cifar10"],
        packaging: "cifar10-png.tar.gz (PNG folders, member-path order)")

    /// CIFAR-10's classes in label order (`batches.meta.txt`).
    static let cifar10ClassNames = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]
    static let cifar10Licence = "No licence stated by the authors; freely distributed for research"
    static let cifar10Citation = "A. Krizhevsky. Learning multiple layers of features from tiny images. Technical report, "
        + "University of Toronto, 2009."
}
