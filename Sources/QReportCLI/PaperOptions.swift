import ArgumentParser
import Catalog
import Foundation

extension Scale: ExpressibleByArgument {}

/// Options shared by the commands that work on one paper's runs.
struct PaperOptions: ParsableArguments {
    @Option(help: "Paper id: \(Papers.all.map(\.id).joined(separator: ", ")).")
    var paper: String

    @Option(help: "paper (the published protocol), reduced (fewer seeds and epochs) or smoke (seconds; for tests).")
    var scale: Scale = .paper

    @Option(help: "Report folder (default: reports/<paper>, or reports/<paper>-<scale> below paper scale).")
    var output: String?

    @Option(help: "Run store folder (default: <report folder>/runs).")
    var store: String?

    /// The report folder for these options, relative paths against the working directory.
    func outputDirectory(layout: ProjectLayout) -> URL {
        if let output { return URL(fileURLWithPath: output) }
        let name = scale == .paper ? paper : "\(paper)-\(scale.rawValue)"
        return layout.root.appendingPathComponent("reports").appendingPathComponent(name)
    }

    func storeDirectory(layout: ProjectLayout) -> URL {
        store.map { URL(fileURLWithPath: $0) } ?? outputDirectory(layout: layout).appendingPathComponent("runs")
    }

    func resolvePaper() throws -> Paper {
        do { return try Papers.named(paper) } catch { throw UserFacingError("\(error)") }
    }
}
