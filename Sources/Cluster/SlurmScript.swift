import Foundation

/// A Slurm job-array script over a plan's runs not yet stored: one array task per run (its plan index), each
/// calling `qreport run` for that run's key, with `--requeue` (a preempted task starts again and resumes at its
/// last epoch checkpoint), `--cpus-per-task` = the plan's thread count, and a time limit and memory from the
/// estimates. `extraOptions` (`qreport plan --sbatch "..."`) are added as further `#SBATCH` lines and replace the
/// generated line of any option they name.
public struct SlurmScript: Sendable {
    /// The time limit when some pending run has no estimate.
    public static let defaultTimeLimit: Double = 24 * 3600
    /// The memory when no pending run has a measured peak (bytes).
    public static let defaultMemory = 8 << 30

    public var plan: RunPlan
    /// The qreport executable the tasks run (`$QREPORT` overrides it when the job starts).
    public var executable: String
    public var extraOptions: [String]
    public var dataDirectory: String?

    public init(plan: RunPlan, executable: String, extraOptions: [String] = [], dataDirectory: String? = nil) {
        self.plan = plan
        self.executable = executable
        self.extraOptions = extraOptions
        self.dataDirectory = dataDirectory
    }

    /// The time limit: twice the longest estimate plus 10 minutes, rounded up to 5 minutes; `defaultTimeLimit` when a
    /// pending run has no estimate.
    public var timeLimitSeconds: Int {
        let pending = plan.pending
        let known = pending.compactMap(\.estimate.seconds)
        guard !pending.isEmpty, known.count == pending.count else { return Int(Self.defaultTimeLimit) }
        let seconds = 2 * (known.max() ?? 0) + 600
        return Int((seconds / 300).rounded(.up)) * 300
    }

    /// The memory: 1.5 x the largest measured peak, rounded up to a GiB (at least 2 GiB); `defaultMemory` when
    /// none is measured.
    public var memoryBytes: Int {
        guard let peak = plan.pending.compactMap(\.estimate.memoryBytes).max() else { return Self.defaultMemory }
        let gib = (Double(peak) * 1.5 / Double(1 << 30)).rounded(.up)
        return max(2, Int(gib)) << 30
    }

    /// `0-4,7,9-12` for the indices.
    public static func arraySpec(_ indices: [Int]) -> String {
        var parts: [String] = []
        var start: Int?, previous = 0
        for index in indices.sorted() {
            if let first = start, index == previous + 1 {
                previous = index
                continue
            } else if let first = start {
                parts.append(first == previous ? "\(first)" : "\(first)-\(previous)")
            }
            start = index
            previous = index
        }
        if let first = start { parts.append(first == previous ? "\(first)" : "\(first)-\(previous)") }
        return parts.joined(separator: ",")
    }

    /// `HH:MM:SS`, or `D-HH:MM:SS` from a day on.
    public static func slurmTime(_ seconds: Int) -> String {
        let days = seconds / 86400, hours = seconds % 86400 / 3600, minutes = seconds % 3600 / 60, secs = seconds % 60
        let clock = String(format: "%02d:%02d:%02d", hours, minutes, secs)
        return days > 0 ? "\(days)-\(clock)" : clock
    }

    /// The option names `extraOptions` set (`--time`, `-t`, ...), mapped to their long forms.
    private var overridden: Set<String> {
        let short = ["-t": "--time", "-c": "--cpus-per-task", "-J": "--job-name", "-a": "--array", "-o": "--output"]
        return Set(extraOptions.map { option -> String in
            let name = String(option.split(separator: "=", maxSplits: 1).first ?? "")
            let head = name.hasPrefix("--") ? name : String(name.prefix(2))
            return short[head] ?? head
        })
    }

    /// The script.
    public func text() -> String {
        let pending = plan.pending
        let variant = plan.variant.map { " --variant \($0)" } ?? ""
        let known = pending.filter { $0.estimate.seconds != nil }.count
        var lines = [
            "#!/bin/bash",
            "# qreport plan --format slurm: \(plan.paper)\(variant) at \(plan.scale) scale; \(pending.count) of \(plan.runs.count) runs not stored,",
            "# one array task per run (the index is the run's index in `qreport plan`), \(plan.threads) threads each.",
            "# Submit: sbatch <this file>. Follow: qreport status --paper \(plan.paper)\(variant) --scale \(plan.scale) --store \(ShellQuoting.quote(plan.store))",
            "# Each task runs `qreport run` for its run: it exits 0 at once when the run is stored, 75 when another",
            "# process holds the run's lock; a preempted or requeued task resumes at the run's last epoch checkpoint.",
            "# Time limit: " + (known == pending.count && !pending.isEmpty
                ? "2 x the longest estimate (\(RunPlan.duration(pending.compactMap(\.estimate.seconds).max() ?? 0))) + 10 min."
                : "\(Self.slurmTime(Int(Self.defaultTimeLimit))) (\(pending.count - known) runs have no estimate: nothing comparable is stored)."),
            "# Memory: " + (pending.contains { $0.estimate.memoryBytes != nil }
                ? "1.5 x the largest measured peak." : "\(Self.defaultMemory >> 30)G (no peak measured)."),
            "# Override any of these with qreport plan --sbatch \"--time=... --mem=... --partition=...\".",
        ]
        let skip = overridden
        let generated: [(String, String)] = [
            ("--job-name", "--job-name=qreport-\(plan.paper)\(plan.variant.map { "-\($0)" } ?? "")-\(plan.scale)"),
            ("--array", "--array=\(Self.arraySpec(pending.map(\.index)))"),
            ("--cpus-per-task", "--cpus-per-task=\(plan.threads)"),
            ("--time", "--time=\(Self.slurmTime(timeLimitSeconds))"),
            ("--mem", "--mem=\(memoryBytes >> 30)G"),
            ("--requeue", "--requeue"),
            ("--open-mode", "--open-mode=append"),
        ]
        lines += generated.filter { !skip.contains($0.0) }.map { "#SBATCH \($0.1)" }
        lines += extraOptions.map { "#SBATCH \($0)" }
        lines += [
            "set -euo pipefail",
            "QREPORT=\"${QREPORT:-\(executable.replacingOccurrences(of: "\"", with: "\\\""))}\"",
            "keys=(",
        ]
        lines += pending.map { "  [\($0.index)]=\($0.key)  # \($0.experiment) \($0.model) seed \($0.seed)" }
        lines += [
            ")",
            "key=\"${keys[${SLURM_ARRAY_TASK_ID:?not a Slurm array task}]:?no run with this array index in the plan}\"",
            "exec \"$QREPORT\" " + ShellQuoting.join(plan.runArguments(key: "KEY", dataDirectory: dataDirectory))
                .replacingOccurrences(of: " --key KEY ", with: " --key \"$key\" "),
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
