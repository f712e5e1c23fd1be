import ArgumentParser
import Cluster
import Foundation

/// `qreport plan`: a paper's runs, which are stored, what the rest cost, and scripts that train them.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "List a paper's runs (stored or not, estimated time) or write a Slurm job-array / shell script that trains those not stored.",
        discussion: """
        Formats: table (default), json, slurm (a job-array script: one task per run not stored, each `qreport run`;
        submit it with sbatch), shell (the same as a plain loop). Estimates come from the .timing.json of stored runs:
        of the same experiment and model, else of the same model scaled by epochs x training images; runs with nothing
        comparable stored are not estimated, and the Slurm script then asks for \(SlurmScript.slurmTime(Int(SlurmScript.defaultTimeLimit)))
        and \(SlurmScript.defaultMemory >> 30)G unless --sbatch says otherwise.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, slurm, shell
    }

    @OptionGroup var options: PaperOptions

    @Option(name: .customLong("only"), parsing: .singleValue, help: "Only this experiment, or a group by id prefix; repeatable.")
    var experiments: [String] = []

    @Option(help: "table, json, slurm or shell.")
    var format: Format = .table

    @Option(help: "Thread count of every run (the records' environment and the tasks' --cpus-per-task).")
    var threads = 2

    @Option(parsing: .unconditional, help: "Extra sbatch options for the Slurm script, e.g. \"--partition=long --account=qml\"; an option named here replaces the generated one.")
    var sbatch: String?

    @Option(name: .customLong("data-dir"), help: "Dataset folder passed on to every task's `qreport run`.")
    var dataDirectory: String?

    func run() throws {
        let layout = try ProjectLayout.locate()
        let planning = try ClusterPlanning(options: options, only: experiments, threads: threads, layout: layout)
        let plan = planning.plan
        let counts = StoredThreads.counts(keys: plan.runs.filter(\.stored).map(\.key), store: planning.store)
        if let note = StoredThreads.note(counts, expected: threads) {
            FileHandle.standardError.write(Data("qreport: \(note)\n".utf8))
        }
        let dataDirectory = self.dataDirectory.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        switch format {
        case .table:
            print(plan.table(), terminator: "")
        case .json:
            print(plan.json(), terminator: "")
        case .slurm, .shell:
            guard !plan.pending.isEmpty else {
                FileHandle.standardError.write(Data("qreport: nothing to train: \(plan.summary())\n".utf8))
                return
            }
            FileHandle.standardError.write(Data("qreport: \(plan.summary())\n".utf8))
            if format == .slurm {
                let extra = sbatch.map { $0.split(whereSeparator: \.isWhitespace).map(String.init) } ?? []
                print(SlurmScript(plan: plan, executable: ClusterPlanning.executablePath, extraOptions: extra,
                                  dataDirectory: dataDirectory).text(), terminator: "")
            } else {
                print(ShellLoopScript(plan: plan, executable: ClusterPlanning.executablePath, dataDirectory: dataDirectory).text(),
                      terminator: "")
            }
        }
    }
}
