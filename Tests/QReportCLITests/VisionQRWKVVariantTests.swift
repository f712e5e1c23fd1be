import Foundation
import Testing
import TestSupport
@testable import QReportCLI
import Catalog
import Results

/// The code configuration's report shows the paper-text variant's runs beside its own, read from the variant's run
/// store: smoke-scale runs of both configurations on BreastMNIST (the shared mirror), then a render-only build.
@Suite(.serialized) struct VisionQRWKVVariantTests {
    let layout = ProjectLayout(root: Fixtures.repositoryRoot)

    @Test(.enabled(if: FullDatasets.present("breastmnist"),
                   "needs the full BreastMNIST file (not found in QREPORT_DATA, the user cache or QREPORT_MIRROR)"))
    func codeReportShowsThePaperTextRunsBesideItsOwn() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("qreport-variant-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        var environment = ["HOME": work.path, "XDG_CACHE_HOME": work.appendingPathComponent("cache").path, "QREPORT_OFFLINE": "1"]
        for name in ["QREPORT_DATA", "QREPORT_MIRROR"] { environment[name] = ProcessInfo.processInfo.environment[name] }
        let paperText = try #require(VisionQRWKVPaper.variants["paper-text"])
        let code = work.appendingPathComponent("code"), text = work.appendingPathComponent("text")
        let codeStore = code.appendingPathComponent("runs"), textStore = text.appendingPathComponent("runs")
        _ = try PaperBuild(paper: VisionQRWKVPaper.paper, scale: .smoke, experimentIDs: ["breastmnist"], layout: layout, output: code,
                           store: codeStore, dataDirectory: nil, environment: environment).run()
        _ = try PaperBuild(paper: paperText, scale: .smoke, experimentIDs: ["breastmnist-paper-text"], layout: layout, output: text,
                           store: textStore, dataDirectory: nil, environment: environment).run()
        // Without the variant's store, no side-by-side table.
        #expect(!FileManager.default.fileExists(atPath: code.appendingPathComponent("tables/table1-paper-text-vs-code.csv").path))

        let both = work.appendingPathComponent("both")
        let outcome = try PaperBuild(paper: VisionQRWKVPaper.paper, scale: .smoke, experimentIDs: [], layout: layout, output: both,
                                     store: codeStore, dataDirectory: nil, environment: environment, renderOnly: true,
                                     variantStores: ["paper-text": textStore, "absent": work.appendingPathComponent("none")]).run()
        let html = try String(contentsOf: outcome.html, encoding: .utf8)
        #expect(html.contains("Paper text vs authors&#39; code") || html.contains("Paper text vs authors' code"))

        // The table's numbers are the two stores' final accuracies (one seed each at smoke scale).
        func final(_ store: URL, _ model: String) throws -> Double {
            let record = try #require(try RunStore(directory: store).allRecords().first { $0.identity.model == model })
            return try #require(record.final).testAccuracy * 100
        }
        let (cc, cq) = (try final(codeStore, "classical-rwkv"), try final(codeStore, "quantum-rwkv"))
        let (tc, tq) = (try final(textStore, "classical-rwkv"), try final(textStore, "quantum-rwkv"))
        func ours(_ v: Double) -> String { String(format: "%.2f (n = 1)", v) }
        let csv = try String(contentsOf: both.appendingPathComponent("tables/table1-paper-text-vs-code.csv"), encoding: .utf8)
        let row = try #require(csv.components(separatedBy: "\r\n").first { $0.hasPrefix("breastmnist,") })
        #expect(row == ["breastmnist", ours(cc), ours(tc), String(format: "%+.2f", tc - cc), ours(cq), ours(tq), String(format: "%+.2f", tq - cq)]
            .joined(separator: ","), "\(row)")
        let cost = try String(contentsOf: both.appendingPathComponent("tables/table1-paper-text-vs-code-cost.csv"), encoding: .utf8)
        let textRecords = try RunStore(directory: textStore).allRecords()
        let classicalCount = try #require(textRecords.first { $0.identity.model == "classical-rwkv" }).parameters.total
        // Tens of millions of weights at n_embd 768 (7 matrices of 768 x 768 or 768 x 3072 per block): three digit groups.
        let grouped = "\(classicalCount / 1_000_000),\(String(format: "%03d", classicalCount / 1000 % 1000)),\(String(format: "%03d", classicalCount % 1000))"
        #expect(cost.contains("breastmnist,Classical RWKV,paper text,\"\(grouped)\",adam,"), "\(cost)")
        #expect(FileManager.default.fileExists(atPath: both.appendingPathComponent("figures/table1-paper-text-vs-code-difference.svg").path))
    }

    /// `qreport build` without --variant looks for each variant's runs where `--variant` builds put them by default.
    @Test func defaultVariantStoreIsTheVariantBuildsFolder() throws {
        let command = try BuildCommand.parse(["--paper", "vision-qrwkv", "--scale", "smoke"])
        let stores = command.defaultVariantStores(paper: VisionQRWKVPaper.paper, layout: layout)
        #expect(stores.keys.sorted() == ["paper-text"])
        #expect(stores["paper-text"]?.path == layout.root.appendingPathComponent("reports/vision-qrwkv-paper-text-smoke/runs").path)
        #expect(try BuildCommand.parse(["--paper", "hqnn"]).defaultVariantStores(paper: Papers.named("hqnn"), layout: layout).isEmpty)
    }
}
