import Foundation
import Testing
import TestSupport
@testable import QReportCLI
import Catalog
import Datasets
import Results

/// End-to-end: `qreport build` at smoke scale on real MNIST and Medical MNIST images (the committed subsets,
/// `DataSubsets`, so no mirror is needed), its determinism, its cache, and every way its input can be wrong.
@Suite(.serialized) struct BuildTests {
    let layout = ProjectLayout(root: Fixtures.repositoryRoot)

    func temporaryDirectory(_ label: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qreport-\(label)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// An environment that finds data only where the test says (no cache, no network).
    func environment(mirror: URL?, cache: URL) -> [String: String] {
        var environment = ["HOME": cache.path, "XDG_CACHE_HOME": cache.path, "QREPORT_OFFLINE": "1"]
        if let mirror { environment["QREPORT_MIRROR"] = mirror.path }
        return environment
    }

    /// A smoke build; datasets are looked up in the test registry of the committed subsets unless `datasets` says otherwise.
    func build(paper: String = "hqnn", experiments: [String] = ["quanv"], output: URL, store: URL, dataDirectory: String? = nil,
               environment: [String: String], reproducible: Bool = false,
               datasets: @escaping (String) throws -> DatasetEntry = DataSubsets.entry(named:)) throws -> PaperBuild.Outcome {
        try PaperBuild(paper: Papers.named(paper), scale: .smoke, experimentIDs: experiments, layout: layout, output: output,
                       store: store, dataDirectory: dataDirectory, environment: environment, reproducible: reproducible,
                       datasets: datasets).run()
    }

    @Test func smokeBuildWritesTheReportAndIsReproducible() throws {
        let work = temporaryDirectory("build")
        defer { try? FileManager.default.removeItem(at: work) }
        let env = environment(mirror: nil, cache: work.appendingPathComponent("cache"))
        let subsets = DataSubsets.root.path

        let first = try build(output: work.appendingPathComponent("a"), store: work.appendingPathComponent("a/runs"),
                              dataDirectory: subsets, environment: env, reproducible: true)
        let second = try build(output: work.appendingPathComponent("b"), store: work.appendingPathComponent("b/runs"),
                               dataDirectory: subsets, environment: env, reproducible: true)
        // --reproducible: two trainings of the same runs (different wall and start times) give the same report bytes.
        for name in ["index.html", "hqnn.pdf", "diff.md", "provenance.json", "tables/fig8.csv", "tables/runs.csv"] {
            #expect(try Data(contentsOf: work.appendingPathComponent("a/\(name)")) == Data(contentsOf: work.appendingPathComponent("b/\(name)")),
                    "\(name) differs between two --reproducible builds of the same runs")
        }
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("a/tables/timing.csv").path))

        for name in ["index.html", "hqnn.pdf", "diff.md", "provenance.json", "tables/fig8.csv", "figures/fig8-test-accuracy.svg",
                     "figures/fig8-test-accuracy.png"] {
            #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("a/\(name)").path), "missing \(name)")
        }
        // 3 models x 2 seeds at smoke scale, each a record and a timing file.
        let runsA = try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("a/runs").path).sorted()
        let runsB = try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("b/runs").path).sorted()
        #expect(runsA.count == 12 && runsA == runsB)
        for name in runsA where !name.hasSuffix(".timing.json") {
            let a = try Data(contentsOf: work.appendingPathComponent("a/runs/\(name)"))
            let b = try Data(contentsOf: work.appendingPathComponent("b/runs/\(name)"))
            #expect(a == b, "run record \(name) differs between two builds from empty stores")
        }
        let records = try RunStore(directory: work.appendingPathComponent("a/runs")).allRecords()
        #expect(records.allSatisfy { $0.epochs.count == 2 && $0.datasetFiles.count == 4 })
        // The records say they read the subset, with the subset's md5s, not MNIST's.
        let subsetMD5s = Set(DataSubsets.manifest["mnist"]!.files.values)
        #expect(records.allSatisfy { $0.datasetFiles.allSatisfy { $0.dataset == "mnist-subset" && subsetMD5s.contains($0.md5) } })
        #expect(records.first { $0.identity.model == "hqnn-quanv" }?.parameters.quantum == 4)
        #expect(first.rows.count == second.rows.count && !first.rows.isEmpty)
        // Kernel weights are counted, not assumed: 4 circuit angles, and 4 / 16 conv weights (Fig. 8 text).
        let kernel = first.rows.filter { $0.metric == .kernelParameters }
        #expect(kernel.count == 3 && kernel.allSatisfy { $0.verdict == .consistent })

        // The report says it is not at paper scale.
        let html = try String(contentsOf: work.appendingPathComponent("a/index.html"), encoding: .utf8)
        #expect(html.contains("Reduced scale (smoke)") && html.contains("mnist-subset"))

        // A rebuild with the store filled trains nothing: deleting the data proves it.
        let cached = try build(output: work.appendingPathComponent("a"), store: work.appendingPathComponent("a/runs"),
                               environment: environment(mirror: nil, cache: work.appendingPathComponent("cache")))
        // (Experiments not selected and never run now say "data missing" instead of "no finished runs".)
        let quanv = { (outcome: PaperBuild.Outcome) in outcome.rows.filter { $0.experiment == "quanv" }.map(\.verdict) }
        #expect(!quanv(first).isEmpty && quanv(cached) == quanv(first))
        #expect(cached.rows.filter { $0.experiment == "parallel-mnist" }.allSatisfy { $0.verdict == .notRun("data missing") })
    }

    /// The whole paper at smoke scale (the MNIST and Medical MNIST subsets; no CIFAR-10): every section of the report
    /// is produced, CIFAR-10 is "not run: data missing", and the Fourier run stores its samples.
    @Test func wholePaperSmokeBuildHasEverySection() throws {
        let work = temporaryDirectory("whole")
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("out")
        let outcome = try build(experiments: [], output: output, store: output.appendingPathComponent("runs"),
                                dataDirectory: DataSubsets.root.path,
                                environment: environment(mirror: nil, cache: work.appendingPathComponent("cache")))
        let html = try String(contentsOf: outcome.html, encoding: .utf8)
        for title in ["Summary", "Table 1 —", "Table 1, Fig. 5, section 2.2 — HQNN-Parallel vs CNN on MNIST",
                      "Table 1, Fig. 6(a-b), section 2.2.4", "Table 1, Fig. 6(c-d), section 2.2.4", "Fig. 8, section 2.3",
                      "Fig. 10, appendix A.2", "Fig. 9, appendix A.1", "Circuit diagrams", "Not reproduced in this report", "Inconsistencies in the paper",
                      "Appendix A — Assumptions", "Appendix B — Provenance", "not run: data missing"] {
            #expect(html.contains(title), "the report has no '\(title)'")
        }
        for name in ["tables/table1.csv", "tables/table1-parameters.csv", "tables/claims.csv", "tables/fig10-coefficients.csv",
                     "figures/table1-parallel-mnist-train-loss.svg", "figures/table1-parallel-medical-mnist-test-accuracy.png",
                     "figures/table1-parallel-mnist-confusion-hqnn-parallel.svg", "figures/fig8-test-accuracy.svg",
                     "figures/fig10-fourier-violin.svg", "figures/fig9-singular-values-weights.svg", "tables/fig9-ranks.csv",
                     "tables/fig9-claim.csv", "figures/circuit-hqnn-parallel-pqc.svg", "figures/circuit-hqnn-quanv-kernel.svg"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(name).path), "missing \(name)")
        }
        let claims = try String(contentsOf: output.appendingPathComponent("tables/claims.csv"), encoding: .utf8)
        #expect(claims.contains("8 times fewer parameters") && claims.contains("inconclusive: the published CNN cannot be rebuilt"))
        // A report is sent to others: no folder of the machine that built it (data folder, cache, work folder) in any of its text.
        let diff = try String(contentsOf: outcome.diff, encoding: .utf8)
        for text in [html, claims, diff] {
            #expect(!text.contains(work.path) && !text.contains(DataSubsets.root.path), "a local path in the report")
        }
        let records = try RunStore(directory: output.appendingPathComponent("runs")).allRecords()
        #expect(records.filter { $0.identity.experiment.hasPrefix("parallel-cifar") }.isEmpty)
        #expect(records.filter { $0.identity.experiment == "parallel-medical-mnist" }
            .allSatisfy { $0.datasetFiles.map(\.dataset) == ["medical-mnist-subset", "medical-mnist-subset"] })
        #expect(records.first { $0.identity.experiment == "fourier" }?.fourier?.draws == 10)
        #expect(records.first { $0.identity.experiment == "fig9-rank" }?.jacobianRank?.circuits.map(\.name)
            == ["hqnn-parallel-pqc", "control-double-rotation"])
        let fig9 = try String(contentsOf: output.appendingPathComponent("tables/fig9-claim.csv"), encoding: .utf8)
        #expect(fig9.contains("indicative: consistent: holds"), "\(fig9)")
    }

    /// `--only parallel` selects the three parallel-* experiments (missing data then is "not run", as in a whole-paper
    /// build); an exact id selects itself and makes missing data an error; unknown names keep their error.
    @Test func onlySelectsAnExperimentOrAGroup() throws {
        let paper = HQNNPaper.paper
        let group = try PaperBuild.select(["parallel"], in: paper)
        #expect(group.experiments.map(\.id) == ["parallel-mnist", "parallel-medical-mnist", "parallel-cifar-10"] && group.exact.isEmpty)
        let exact = try PaperBuild.select(["fourier", "quanv"], in: paper)
        #expect(exact.experiments.map(\.id) == ["quanv", "fourier"] && exact.exact == ["quanv", "fourier"])
        #expect(try PaperBuild.select([], in: paper).experiments.count == 6)
        #expect(throws: UserFacingError.self) { try PaperBuild.select(["parallel-m"], in: paper) }
    }

    @Test func unknownPaperOrExperimentIsOneClearError() throws {
        #expect(throws: CatalogError.unknownPaper(name: "hqnnn", known: "hqnn, vision-qrwkv, ae-vqc")) { try Papers.named("hqnnn") }
        let work = temporaryDirectory("unknown")
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("out")
        #expect {
            _ = try build(experiments: ["quanvv"], output: output, store: output.appendingPathComponent("runs"),
                          environment: environment(mirror: nil, cache: work))
        } throws: { error in
            "\(error)" == "paper hqnn has no experiment 'quanvv'; its experiments: parallel-mnist, parallel-medical-mnist, parallel-cifar-10, quanv, fourier, fig9-rank"
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func missingDataNamesTheFileAndMD5AndWritesNothing() throws {
        let work = temporaryDirectory("missing")
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("out")
        #expect {
            _ = try build(output: output, store: output.appendingPathComponent("runs"),
                          environment: environment(mirror: work.appendingPathComponent("empty"), cache: work.appendingPathComponent("cache")),
                          datasets: DatasetRegistry.entry(named:))
        } throws: { error in
            let text = "\(error)"
            return text.contains("train-images-idx3-ubyte") && text.contains("6bbc9ace898e44ae57da46a324031adb") && !text.contains("\n")
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    /// qreport's own registry does not take a subset for the dataset: the first file read fails its md5 check,
    /// naming the full file's md5, and nothing is written.
    @Test func theRegistryRefusesTheSubsets() throws {
        let work = temporaryDirectory("subset")
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("out")
        #expect {
            _ = try build(output: output, store: output.appendingPathComponent("runs"), dataDirectory: DataSubsets.root.path,
                          environment: environment(mirror: nil, cache: work.appendingPathComponent("cache")),
                          datasets: DatasetRegistry.entry(named:))
        } throws: { error in
            let text = "\(error)"
            return text.contains("train-images-idx3-ubyte.gz") && text.contains("6bbc9ace898e44ae57da46a324031adb")
                && text.contains(DataSubsets.manifest["mnist"]!.files["train-images"]!) && !text.contains("\n")
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    /// A data folder with the MNIST subset except one file replaced by `damage`.
    func damagedDataDirectory(_ work: URL, file: String, damage: (Data) -> Data) throws -> URL {
        let data = work.appendingPathComponent("data/mnist")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        for name in ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"] {
            let original = try Data(contentsOf: DataSubsets.root.appendingPathComponent("mnist/\(name)"))
            try (name == file ? damage(original) : original).write(to: data.appendingPathComponent(name))
        }
        return work.appendingPathComponent("data")
    }

    @Test func truncatedGzipIsOneClearError() throws {
        let work = temporaryDirectory("truncated")
        defer { try? FileManager.default.removeItem(at: work) }
        let data = try damagedDataDirectory(work, file: "t10k-labels-idx1-ubyte.gz") { $0.prefix($0.count / 2) }
        let output = work.appendingPathComponent("out")
        #expect {
            _ = try build(output: output, store: output.appendingPathComponent("runs"), dataDirectory: data.path,
                          environment: environment(mirror: nil, cache: work.appendingPathComponent("cache")))
        } throws: { error in
            "\(error)".contains("t10k-labels-idx1-ubyte.gz") && !"\(error)".contains("\n")
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func wrongIDXMagicIsOneClearError() throws {
        let work = temporaryDirectory("magic")
        defer { try? FileManager.default.removeItem(at: work) }
        // A well-formed gzip whose content starts with a wrong magic number: the md5 check catches it
        // first (the registry knows the content), which names the file and both md5s.
        let data = try damagedDataDirectory(work, file: "t10k-labels-idx1-ubyte.gz") { _ in
            GzipFixture.gzip(Data([0x00, 0x00, 0x0D, 0x01, 0, 0, 0, 1, 7]))
        }
        let output = work.appendingPathComponent("out")
        #expect {
            _ = try build(output: output, store: output.appendingPathComponent("runs"), dataDirectory: data.path,
                          environment: environment(mirror: nil, cache: work.appendingPathComponent("cache")))
        } throws: { error in
            "\(error)".contains("t10k-labels-idx1-ubyte.gz") && "\(error)".contains(DataSubsets.manifest["mnist"]!.files["test-labels"]!)
                && !"\(error)".contains("\n")
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
