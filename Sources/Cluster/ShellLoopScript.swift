/// A plan's runs not yet stored as a plain shell loop of `qreport run`, for a machine without Slurm. Several copies
/// may run at once on one store (or on machines sharing it): each run's lock lets one copy train it, the others
/// skip it (exit status 75) and go on.
public struct ShellLoopScript: Sendable {
    public var plan: RunPlan
    public var executable: String
    public var dataDirectory: String?

    public init(plan: RunPlan, executable: String, dataDirectory: String? = nil) {
        self.plan = plan
        self.executable = executable
        self.dataDirectory = dataDirectory
    }

    public func text() -> String {
        let pending = plan.pending
        var lines = [
            "#!/bin/bash",
            "# qreport plan --format shell: \(plan.paper)\(plan.variant.map { " --variant \($0)" } ?? "") at \(plan.scale) scale; the \(pending.count) of \(plan.runs.count) runs not stored,",
            "# one after another, \(plan.threads) threads each. Exits with the last failing run's status (75: held by another process).",
            "set -u",
            "QREPORT=\"${QREPORT:-\(executable.replacingOccurrences(of: "\"", with: "\\\""))}\"",
            "status=0",
            "for key in \\",
        ]
        lines += pending.map { "  \($0.key) \\" }
        lines += [
            "  ; do",
            "  \"$QREPORT\" " + ShellQuoting.join(plan.runArguments(key: "KEY", dataDirectory: dataDirectory))
                .replacingOccurrences(of: " --key KEY ", with: " --key \"$key\" ") + " || status=$?",
            "done",
            "exit $status",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
