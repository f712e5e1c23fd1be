import Catalog
import Foundation
import Reports
import Results

extension PaperBuild {
    /// The stored runs of each variant in `variantStores` at this build's scale (nothing is trained), for the report's
    /// side-by-side section; variants whose store folder does not exist are left out.
    /// - Throws: `UserFacingError` for an unreadable record.
    func variantResults() throws -> [VariantResults] {
        let variants = PaperOptions.variants(of: paper)
        return try variantStores.keys.sorted().compactMap { name -> VariantResults? in
            guard let directory = variantStores[name], let variant = variants[name],
                  FileManager.default.fileExists(atPath: directory.path) else { return nil }
            let store = RunStore(directory: directory)
            let results = try variant.experiments.map {
                try Self.storedResults(paper: variant, experiment: $0, scale: scale, store: store)
            }
            return VariantResults(name: name, title: Self.variantDescription(variant.title, main: paper.title),
                                  storeLocation: Self.displayPath(directory, root: layout.root), experiments: results)
        }
    }

    /// "paper-text configuration: n_embd 768, …" from "<main title> (paper-text configuration: n_embd 768, …)".
    static func variantDescription(_ title: String, main: String) -> String {
        guard title.hasPrefix(main) else { return title }
        let rest = title.dropFirst(main.count).trimmingCharacters(in: .whitespaces)
        guard rest.hasPrefix("("), rest.hasSuffix(")") else { return rest.isEmpty ? title : rest }
        return String(rest.dropFirst().dropLast())
    }

    /// `url` relative to the project root when it lies inside it (`reports/vision-qrwkv-paper-text/runs`), else its path.
    static func displayPath(_ url: URL, root: URL) -> String {
        let path = url.standardizedFileURL.path, base = root.standardizedFileURL.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}
