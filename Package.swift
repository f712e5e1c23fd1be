// swift-tools-version:6.1
import PackageDescription

/// Hot numeric kernels are compiled optimised even in debug builds (`swift test`), for AVX2 + FMA:
/// without this, Swift's default SSE2 code generation and -Onone make them 10-900x slower.
let kernelFlags: [SwiftSetting] = [.unsafeFlags(["-O", "-target-cpu", "haswell"])]

let package = Package(
    name: "qreport",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "qreport", targets: ["qreport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        // System libraries (module map + pkg-config). Not `CZlib`: ZIPFoundation owns that name.
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CPango", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev"])]),
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CZlibSys", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CJPEG", pkgConfig: "libturbojpeg", providers: [.apt(["libturbojpeg0-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),

        // Computing
        .target(name: "Autograd", dependencies: ["CBLAS"], swiftSettings: kernelFlags),
        .target(name: "NeuralNets", dependencies: ["Autograd"], swiftSettings: kernelFlags),
        .target(name: "QuantumSim", swiftSettings: kernelFlags),
        .target(name: "Models", dependencies: ["Autograd", "NeuralNets", "QuantumSim"], swiftSettings: kernelFlags),
        .target(name: "Datasets", dependencies: ["CZlibSys", "CJPEG", "CPNG"], swiftSettings: kernelFlags),

        // Describing, recording, running
        .target(name: "Catalog"),
        .target(name: "Results"),
        .target(name: "Training", dependencies: ["Catalog", "Results", "Models", "Datasets", "NeuralNets", "QuantumSim"]),
        // Planning runs for a cluster, per-run locks in a shared store, Slurm scripts
        .target(name: "Cluster", dependencies: ["Catalog", "Results"]),

        // Rendering (never imports computing modules)
        .target(name: "Charts", dependencies: ["CCairo", "CPango"]),
        .target(name: "Reports", dependencies: [
            "Catalog", "Results", "Charts",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),

        // Command line
        .target(name: "QReportCLI", dependencies: [
            "Training", "Reports", "Datasets", "Catalog", "Results", "Cluster", "QuantumSim", "Charts", "Autograd",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "qreport", dependencies: ["QReportCLI"]),

        // Benchmarks (release builds; see Benchmarks/README.md)
        .target(name: "BenchSupport", dependencies: ["Autograd", "NeuralNets"], path: "Benchmarks/BenchSupport"),
        .executableTarget(name: "engine-bench", dependencies: ["Autograd", "NeuralNets", "Datasets", "CBLAS", "BenchSupport"],
                          path: "Benchmarks/EngineBench", swiftSettings: kernelFlags),
        .executableTarget(name: "hqnn-bench", dependencies: ["Models", "NeuralNets", "Autograd", "Datasets", "BenchSupport"],
                          path: "Benchmarks/HQNNBench", swiftSettings: kernelFlags),
        .executableTarget(name: "quantum-bench", dependencies: ["QuantumSim"],
                          path: "Benchmarks/QuantumBench", swiftSettings: kernelFlags),
        .executableTarget(name: "decode-bench", dependencies: ["Datasets"],
                          path: "Benchmarks/DecodeBench", swiftSettings: kernelFlags),
        .executableTarget(name: "qrwkv-bench", dependencies: ["Models", "NeuralNets", "Autograd", "BenchSupport"],
                          path: "Benchmarks/QRWKVBench", swiftSettings: kernelFlags),
        .executableTarget(name: "aevqc-bench", dependencies: ["Models", "NeuralNets", "QuantumSim", "Autograd", "BenchSupport"],
                          path: "Benchmarks/AEVQCBench", swiftSettings: kernelFlags),

        // Tests: one target per module, sharing tolerances and fixture lookup.
        .target(name: "TestSupport", dependencies: ["Datasets"], path: "Tests/TestSupport"),
        .testTarget(name: "AutogradTests", dependencies: ["Autograd", "TestSupport"]),
        .testTarget(name: "NeuralNetsTests", dependencies: ["NeuralNets", "Autograd", "TestSupport"]),
        .testTarget(name: "QuantumSimTests", dependencies: ["QuantumSim", "TestSupport"]),
        .testTarget(name: "ModelsTests", dependencies: ["Models", "NeuralNets", "Autograd", "QuantumSim", "TestSupport"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "TestSupport"]),
        .testTarget(name: "CatalogTests", dependencies: ["Catalog", "TestSupport"]),
        .testTarget(name: "ResultsTests", dependencies: ["Results", "TestSupport"]),
        .testTarget(name: "TrainingTests", dependencies: ["Training", "Catalog", "Results", "Datasets", "TestSupport"]),
        .testTarget(name: "ClusterTests", dependencies: ["Cluster", "Results", "TestSupport"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Catalog", "Results", "TestSupport"]),
        .testTarget(name: "QReportCLITests", dependencies: ["QReportCLI", "QuantumSim", "Catalog", "TestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
