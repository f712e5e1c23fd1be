import Foundation
@testable import Results
import Testing
import TestSupport

/// The optional Fourier samples of a run record: absent from the JSON when nil, so old records keep their bytes.
@Suite struct FourierRecordTests {
    func record(fourier: FourierSamples?) -> RunRecord {
        RunRecord(identity: RunIdentity(paper: "hqnn", experiment: "fourier", model: "m", dataset: "none", scale: "smoke", seed: 0,
                                        numericsVersion: 1, settings: []),
                  environment: RunEnvironment(qreportVersion: "0", toolchain: "t", cpu: "c", threads: 1, blas: "b"),
                  datasetFiles: [], parameters: ParameterCounts(classical: 0, quantum: 45, byTensor: []), epochs: [],
                  confusion: ConfusionMatrix(classNames: []), fourier: fourier)
    }

    @Test func nilSamplesAreNotWritten() {
        let json = String(decoding: CanonicalJSON.encode(record(fourier: nil)), as: UTF8.self)
        #expect(!json.contains("\"fourier\" :"))
    }

    @Test func samplesRoundTripAndMagnitudesAreHandComputed() throws {
        let samples = FourierSamples(observable: "⟨Y⟩ on wire 4", varyingInputs: [0, 1], frequencies: [[0, 0], [1, 0]],
                                     real: [[0.6, -0.3], [0, 1]], imaginary: [[0.8, 0.4], [0, 0]])
        let r = record(fourier: samples)
        let decoded = try CanonicalJSON.decode(RunRecord.self, from: CanonicalJSON.encode(r))
        #expect(decoded == r)
        #expect(samples.draws == 2)
        // |0.6 + 0.8i| = 1 and |−0.3 + 0.4i| = 0.5 (3-4-5 triangles).
        let m = samples.magnitudes(0)
        #expect(abs(m[0] - 1) < 1e-15 && abs(m[1] - 0.5) < 1e-15)
    }

    /// Every record of the committed paper-scale report decodes and re-encodes to its exact bytes.
    @Test func committedRecordsKeepTheirBytes() throws {
        let runs = Fixtures.repositoryRoot.appendingPathComponent("reports/hqnn/runs")
        let names = try FileManager.default.contentsOfDirectory(atPath: runs.path)
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".timing.json") }
        #expect(!names.isEmpty)
        for name in names {
            let bytes = try Data(contentsOf: runs.appendingPathComponent(name))
            let record = try CanonicalJSON.decode(RunRecord.self, from: bytes)
            #expect(CanonicalJSON.encode(record) == bytes, "\(name) re-encodes differently")
            #expect(record.key + ".json" == name)
        }
    }
}
