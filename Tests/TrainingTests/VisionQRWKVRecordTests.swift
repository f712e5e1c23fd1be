import Foundation
import Results
import Testing
import TestSupport

/// The multi-label fields of `EpochMetrics` are optional and omitted when absent: records written before
/// them decode and re-encode to the same bytes, and a ChestMNIST record keeps every metric.
@Suite struct VisionQRWKVRecordTests {
    @Test func recordsWithoutMultiLabelMetricsKeepTheirBytes() throws {
        let runs = Fixtures.repositoryRoot.appendingPathComponent("reports/hqnn/runs")
        let files = try FileManager.default.contentsOfDirectory(atPath: runs.path)
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".timing.json") }.sorted().prefix(3)
        #expect(files.count == 3)
        for file in files {
            let bytes = try Data(contentsOf: runs.appendingPathComponent(file))
            let record = try CanonicalJSON.decode(RunRecord.self, from: bytes)
            #expect(record.epochs.allSatisfy { $0.multiLabel == nil })
            #expect(CanonicalJSON.encode(record) == bytes, "\(file)")
        }
    }

    @Test func multiLabelMetricsRoundTrip() throws {
        let metrics = MultiLabelMetrics(elementwiseAccuracy: 0.9, labelAccuracy: [0.8, 1], labelAUC: [0.75, nil], meanAUC: 0.75,
                                        labelPrevalence: [0.25, 0], argmaxAccuracy: 0.5)
        let epoch = EpochMetrics(epoch: 1, trainLoss: 0.3, trainAccuracy: 0.85, testLoss: 0.4, testAccuracy: 0.9, multiLabel: metrics)
        let json = CanonicalJSON.encode(epoch)
        #expect(try CanonicalJSON.decode(EpochMetrics.self, from: json) == epoch)
        #expect(String(decoding: json, as: UTF8.self).contains("\"labelAUC\" : [\n      0.75,\n      null\n    ]"))
        // All-absent baseline: mean of 1 - prevalence = (0.75 + 1) / 2.
        #expect(metrics.allAbsentAccuracy == 0.875)
    }
}
