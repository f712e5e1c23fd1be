import ArgumentParser

/// `qreport`: re-runs the experiments of quantum machine-learning papers and reports them next to
/// the published numbers.
struct QReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qreport",
        abstract: "Re-run quantum machine-learning papers' experiments and report them next to the published numbers.",
        discussion: """
        Papers: hqnn, vision-qrwkv, ae-vqc (`qreport papers` lists their experiments).
        Typical use:
          qreport build --paper hqnn --only quanv     # train (or load) the runs, write reports/hqnn/
          qreport diff --paper hqnn --fail-on-mismatch
          qreport plan --paper vision-qrwkv --format slurm  # a Slurm job array
        Data lookup order: --data-dir / QREPORT_DATA, $XDG_CACHE_HOME/qreport, QREPORT_MIRROR, download.
        """,
        subcommands: [BuildCommand.self, PlanCommand.self, RunCommand.self, StatusCommand.self, DiffCommand.self, PublishedCommand.self, PapersCommand.self, DataCommand.self, CircuitCommand.self])
}
