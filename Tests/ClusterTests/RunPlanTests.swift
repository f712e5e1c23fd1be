import Foundation
import Results
import Testing
@testable import Cluster

/// Plans: stored runs found by key, estimates from stored timings (checked by hand below), and the scripts.
@Suite struct RunPlanTests {
    func identity(_ experiment: String, _ model: String, seed: UInt64) -> RunIdentity {
        RunIdentity(paper: "p", experiment: experiment, model: model, dataset: experiment, scale: "paper", seed: seed,
                    numericsVersion: 3, settings: [Setting("epochs", "10")])
    }

    func record(_ identity: RunIdentity, threads: Int) -> RunRecord {
        RunRecord(identity: identity,
                  environment: RunEnvironment(qreportVersion: "0", toolchain: "t", cpu: "c", threads: threads, blas: "b"),
                  datasetFiles: [], parameters: ParameterCounts(classical: 1, quantum: 0, byTensor: []), epochs: [],
                  confusion: ConfusionMatrix(classNames: ["a"]))
    }

    /// Experiments a (1000 images) and b (3000 images), models m and n, seeds 0-1, 10 epochs: 8 runs.
    /// Stored: a/m seeds 0 and 1 (100 s and 140 s, peaks 1 and 3 GiB), b/n seed 0 (600 s), the last with 4 threads.
    func fixture() throws -> (RunPlan, RunStore, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qreport-plan-\(UUID().uuidString)")
        let store = RunStore(directory: folder)
        var runs: [(identity: RunIdentity, epochs: Int, trainImages: Int)] = []
        for (experiment, images) in [("a", 1000), ("b", 3000)] {
            for model in ["m", "n"] {
                for seed: UInt64 in [0, 1] { runs.append((identity(experiment, model, seed: seed), 10, images)) }
            }
        }
        try store.save(record(identity("a", "m", seed: 0), threads: 2),
                       timing: RunTiming(wallSeconds: 100, startedAt: "x", gitCommit: "g", peakResidentBytes: 1 << 30))
        try store.save(record(identity("a", "m", seed: 1), threads: 2),
                       timing: RunTiming(wallSeconds: 140, startedAt: "x", gitCommit: "g", peakResidentBytes: 3 << 30))
        try store.save(record(identity("b", "n", seed: 0), threads: 4), timing: RunTiming(wallSeconds: 600, startedAt: "x", gitCommit: "g"))
        let plan = RunPlan(paper: "p", scale: "paper", variant: nil, only: [], threads: 2, store: store, runs: runs)
        return (plan, store, folder)
    }

    @Test func storedRunsAndEstimates() throws {
        let (plan, store, folder) = try fixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(plan.runs.map(\.index) == Array(0..<8))
        #expect(plan.runs.map(\.stored) == [true, true, false, false, false, false, true, false])
        #expect(plan.pending.map(\.index) == [2, 3, 4, 5, 7])
        // a/n: nothing of model n in experiment a; n's rate from b/n: 600 s / (10 x 3000) = 0.02 s per image-epoch,
        // times 10 x 1000 = 200 s.
        #expect(plan.runs[2].estimate.seconds == 200)
        #expect(plan.runs[2].estimate.source.hasPrefix("scaled from 1 stored run of n"))
        // b/m: m's rate from a/m: (100/10000 + 140/10000) / 2 = 0.012, times 30000 = 360 s; memory: the larger peak.
        #expect(abs((plan.runs[4].estimate.seconds ?? 0) - 360) < 1e-9)
        #expect(plan.runs[4].estimate.memoryBytes == 3 << 30)
        // b/n seed 1: the mean of its stored sibling.
        #expect(plan.runs[7].estimate.seconds == 600 && plan.runs[7].estimate.source.hasPrefix("measured: 1 stored run"))
        #expect(plan.run(key: plan.runs[3].key)?.index == 3 && plan.run(key: String(plan.runs[3].key.prefix(10)))?.index == 3)
        #expect(plan.run(key: "abc") == nil && plan.run(index: 8) == nil)
        // The store mixes 2 and 4 threads, and says so.
        let counts = StoredThreads.counts(keys: plan.runs.filter(\.stored).map(\.key), store: store)
        #expect(counts == [2: 2, 4: 1])
        #expect(StoredThreads.note(counts, expected: 2)?.contains("2 with 2, 1 with 4 threads") == true)
        #expect(StoredThreads.note([2: 3], expected: 2) == nil && StoredThreads.note([2: 3], expected: 8) != nil)
        let table = plan.table()
        #expect(table.contains("8 runs of p at paper scale: 3 stored, 5 to train"))
        let json = try JSONDecoder().decode(RunPlan.self, from: Data(plan.json().utf8))
        #expect(json == plan)
    }

    @Test func slurmScriptCoversThePendingRuns() throws {
        let (plan, _, folder) = try fixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(SlurmScript.arraySpec([2, 3, 4, 5, 7]) == "2-5,7" && SlurmScript.arraySpec([0]) == "0"
                && SlurmScript.arraySpec([1, 3, 5, 6]) == "1,3,5-6" && SlurmScript.arraySpec([]) == "")
        let script = SlurmScript(plan: plan, executable: "/opt/q r/qreport", extraOptions: ["--partition=long", "--time=2:00:00"])
        let text = script.text()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("#SBATCH --array=2-5,7"))
        #expect(lines.contains("#SBATCH --requeue") && lines.contains("#SBATCH --cpus-per-task=2"))
        // Longest estimate 600 s: 2 x 600 + 600 = 1800 s = 30 min; the --time given replaces it.
        #expect(script.timeLimitSeconds == 1800)
        #expect(!lines.contains("#SBATCH --time=00:30:00") && lines.contains("#SBATCH --time=2:00:00"))
        #expect(lines.contains("#SBATCH --partition=long"))
        // Largest peak 3 GiB: 4.5 -> 5G.
        #expect(lines.contains("#SBATCH --mem=5G"))
        for run in plan.pending { #expect(lines.contains { $0.hasPrefix("  [\(run.index)]=\(run.key)") }) }
        for run in plan.runs where run.stored { #expect(!text.contains(run.key)) }
        #expect(text.contains("QREPORT=\"${QREPORT:-/opt/q r/qreport}\""))
        #expect(text.contains("run --paper p --scale paper --key \"$key\" --store \(plan.store) --threads 2"))
        // Without estimates for some run: the stated default.
        var unknown = plan
        unknown.runs[7].estimate = .unknown
        #expect(SlurmScript(plan: unknown, executable: "q").timeLimitSeconds == Int(SlurmScript.defaultTimeLimit))
        #expect(SlurmScript.slurmTime(90061) == "1-01:01:01" && SlurmScript.slurmTime(1800) == "00:30:00")
        let shell = ShellLoopScript(plan: plan, executable: "q").text()
        #expect(plan.pending.allSatisfy { shell.contains($0.key) } && !shell.contains(plan.runs[0].key))
    }

    /// The script runs: bash parses it, and a task picks its run's key (qreport replaced by echo).
    @Test func slurmScriptTaskRunsTheRightKey() throws {
        let (plan, _, folder) = try fixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scriptURL = folder.appendingPathComponent("job.sh")
        try Data(SlurmScript(plan: plan, executable: "/bin/echo").text().utf8).write(to: scriptURL)
        for (task, expected) in [(3, plan.runs[3].key), (7, plan.runs[7].key)] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [scriptURL.path]
            process.environment = ["SLURM_ARRAY_TASK_ID": "\(task)", "PATH": "/usr/bin:/bin"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            #expect(output.contains("--key \(expected) "), "\(output)")
        }
        // A stored run's index is not in the array: the task refuses.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [scriptURL.path]
        process.environment = ["SLURM_ARRAY_TASK_ID": "0", "PATH": "/usr/bin:/bin"]
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
    }

    @Test func statusSaysDoneRunningAndPending() throws {
        let (plan, store, folder) = try fixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Run 2 is held by this process, after epoch 4 of 10; run 3 was interrupted after epoch 7.
        guard case let .acquired(lock) = try RunLock.acquire(store.lockURL(key: plan.runs[2].key),
                                                             holder: LockHolder.current(command: "qreport run"), environment: [:]) else {
            Issue.record("lock not acquired")
            return
        }
        defer { lock.release() }
        try store.checkpoint(key: plan.runs[2].key).write(.init(key: plan.runs[2].key, epoch: 4, epochs: 10), payload: Data())
        try store.checkpoint(key: plan.runs[3].key).write(.init(key: plan.runs[3].key, epoch: 7, epochs: 10), payload: Data())
        let status = StoreStatus(plan: plan, store: store)
        let text = status.text
        #expect(text.contains("done: 3 of 8") && text.contains("running: 1") && text.contains("pending: 4"))
        #expect(text.contains("\(LockHolder.hostName()) pid \(getpid())") && text.contains("epoch 4/10 saved"))
        #expect(text.contains("interrupted, resumes after epoch 7/10"))
        #expect(text.contains("mixes thread counts"))
    }
}
