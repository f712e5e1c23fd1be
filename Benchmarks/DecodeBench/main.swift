// Decode-speed measurement for the Datasets module (issue 5): all 60,000 MNIST training images
// from their .gz, and all 58,954 Medical MNIST JPEGs from their .tar.gz. Release build only; see
// Benchmarks/README.md.
//
//     swift build -c release --product decode-bench
//     .build/release/decode-bench [DATA_ROOT] [RUNS]
//
// DATA_ROOT (default $QREPORT_MIRROR, else ../shared/data) holds mnist/ and medical-mnist/ as the
// qreport data mirror lays them out. Each figure is the median wall time of RUNS (default 3).
import Datasets
import Foundation

let arguments = CommandLine.arguments
let root = URL(fileURLWithPath: arguments.count > 1 ? arguments[1]
    : ProcessInfo.processInfo.environment["QREPORT_MIRROR"] ?? "../shared/data")
let runs = arguments.count > 2 ? max(Int(arguments[2]) ?? 3, 1) : 3

/// Median wall time of `runs` calls of `body`, in seconds, and the last result.
func measure<T>(_ body: () throws -> T) rethrows -> (seconds: Double, result: T) {
    var times: [Double] = []
    var result: T?
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        result = try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return (times.sorted()[times.count / 2], result!)
}

func report(_ what: String, _ seconds: Double, _ detail: String) {
    print(what.padding(toLength: 64, withPad: " ", startingAt: 0) + String(format: "%7.3f s  ", seconds) + "(\(detail))")
}

do {
    // MNIST: read the .gz, gunzip (system zlib), parse the IDX header and copy out the pixels.
    let mnist = root.appendingPathComponent("mnist/train-images-idx3-ubyte.gz")
    let idx = try measure { () throws -> IDXArray in
        let compressed = try Data(contentsOf: mnist)
        return try IDX.decode(try Gzip.decompress(compressed, file: mnist.path), file: mnist.path)
    }
    report("MNIST train images: read .gz, gunzip, IDX decode", idx.seconds, "\(idx.result.dimensions.map(String.init).joined(separator: " x ")), limit 0.5 s")
    let locator = DataLocator(dataDirectory: root.path, environment: [:], allowDownloads: false)
    let mnistSplit = try measure { try ImageSetLoader.load(entry: DatasetRegistry.mnist, split: .train, locator: locator) }
    report("MNIST train split via ImageSetLoader (incl. md5 of both files)", mnistSplit.seconds, "\(mnistSplit.result.images.count) images")

    // Medical MNIST: gunzip the archive, index the tar, decode every JPEG as greyscale.
    let medical = root.appendingPathComponent("medical-mnist/medical-mnist-64.tar.gz")
    let jpegs = try measure { () throws -> (Int, Int) in
        let tar = try TarArchive(data: try Gzip.decompress(try Data(contentsOf: medical), file: medical.path), file: medical.path)
        let decoder = try JPEG.Decoder()
        var count = 0, sum = 0
        for member in tar.members where member.name.hasSuffix(".jpeg") {
            let image = try decoder.decode(tar.content(of: member), channels: 1, file: member.name)
            count += 1
            sum &+= Int(image.pixels[image.pixels.count / 2])
        }
        return (count, sum)
    }
    report("Medical MNIST: gunzip, untar, decode every JPEG", jpegs.seconds, "\(jpegs.result.0) images, limit 30 s")
    let medicalSplits = try measure { () throws -> Int in
        try ImageSetLoader.load(entry: DatasetRegistry.medicalMNIST, split: .train, locator: locator).images.count
            + ImageSetLoader.load(entry: DatasetRegistry.medicalMNIST, split: .test, locator: locator).images.count
    }
    report("Medical MNIST train + test via ImageSetLoader (incl. md5)", medicalSplits.seconds, "\(medicalSplits.result) images")
} catch {
    FileHandle.standardError.write(Data("decode-bench: \(error)\n".utf8))
    exit(1)
}
