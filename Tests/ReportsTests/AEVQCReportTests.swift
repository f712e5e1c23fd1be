import Catalog
import Foundation
@testable import Reports
import Results
import Testing
import TestSupport

/// The AE-VQC report without data: every row "not run: data missing", Table 2 and every Params* checked from the
/// catalog's head arithmetic, and no published table left unlisted.
@Suite struct AEVQCReportTests {
    static func document() throws -> ReportDocument {
        let paper = AEVQCPaper.paper
        let results = paper.experiments.map {
            ExperimentResults(experiment: $0, scale: $0.protocolFor(.paper), records: [:], timings: [:],
                              missingData: "\($0.dataset): archive not found")
        }
        let published = try PublishedTables.load(paper: "ae-vqc", from: Fixtures.url("published"))
        return PaperReport(paper: paper, scale: .paper, experiments: results, published: published, reportCommit: "abc").document()
    }

    func table(_ document: ReportDocument, csv: String) throws -> ReportTable {
        try #require(document.numberedTables.map(\.table).first { $0.csvName == csv }, "no table \(csv)")
    }

    @Test func table2IsMirroredAndMatches() throws {
        let t2 = try table(try Self.document(), csv: "table2")
        #expect(t2.rows.count == 8)
        #expect(t2.rows.allSatisfy { $0.last == "matches" })
        #expect(t2.rows.last == ["apples-or-tomatoes", "MaxViT-T_q", "1", "3", "1", "3", "matches"])
    }

    /// All 16 Params*: 11 reached, the 4 classical MaxViT-T rows short by C (torchvision's bias-free last layer),
    /// AOT's ResNet-18_q 47 against 41.
    @Test func paramsAfterBackboneChecked() throws {
        let t = try table(try Self.document(), csv: "params-after-backbone")
        #expect(t.rows.count == 16)
        #expect(t.rows.filter { $0.last == "matches" }.count == 11)
        let maxvitFish = try #require(t.rows.first { $0[0] == "croatian-fish" && $0[1] == "MaxViT-T" })
        #expect(Array(maxvitFish[4...6]) == ["269,824", "269,836", "-12"])
        #expect(maxvitFish[7].hasPrefix("differs: torchvision 0.28"))
        let aot = try #require(t.rows.first { $0[0] == "apples-or-tomatoes" && $0[1] == "ResNet-18_q" })
        #expect(Array(aot[4...6]) == ["47", "41", "+6"])
    }

    /// Without data no number of ours appears: every measured row says why.
    @Test func everyMeasuredRowIsNotRun() throws {
        let doc = try Self.document()
        let t3 = try table(doc, csv: "table3")
        let t4 = try table(doc, csv: "table4")
        // 4 datasets x 2 models x (accuracy, macro-F1, Params*), each in its own table.
        #expect(t3.rows.count == 24 && t4.rows.count == 24)
        #expect(Set(t3.rows.map { $0[1] }) == ["ResNet-18", "ResNet-18_q"] && Set(t4.rows.map { $0[1] }) == ["MaxViT-T", "MaxViT-T_q"])
        #expect((t3.rows + t4.rows).allSatisfy { $0.last == "not run: data missing" && $0[4] == "-" })
        #expect(t4.rows.first { $0[0] == "croatian-fish" && $0[1] == "MaxViT-T" && $0[2] == Metric.headParameters.label }?[3] == "269,836")
        let notRun = doc.numberedTables.map(\.table).first { $0.csvName == "not-run" }
        #expect(notRun == nil, "every published table is covered")
    }
}
