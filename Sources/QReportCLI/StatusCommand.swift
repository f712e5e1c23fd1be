import ArgumentParser
import Cluster
import Foundation

/// `qreport status`: where the runs of a store being filled stand.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Print a paper's runs done, running (lock holder, heartbeat, last epoch saved) and pending in its run store.")

    @OptionGroup var options: PaperOptions

    @Option(name: .customLong("only"), parsing: .singleValue, help: "Only this experiment, or a group by id prefix; repeatable.")
    var experiments: [String] = []

    func run() throws {
        let layout = try ProjectLayout.locate()
        let planning = try ClusterPlanning(options: options, only: experiments, threads: 2, layout: layout)
        print(StoreStatus(plan: planning.plan, store: planning.store).text, terminator: "")
    }
}
