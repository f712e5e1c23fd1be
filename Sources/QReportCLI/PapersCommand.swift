import ArgumentParser
import Catalog

/// `qreport papers`: what qreport knows.
struct PapersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "papers", abstract: "List the papers and their experiments.")

    func run() throws {
        for paper in Papers.all {
            print("\(paper.id): \(paper.title)")
            for experiment in paper.experiments {
                let scales = experiment.scales.map { "\($0.scale.rawValue) \($0.seeds.count) seeds x \($0.epochs) epochs" }
                print("  \(experiment.id): \(experiment.title) [\(experiment.source)] (\(scales.joined(separator: "; ")))")
            }
            for missing in paper.notReproduced { print("  (not yet) \(missing)") }
        }
    }
}
