import Foundation
import Testing
import TestSupport
@testable import QReportCLI
import Catalog
import Datasets
import Results

/// `qreport build --paper ae-vqc --scale smoke` end to end on images this test makes: none of the paper's four
/// datasets is on this machine (and the 24-image BUSI sample is for loader tests only), so the BUSI experiment's
/// four models (ResNet-18, ResNet-18_q, MaxViT-T, MaxViT-T_q; 3 classes, 224 x 224) train one epoch on a synthetic
/// 3-class set under its own name: the records, the report and its tables say "synthetic", never BUSI.
@Suite(.serialized) struct AEVQCSmokeTests {
    let layout = ProjectLayout(root: Fixtures.repositoryRoot)
    static let datasetName = "synthetic-3-class"
    static let classes = ["stripes", "rings", "noise"]

    /// A zip of 48 training and 24 test PNGs (48 x 40 RGB, resized to 224 x 224 on loading) in `train/<class>/` and
    /// `test/<class>/`: horizontal stripes, rings, or noise, each with its own colour and seeded jitter.
    static func archive() -> Data {
        var generator = SplitMix64(seed: 13)
        var members: [ArchiveFixture.ZipMember] = []
        let width = 48, height = 40
        for split in ["train", "test"] {
            for (label, name) in classes.enumerated() {
                for index in 0..<(split == "train" ? 16 : 8) {
                    var pixels = [UInt8](repeating: 0, count: width * height * 3)
                    for y in 0..<height {
                        for x in 0..<width {
                            let jitter = Int(generator.next() % 48)
                            let dx = Double(x - width / 2), dy = Double(y - height / 2)
                            let on: Bool
                            switch label {
                            case 0: on = (y / 4) % 2 == 0
                            case 1: on = Int((dx * dx + dy * dy).squareRoot() / 4) % 2 == 0
                            default: on = generator.next() % 2 == 0
                            }
                            let base = on ? 180 : 40
                            for c in 0..<3 {
                                let tint = c == label ? 60 : 0
                                pixels[(y * width + x) * 3 + c] = UInt8(min(255, base + tint + jitter))
                            }
                        }
                    }
                    members.append(ArchiveFixture.ZipMember(name: "\(split)/\(name)/\(name)-\(index).png",
                                                            content: PNGFixture.rgb(width: width, height: height, pixels: pixels)))
                }
            }
        }
        return ArchiveFixture.zip(members)
    }

    /// The registry entry of the synthetic set, pinned by the archive's md5, prepared as the paper's datasets are.
    static func entry(md5: String) -> DatasetEntry {
        DatasetEntry(
            name: datasetName, title: "Synthetic 3-class images (made by AEVQCSmokeTests, not a real dataset)",
            directory: datasetName,
            files: [DatasetFile(name: "archive", acceptedNames: ["synthetic.zip"], md5: md5, url: nil,
                                manualStep: "made by the test")],
            classNames: classes, channels: 3, height: 224, width: 224,
            splits: [
                DatasetSplit(kind: .train, count: 48, source: .archivedImageFolders(file: "archive", root: "train", selection: .all)),
                DatasetSplit(kind: .test, count: 24, source: .archivedImageFolders(file: "archive", root: "test", selection: .all)),
            ],
            licence: "made by the test", citation: "-", homepage: nil, preparation: DatasetRegistry.busi.preparation)
    }

    /// The paper with its BUSI experiment moved onto the synthetic set: same models and protocol, under the synthetic
    /// set's name (so no published BUSI number is set beside a synthetic one). The smoke scale is cut to 8 training
    /// images in batches of 4 and 4 test images: a MaxViT-T step on the catalog's 32 images at 224 x 224 holds ~16 GB,
    /// too much beside the other tests running in parallel on a 24 GB machine.
    static func paper() throws -> Paper {
        var paper = AEVQCPaper.paper
        var experiment = try paper.experiment("busi")
        experiment.scales = experiment.scales.map { scale in
            scale.scale == .smoke ? ScaleProtocol(scale: .smoke, trainCount: 8, testCount: 4, epochs: 1, seeds: [0]) : scale
        }
        experiment.training.batchSize = 4
        experiment.id = datasetName
        experiment.title = "ResNet-18 and MaxViT-T, classical vs AE-VQC head, on synthetic test images"
        experiment.dataset = datasetName
        experiment.comparisons = experiment.comparisons.map { var c = $0; c.dataset = datasetName; return c }
        experiment.claims = []
        paper.experiments = [experiment]
        return paper
    }

    @Test func smokeBuildTrainsEveryModelOnSyntheticImages() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("qreport-aevqc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let data = work.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data.appendingPathComponent(Self.datasetName), withIntermediateDirectories: true)
        let zip = Self.archive()
        try zip.write(to: data.appendingPathComponent("\(Self.datasetName)/synthetic.zip"))
        let entry = Self.entry(md5: MD5.hex(zip))
        let output = work.appendingPathComponent("out")
        let outcome = try PaperBuild(paper: Self.paper(), scale: .smoke, experimentIDs: [], layout: layout, output: output,
                                     store: output.appendingPathComponent("runs"), dataDirectory: data.path,
                                     environment: DataSubsets.isolatedEnvironment(home: work), reproducible: true,
                                     datasets: { name in
                                         guard name == Self.datasetName else { throw DatasetError.unknownDataset(name: name, known: [Self.datasetName]) }
                                         return entry
                                     }).run()

        // One record per model (smoke: seed 0, 1 epoch, 8 training and 4 test images), read from the synthetic set.
        let records = try RunStore(directory: output.appendingPathComponent("runs")).allRecords()
        let models = Set(try AEVQCPaper.paper.experiment("busi").models.map(\.id))
        #expect(Set(records.map(\.identity.model)) == models)
        for record in records {
            #expect(record.epochs.count == 1 && record.confusion.classNames.count == 3, "\(record.identity.model)")
            #expect(record.datasetFiles.allSatisfy { $0.dataset == Self.datasetName && $0.md5 == entry.files[0].md5 })
            #expect(record.epochs.allSatisfy { $0.trainLoss.isFinite && $0.testLoss.isFinite })
            let head = record.parameters.byTensor.filter { $0.name.hasPrefix("head.") }.reduce(0) { $0 + $1.count }
            let spec = try #require(AEVQCPaper.busi.model(record.identity.model))
            let architecture = try #require(AEVQCPaper.architecture(of: spec))
            #expect(head == architecture.headParameters(classes: 3), "\(record.identity.model): Params* \(head)")
        }

        // The report: every section, the synthetic set named, reduced scale said, no BUSI file asked for.
        let html = try String(contentsOf: outcome.html, encoding: .utf8)
        for text in ["Summary", "How the verdicts are reached", "Architecture checks", "on synthetic test images", "Circuit diagrams",
                     "Inconsistencies in the paper", "Appendix A — Assumptions", "Appendix B — Provenance", "Reduced scale (smoke)",
                     Self.datasetName] {
            #expect(html.contains(text), "the report has no '\(text)'")
        }
        #expect(!html.contains("Dataset_BUSI.zip"))
        #expect(try Data(contentsOf: outcome.pdf).starts(with: Data("%PDF".utf8)))
        let runs = try String(contentsOf: output.appendingPathComponent("tables/runs.csv"), encoding: .utf8)
        #expect(runs.contains(Self.datasetName) && !runs.lowercased().contains("busi"))
    }
}
