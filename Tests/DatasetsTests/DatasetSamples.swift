import Foundation
import TestSupport

/// `fixtures/datasets/samples.json`, written by `fixtures/generators/dataset_samples.py` with numpy.
struct DatasetSamples: Decodable {
    struct NPZSample: Decodable {
        struct Split: Decodable {
            let shape: [Int]
            let labels: [Int]
            let pixelMD5: String
            let pixelSum: Int
        }
        let md5: String
        let splits: [String: Split]
    }
    struct ChestLike: Decodable {
        let md5: String
        let flags: [Int]
        let firstPositive: [Int]
        let pixelMD5: String
    }
    struct DType: Decodable {
        let shape: [Int]
        let values: [Double]
    }
    struct TarSample: Decodable {
        struct Member: Decodable {
            let name: String
            let size: Int
            let md5: String
        }
        let members: [Member]
    }
    struct CIFARSample: Decodable {
        let md5: String
        let labels: [Int]
        let pixelMD5: String
    }

    let breast: NPZSample
    let retina: NPZSample
    let chestLike: ChestLike
    let dtypes: [String: DType]
    let medicalMNIST: TarSample
    let cifar: CIFARSample

    enum CodingKeys: String, CodingKey {
        case breast = "breastmnist-sample", retina = "retinamnist-sample", chestLike = "chest-like-sample", dtypes
        case medicalMNIST = "medical-mnist-sample", cifar = "cifar-sample"
    }

    static func load() throws -> DatasetSamples {
        try Fixtures.json(DatasetSamples.self, "datasets/samples.json")
    }

    static func bytes(_ name: String) throws -> Data {
        try Data(contentsOf: Fixtures.url("datasets/samples/" + name))
    }
}
