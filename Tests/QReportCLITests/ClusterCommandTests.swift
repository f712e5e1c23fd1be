import ArgumentParser
import Cluster
import Foundation
import Results
import Testing
import TestSupport
@testable import QReportCLI

/// `qreport plan` over the committed run stores, and `qreport run`'s answer when another process holds its run.
@Suite struct ClusterCommandTests {
    let layout = ProjectLayout(root: Fixtures.repositoryRoot)

    /// The store keys of the records committed in `reports/<paper>/runs` (file names, not parsed).
    func committedKeys(_ paper: String) throws -> Set<String> {
        let folder = Fixtures.repositoryRoot.appendingPathComponent("reports/\(paper)/runs")
        return Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".timing.json") }
            .map { String($0.dropLast(".json".count)) })
    }

    /// Issue 14's acceptance: the Slurm script over the committed Vision-QRWKV store lists exactly the 60 runs not
    /// stored (10 experiments x 2 models x 3 seeds: the 9 datasets missing here, ChestMNIST under both protocols)
    /// and none of the 30 stored.
    @Test func visionQRWKVSlurmPlanListsExactlyTheRunsNotStored() throws {
        let committed = try committedKeys("vision-qrwkv")
        #expect(committed.count == 30)
        let options = try PaperOptions.parse(["--paper", "vision-qrwkv"])
        let plan = try ClusterPlanning(options: options, only: [], threads: 2, layout: layout).plan
        #expect(plan.runs.count == 90)
        #expect(Set(plan.runs.filter(\.stored).map(\.key)) == committed)
        let pending = plan.pending
        #expect(pending.count == 60)
        #expect(Set(pending.map(\.experiment)) == ["bloodmnist", "chestmnist", "chestmnist-multilabel", "dermamnist", "octmnist",
                                                  "organamnist", "organcmnist", "organsmnist", "pathmnist", "tissuemnist"])
        let script = SlurmScript(plan: plan, executable: "/usr/local/bin/qreport").text()
        let keyLines = script.split(separator: "\n").filter { $0.hasPrefix("  [") }
        #expect(keyLines.count == 60)
        for run in pending { #expect(script.contains("[\(run.index)]=\(run.key)")) }
        for key in committed { #expect(!script.contains(key)) }
        #expect(script.contains("#SBATCH --requeue") && script.contains("--threads 2"))
        // Every pending run of an experiment with stored runs of its model elsewhere has an estimate.
        #expect(pending.allSatisfy { $0.estimate.seconds != nil })
    }

    /// Another process holds the run: exit status 75, and the message names the holder.
    @Test func runHeldByAnotherProcessExitsWith75() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qreport-held-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let command = try RunCommand.parse(["--paper", "hqnn", "--scale", "smoke", "--only", "quanv", "--index", "1",
                                            "--store", folder.path])
        let options = try PaperOptions.parse(["--paper", "hqnn", "--scale", "smoke", "--store", folder.path])
        let run = try #require(ClusterPlanning(options: options, only: ["quanv"], threads: 2, layout: layout).plan.run(index: 1))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let holder = LockHolder(host: "node-17", pid: 4242, startedAt: "2026-12-07T04:00:00Z", command: "qreport run", slurmJob: "77")
        try JSONEncoder().encode(holder).write(to: folder.appendingPathComponent("\(run.key).lock"))
        let error = try #require(throws: UserFacingError.self) { try command.run() }
        #expect(error.exitCode == 75)
        #expect(error.message.contains("node-17 pid 4242 (qreport run, Slurm job 77)"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(run.key).json").path))
        // Neither --index nor --key, or both: a usage error.
        #expect(throws: (any Error).self) { try RunCommand.parse(["--paper", "hqnn", "--store", folder.path]) }
        #expect(throws: (any Error).self) { try RunCommand.parse(["--paper", "hqnn", "--index", "0", "--key", "ab"]) }
    }
}
