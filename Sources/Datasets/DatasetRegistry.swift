import Foundation

/// Every dataset qreport knows, with its files, md5s, splits and licence.
public enum DatasetRegistry {
    /// MNIST handwritten digits (LeCun et al. 1998): 28x28 greyscale, 60,000 train / 10,000 test.
    /// The md5s are those of the decompressed canonical IDX files (as torchvision lists them), so
    /// re-gzip'd copies verify too; the URLs are torchvision's mirror of the original files.
    public static let mnist: DatasetEntry = {
        let base = "https://ossci-datasets.s3.amazonaws.com/mnist/"
        func file(_ name: String, _ stem: String, _ md5: String, _ size: Int) -> DatasetFile {
            DatasetFile(name: name, acceptedNames: [stem + ".gz", stem], md5: md5, url: URL(string: base + stem + ".gz"),
                        contentSize: size)
        }
        return DatasetEntry(
            name: "mnist",
            title: "MNIST handwritten digits",
            directory: "mnist",
            files: [
                file("train-images", "train-images-idx3-ubyte", "6bbc9ace898e44ae57da46a324031adb", 47_040_016),
                file("train-labels", "train-labels-idx1-ubyte", "a25bea736e30d166cdddb491f175f624", 60_008),
                file("test-images", "t10k-images-idx3-ubyte", "2646ac647ad5339dbf082846283269ea", 7_840_016),
                file("test-labels", "t10k-labels-idx1-ubyte", "27ae3e4e09519cfbb04c329615203637", 10_008),
            ],
            classNames: (0...9).map(String.init),
            channels: 1, height: 28, width: 28,
            splits: [
                DatasetSplit(kind: .train, count: 60000, source: .idx(images: "train-images", labels: "train-labels")),
                DatasetSplit(kind: .test, count: 10000, source: .idx(images: "test-images", labels: "test-labels")),
            ],
            licence: "No licence stated by the authors (Y. LeCun, C. Cortes, C. J. C. Burges); "
                + "freely redistributed for research, commonly cited as CC BY-SA 3.0",
            citation: "Y. LeCun, L. Bottou, Y. Bengio, P. Haffner. Gradient-based learning applied to document "
                + "recognition. Proceedings of the IEEE 86(11):2278-2324, 1998.",
            homepage: URL(string: "http://yann.lecun.com/exdb/mnist/"))
    }()

    /// All registered datasets: those of Vision-QRWKV (MNIST, FashionMNIST, the 12 MedMNIST 2D
    /// sets), HQNN (MNIST, Medical MNIST, CIFAR-10) and AE-VQC (Croatian Fish, FGVC-Aircraft's
    /// Boeing 737 variants, BUSI, Apples-or-Tomatoes).
    public static let all: [DatasetEntry] =
        [mnist, fashionMNIST] + medMNIST + [medicalMNIST, cifar10, croatianFish, fgvcAircraft, busi, applesOrTomatoes]

    /// Earlier spellings of dataset ids, still accepted on the command line: the ids are now those of
    /// the published tables (`fixtures/published/*.csv`, column `dataset`).
    public static let aliases: [String: String] = [
        "fashionmnist": "fashion-mnist", "medicalmnist": "medical-mnist", "cifar10": "cifar-10",
        "croatianfish": "croatian-fish", "aircraft737": "fgvc-aircraft", "applesortomatoes": "apples-or-tomatoes",
    ]

    /// The dataset registered under `name` or one of its `aliases` (case-insensitive).
    /// - Throws: `DatasetError.unknownDataset` listing the known names.
    public static func entry(named name: String) throws -> DatasetEntry {
        let key = name.lowercased()
        let id = aliases[key] ?? key
        guard let entry = all.first(where: { $0.name == id }) else {
            throw DatasetError.unknownDataset(name: name, known: all.map(\.name))
        }
        return entry
    }
}
