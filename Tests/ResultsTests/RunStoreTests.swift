import Foundation
import Results
import Testing

@Suite struct SHA256Tests {
    // FIPS 180-4 / NIST example vectors.
    @Test func knownDigests() {
        #expect(SHA256.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Data(repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

@Suite struct RunStoreTests {
    static func identity(seed: UInt64 = 3) -> RunIdentity {
        RunIdentity(paper: "hqnn", experiment: "quanv", model: "cnn1", dataset: "mnist", scale: "smoke", seed: seed,
                    numericsVersion: 1, settings: [Setting("epochs", "2"), Setting("batch_size", "32")])
    }

    static func record(seed: UInt64 = 3) -> RunRecord {
        RunRecord(identity: identity(seed: seed),
                  environment: RunEnvironment(qreportVersion: "t", toolchain: "Swift", cpu: "cpu", threads: 2, blas: "b"),
                  datasetFiles: [DatasetFileRecord(dataset: "mnist", file: "t10k-labels-idx1-ubyte", md5: "27ae3e4e09519cfbb04c329615203637")],
                  parameters: ParameterCounts(classical: 54, quantum: 0, byTensor: [NamedCount(name: "conv.weight", count: 4)]),
                  epochs: [EpochMetrics(epoch: 1, trainLoss: 2.25, trainAccuracy: 0.125, testLoss: 2.0, testAccuracy: 0.5)],
                  confusion: ConfusionMatrix(classNames: ["a", "b"], counts: [[3, 1], [0, 4]]))
    }

    func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("qreport-store-\(UUID().uuidString)")
    }

    @Test func keyDependsOnEveryField() {
        let base = Self.identity()
        var other = base
        other.seed = 4
        #expect(base.key != other.key)
        other = base
        other.numericsVersion = 2
        #expect(base.key != other.key)
        other = base
        other.settings[0].value = "3"
        #expect(base.key != other.key)
        #expect(base.key == Self.identity().key)
        #expect(base.key.count == 64)
    }

    @Test func saveThenLoadRoundTripsAndLeavesNoTemporaries() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = RunStore(directory: directory)
        #expect(try store.record(for: Self.identity()) == nil)
        let record = Self.record()
        try store.save(record, timing: RunTiming(wallSeconds: 1.5, startedAt: "2026-11-21T00:00:00Z", gitCommit: "abc"))
        #expect(try store.record(for: Self.identity()) == record)
        #expect(store.timing(key: record.key)?.wallSeconds == 1.5)
        #expect(try store.allRecords() == [record])
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == ["\(record.key).json", "\(record.key).timing.json"])
        // The record's bytes are canonical: encoding again gives the same file.
        #expect(try Data(contentsOf: store.recordURL(key: record.key)) == CanonicalJSON.encode(record))
    }

    @Test func corruptRecordIsAnErrorNamingTheFile() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = RunStore(directory: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = store.recordURL(key: Self.identity().key)
        try Data("{\"format\": 1".utf8).write(to: url)
        #expect {
            _ = try store.record(for: Self.identity())
        } throws: { error in
            "\(error)".contains(url.path) && "\(error)".hasPrefix("run store:")
        }
    }

    @Test func temporaryFilesOfDeadWritersAreRemoved() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = RunStore(directory: directory)
        try store.save(Self.record(), timing: RunTiming(wallSeconds: 1, startedAt: "2026-11-21T00:00:00Z", gitCommit: "abc"))
        // A writer killed before its rename (a process that has exited), and one still running (our parent).
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = ".\(Self.record().key).json.tmp-\(finished.processIdentifier)"
        let live = ".\(Self.record().key).timing.json.tmp-\(getppid())"
        let young = ".\(Self.record().key).json.tmp-\(finished.processIdentifier + 1_000_000)"
        let cluster = ".\(Self.record().key).lock.tmp-node7-\(finished.processIdentifier)-1234abcd"
        let old = Date(timeIntervalSinceNow: -120)
        for name in [dead, live, young, cluster] {
            try Data("partial".utf8).write(to: directory.appendingPathComponent(name))
            if name != young { try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: directory.appendingPathComponent(name).path) }
        }
        // Only the dead writer's file that has not been touched for a minute goes; a young one may belong to
        // another machine sharing the store, and the Cluster module's lock files are not the store's.
        #expect(store.removeStaleTemporaryFiles() == [dead])
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == [cluster, young, live, "\(Self.record().key).json", "\(Self.record().key).timing.json"].sorted())
    }

    @Test func confusionAccuracyIsTheDiagonalShare() {
        // (3 + 4) correct of 8.
        #expect(Self.record().confusion.accuracy == 7.0 / 8.0)
    }
}
