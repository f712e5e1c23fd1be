import Foundation
import Testing
import TestSupport
@testable import QReportCLI
import Catalog
import Datasets
import Results

/// `qreport build --paper vision-qrwkv --scale smoke` on real images (the committed MNIST and MedMNIST subsets,
/// `DataSubsets`; Fashion-MNIST from the Debian package where installed): every section of the report, the datasets
/// present run and the others "not run: data missing", parameter counts of the real models, under 3 minutes; and
/// `--variant`, which build and diff resolve the same way.
@Suite(.serialized) struct VisionQRWKVSmokeTests {
    let layout = ProjectLayout(root: Fixtures.repositoryRoot)

    @Test func smokeBuildHasEverySection() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("qreport-qrwkv-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("out")
        let environment = DataSubsets.isolatedEnvironment(home: work)
        let data = DataSubsets.root.path, datasets = DataSubsets.entry(named:)
        let started = Date()
        let outcome = try PaperBuild(paper: VisionQRWKVPaper.paper, scale: .smoke, experimentIDs: [], layout: layout, output: output,
                                     store: output.appendingPathComponent("runs"), dataDirectory: data, environment: environment,
                                     datasets: datasets).run()
        let seconds = Date().timeIntervalSince(started)
        #expect(seconds < 180, "the smoke build took \(Int(seconds)) s; CI allows 3 minutes")

        let html = try String(contentsOf: outcome.html, encoding: .utf8)
        for title in ["Summary", "Table 1 — Classical RWKV vs Quantum RWKV on 14 datasets", "Claim check — ",
                      "Table 1 — Classical vs quantum RWKV on MNIST at 8x8", "chestmnist: the authors' protocol vs a correct multi-label protocol",
                      "Circuit diagrams", "Inconsistencies in the paper", "Appendix A — Assumptions", "Appendix B — Provenance",
                      "not run: data missing", "Reduced scale (smoke)", "What the evidence supports"] {
            #expect(html.contains(title.replacingOccurrences(of: "'", with: "&#39;")) || html.contains(title), "the report has no '\(title)'")
        }
        for name in ["vision-qrwkv.pdf", "diff.md", "provenance.json", "tables/table1.csv", "tables/table1-quantum-rwkv-better.csv",
                     "tables/table1-claim-count.csv", "tables/table1-per-seed.csv", "tables/table1-parameters.csv", "tables/table1-tensors.csv",
                     "tables/chestmnist-protocols.csv", "tables/claims.csv", "tables/inconsistencies.csv", "tables/assumptions.csv",
                     "figures/table1-difference.svg", "figures/table1-difference-vs-published.png", "figures/table1-mnist-train-loss.svg",
                     "figures/table1-mnist-test-accuracy.png", "figures/table1-mnist-confusion-quantum-rwkv.svg",
                     "figures/table1-retinamnist-confusion-classical-rwkv.png",
                     "figures/circuit-vision-qrwkv-vqc.svg", "figures/circuit-vision-qrwkv-vqc-paper-text.svg",
                     "figures/circuit-vision-qrwkv-vqc-layer-1.svg"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(name).path), "missing \(name)")
        }
        let pdf = try Data(contentsOf: outcome.pdf)
        #expect(pdf.starts(with: Data("%PDF".utf8)))

        // The subsets' datasets run; BloodMNIST (absent) is not run, with the fetch instruction.
        let table1 = try String(contentsOf: output.appendingPathComponent("tables/table1.csv"), encoding: .utf8)
        let lines = table1.components(separatedBy: "\r\n")
        for dataset in ["mnist", "pneumoniamnist", "breastmnist", "retinamnist"] {
            let line = try #require(lines.first { $0.hasPrefix(dataset + ",") })
            #expect(line.contains("(n = 1)") && line.contains("indicative:"), "\(dataset) did not run: \(line)")
        }
        #expect(lines.first { $0.hasPrefix("bloodmnist,") }?.contains("not run: data missing") == true)
        #expect(html.contains("bloodmnist.npz") && html.contains("zenodo.org"))

        // Parameter counts of the real models (the authors' code: 108,800 and 119,040 + 16 on MNIST).
        let records = try RunStore(directory: output.appendingPathComponent("runs")).allRecords()
        let mnist = records.filter { $0.identity.experiment == "mnist" }
        let classical = try #require(mnist.first { $0.identity.model == "classical-rwkv" }?.parameters)
        let quantum = try #require(mnist.first { $0.identity.model == "quantum-rwkv" }?.parameters)
        #expect(classical.classical == 108_800 && classical.quantum == 0)
        #expect(quantum.classical == 119_040 && quantum.quantum == 16)
        let parameters = try String(contentsOf: output.appendingPathComponent("tables/table1-parameters.csv"), encoding: .utf8)
        #expect(parameters.contains("mnist,Quantum RWKV,\"119,040\",16,\"119,056\",\"119,056\",matches"))

        let diff = try String(contentsOf: outcome.diff, encoding: .utf8)
        #expect(diff.contains("## Claim: \"The QuantumRWKV model outperforms the classical variant on 8 out of 14 datasets\""))

        // --no-train renders the same tables from the store, and trains nothing with an empty one.
        let again = work.appendingPathComponent("again")
        _ = try PaperBuild(paper: VisionQRWKVPaper.paper, scale: .smoke, experimentIDs: [], layout: layout, output: again,
                           store: output.appendingPathComponent("runs"), dataDirectory: data, environment: environment, renderOnly: true,
                           datasets: datasets).run()
        #expect(try String(contentsOf: again.appendingPathComponent("tables/table1.csv"), encoding: .utf8) == table1)
        let empty = work.appendingPathComponent("empty")
        _ = try PaperBuild(paper: VisionQRWKVPaper.paper, scale: .smoke, experimentIDs: ["mnist"], layout: layout, output: empty,
                           store: empty.appendingPathComponent("runs"), dataDirectory: data, environment: environment, renderOnly: true,
                           datasets: datasets).run()
        let emptyTable = try String(contentsOf: empty.appendingPathComponent("tables/table1.csv"), encoding: .utf8)
        #expect(emptyTable.components(separatedBy: "\r\n").first { $0.hasPrefix("mnist,") }?.contains("not run: no finished runs") == true)
        #expect(try RunStore(directory: empty.appendingPathComponent("runs")).allRecords().isEmpty)

        // `qreport diff` shows an experiment with nothing stored the same way: its data is looked up locally.
        let paper = VisionQRWKVPaper.paper, emptyStore = RunStore(directory: empty.appendingPathComponent("runs"))
        let locator = PaperBuild.localLocator(dataDirectory: data, environment: environment)
        let blood = try #require(paper.experiments.first { $0.id == "bloodmnist" })
        let mnistExperiment = try #require(paper.experiments.first { $0.id == "mnist" })
        #expect(try PaperBuild.shownFromStore(paper: paper, experiment: blood, scale: .smoke, store: emptyStore, localLocator: locator,
                                              datasets: datasets).missingData?.contains("bloodmnist.npz") == true)
        #expect(try PaperBuild.shownFromStore(paper: paper, experiment: mnistExperiment, scale: .smoke, store: emptyStore, localLocator: locator,
                                              datasets: datasets).missingData == nil)
    }

    /// `--variant` is parsed once (PaperOptions) for build and diff: the paper-text experiments and their own folder.
    @Test func variantResolvesTheSameForBuildAndDiff() throws {
        let options = try PaperOptions.parse(["--paper", "vision-qrwkv", "--variant", "paper-text", "--scale", "smoke"])
        #expect(options.outputDirectory(layout: layout).lastPathComponent == "vision-qrwkv-paper-text-smoke")
        #expect(options.storeDirectory(layout: layout).path.hasSuffix("reports/vision-qrwkv-paper-text-smoke/runs"))
        #expect(try options.resolvePaper().experiments == VisionQRWKVPaper.paperTextExperiments)
        #expect(try PaperOptions.parse(["--paper", "vision-qrwkv"]).resolvePaper().experiments == VisionQRWKVPaper.paper.experiments)
        #expect(try PaperOptions.parse(["--paper", "vision-qrwkv"]).outputDirectory(layout: layout).lastPathComponent == "vision-qrwkv")

        let diff = try DiffCommand.parse(["--paper", "vision-qrwkv", "--variant", "paper-text"])
        #expect(diff.options.variant == "paper-text")
        #expect(throws: UserFacingError.self) { try DiffCommand.parse(["--paper", "vision-qrwkv", "--variant", "papertext"]).options.resolvePaper() }
        #expect {
            try PaperOptions.parse(["--paper", "hqnn", "--variant", "paper-text"]).resolvePaper()
        } throws: { error in
            "\(error)" == "paper hqnn has no variants; --variant applies to vision-qrwkv (paper-text)"
        }
        #expect {
            try PaperOptions.parse(["--paper", "vision-qrwkv", "--variant", "text"]).resolvePaper()
        } throws: { error in
            "\(error)" == "paper vision-qrwkv has no variant 'text'; its variants: paper-text"
        }
    }
}
