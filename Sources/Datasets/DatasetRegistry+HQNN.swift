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

    /// CIFAR-10 (Krizhevsky 2009), binary version: 32x32 RGB, 50,000 train (five batches) / 10,000 test.
    /// The md5 is the official one of the archive as downloaded.
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
            classNames: ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"],
            channels: 3, height: 32, width: 32,
            splits: [
                DatasetSplit(kind: .train, count: 50000, source: .cifarBinary(file: "archive", members: members)),
                DatasetSplit(
                    kind: .test, count: 10000, source: .cifarBinary(file: "archive", members: ["cifar-10-batches-bin/test_batch.bin"])),
            ],
            licence: "No licence stated by the authors; freely distributed for research",
            citation: "A. Krizhevsky. Learning multiple layers of features from tiny images. Technical report, "
                + "University of Toronto, 2009.",
            homepage: URL(string: "https://www.cs.toronto.edu/~kriz/cifar.html"))
    }()
}
