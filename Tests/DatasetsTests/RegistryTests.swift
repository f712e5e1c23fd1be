import Datasets
import Foundation
import Testing

@Suite struct RegistryTests {
    /// The MNIST facts the registry must carry: torchvision's md5s of the decompressed IDX files
    /// (also listed in ../shared/data/README.md), its S3 mirror, 60,000 / 10,000 samples.
    @Test func mnistEntry() throws {
        let mnist = try DatasetRegistry.entry(named: "mnist")
        #expect(mnist == DatasetRegistry.mnist)
        #expect(try DatasetRegistry.entry(named: "MNIST").name == "mnist")
        #expect(mnist.directory == "mnist")
        #expect(mnist.classNames == ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"])
        #expect(mnist.channels == 1 && mnist.height == 28 && mnist.width == 28)
        #expect(try mnist.split(.train).count == 60000)
        #expect(try mnist.split(.test).count == 10000)
        let trainImages = try mnist.file(named: "train-images")
        #expect(trainImages.acceptedNames == ["train-images-idx3-ubyte.gz", "train-images-idx3-ubyte"])
        #expect(trainImages.md5 == "6bbc9ace898e44ae57da46a324031adb")
        #expect(trainImages.url?.absoluteString == "https://ossci-datasets.s3.amazonaws.com/mnist/train-images-idx3-ubyte.gz")
        #expect(trainImages.md5IsOfDecompressedContent)
        let md5s = try ["train-labels", "test-images", "test-labels"].map { try mnist.file(named: $0).md5 }
        #expect(md5s == ["a25bea736e30d166cdddb491f175f624", "2646ac647ad5339dbf082846283269ea", "27ae3e4e09519cfbb04c329615203637"])
        for split in mnist.splits {
            for name in split.fileNames { #expect(mnist.files.contains { $0.name == name }) }
        }
        #expect(mnist.citation.contains("Gradient-based learning"))
        #expect(!mnist.licence.isEmpty)
    }

    @Test func unknownNamesListTheKnownOnes() throws {
        let error = try #require(throws: DatasetError.self) { try DatasetRegistry.entry(named: "cifar-100") }
        #expect(error == .unknownDataset(name: "cifar-100", known: DatasetRegistry.all.map(\.name)))
        #expect(error.description.hasPrefix("unknown dataset \"cifar-100\": expected one of mnist, fashion-mnist, pathmnist, "))

        let split = try #require(throws: DatasetError.self) { try DatasetRegistry.mnist.split(.validation) }
        #expect(split.description == "mnist: unknown split \"validation\": expected one of train, test")
        let file = try #require(throws: DatasetError.self) { try DatasetRegistry.mnist.file(named: "val-images") }
        #expect(file.description.hasPrefix("mnist: unknown file \"val-images\""))
    }
}
