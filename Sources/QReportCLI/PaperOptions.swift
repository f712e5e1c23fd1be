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

    @Option(help: "A variant of the paper's experiments (vision-qrwkv: paper-text, the configuration of the paper's text); its reports and runs go to reports/<paper>-<variant>[-<scale>].")
    var variant: String?

    /// The report folder for these options, relative paths against the working directory:
    /// reports/<paper>[-<variant>][-<scale>] unless --output names one.
    func outputDirectory(layout: ProjectLayout) -> URL {
        if let output { return URL(fileURLWithPath: output) }
        return Self.defaultOutputDirectory(paper: paper, variant: variant, scale: scale, layout: layout)
    }

    /// reports/<paper>[-<variant>][-<scale>] under the project root: where a build without --output writes.
    static func defaultOutputDirectory(paper: String, variant: String?, scale: Scale, layout: ProjectLayout) -> URL {
        let name = [paper, variant, scale == .paper ? nil : scale.rawValue].compactMap { $0 }.joined(separator: "-")
        return layout.reports.appendingPathComponent(name)
    }

    func storeDirectory(layout: ProjectLayout) -> URL {
        store.map { URL(fileURLWithPath: $0) } ?? outputDirectory(layout: layout).appendingPathComponent("runs")
    }

    /// The paper, with `--variant`'s experiments swapped in when one is named.
    /// - Throws: `UserFacingError` for an unknown paper, or a variant the paper does not have.
    func resolvePaper() throws -> Paper {
        let paper: Paper
        do { paper = try Papers.named(self.paper) } catch { throw UserFacingError("\(error)") }
        guard let variant else { return paper }
        let variants = Self.variants(of: paper)
        guard let swapped = variants[variant] else {
            throw UserFacingError(variants.isEmpty
                ? "paper \(paper.id) has no variants; --variant applies to vision-qrwkv (paper-text)"
                : "paper \(paper.id) has no variant '\(variant)'; its variants: \(variants.keys.sorted().joined(separator: ", "))")
        }
        return swapped
    }

    /// The variants `--variant` accepts for `paper`, by name.
    static func variants(of paper: Paper) -> [String: Paper] {
        paper.id == VisionQRWKVPaper.paper.id ? VisionQRWKVPaper.variants : [:]
    }
}
