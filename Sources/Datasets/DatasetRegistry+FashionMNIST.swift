import Foundation

extension DatasetRegistry {
    /// Fashion-MNIST (Zalando): 28x28 greyscale clothing images, 60,000 train / 10,000 test, in
    /// MNIST's IDX layout. The md5s are of the decompressed canonical files (as torchvision lists
    /// them), so Debian's re-gzipped copies in `/usr/share/datasets/fashion-mnist` (package
    /// `dataset-fashion-mnist`) verify too; that folder is searched after the data roots.
    public static let fashionMNIST: DatasetEntry = {
        let base = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"
        func file(_ name: String, _ stem: String, _ md5: String, _ size: Int) -> DatasetFile {
            DatasetFile(name: name, acceptedNames: [stem + ".gz", stem], md5: md5, url: URL(string: base + stem + ".gz"),
                        contentSize: size)
        }
        return DatasetEntry(
            name: "fashion-mnist",
            title: "Fashion-MNIST",
            directory: "fashion-mnist",
            files: [
                file("train-images", "train-images-idx3-ubyte", "f4a8712d7a061bf5bd6d2ca38dc4d50a", 47_040_016),
                file("train-labels", "train-labels-idx1-ubyte", "9018921c3c673c538a1fc5bad174d6f9", 60_008),
                file("test-images", "t10k-images-idx3-ubyte", "8181f5470baa50b63fa0f6fddb340f0a", 7_840_016),
                file("test-labels", "t10k-labels-idx1-ubyte", "15d484375f8d13e6eb1aabb0c3f46965", 10_008),
            ],
            classNames: [
                "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
            ],
            channels: 1, height: 28, width: 28,
            splits: [
                DatasetSplit(kind: .train, count: 60000, source: .idx(images: "train-images", labels: "train-labels")),
                DatasetSplit(kind: .test, count: 10000, source: .idx(images: "test-images", labels: "test-labels")),
            ],
            licence: "MIT (Zalando SE)",
            citation: "H. Xiao, K. Rasul, R. Vollgraf. Fashion-MNIST: a Novel Image Dataset for Benchmarking "
                + "Machine Learning Algorithms. arXiv:1708.07747, 2017.",
            homepage: URL(string: "https://github.com/zalandoresearch/fashion-mnist"),
            systemDirectories: ["/usr/share/datasets/fashion-mnist"])
    }()
}
