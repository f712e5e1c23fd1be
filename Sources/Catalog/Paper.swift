/// A paper as data: its experiments, the choices it leaves open, and its contradictions.
public struct Paper: Codable, Hashable, Sendable {
    /// Stable id used on the command line (`hqnn`).
    public var id: String
    public var title: String
    public var citation: String
    public var experiments: [Experiment]
    /// Parts of the paper no experiment of this version reproduces, with the reason.
    public var notReproduced: [String]
    public var assumptions: [Assumption]
    public var inconsistencies: [Inconsistency]

    public init(id: String, title: String, citation: String, experiments: [Experiment], notReproduced: [String],
                assumptions: [Assumption], inconsistencies: [Inconsistency]) {
        self.id = id
        self.title = title
        self.citation = citation
        self.experiments = experiments
        self.notReproduced = notReproduced
        self.assumptions = assumptions
        self.inconsistencies = inconsistencies
    }

    /// The experiment with `id`.
    public func experiment(_ id: String) throws -> Experiment {
        guard let found = experiments.first(where: { $0.id == id }) else {
            let known = experiments.map(\.id).joined(separator: ", ")
            throw CatalogError.unknownExperiment(paper: self.id, name: id, known: known.isEmpty ? "none yet" : known)
        }
        return found
    }
}

/// Every paper qreport knows.
public enum Papers {
    public static let all: [Paper] = [HQNNPaper.paper, VisionQRWKVPaper.paper, AEVQCPaper.paper]

    /// The paper with `id`, or an error listing the known ids.
    public static func named(_ id: String) throws -> Paper {
        guard let paper = all.first(where: { $0.id == id }) else {
            throw CatalogError.unknownPaper(name: id, known: all.map(\.id).joined(separator: ", "))
        }
        return paper
    }
}

/// Errors naming what was asked for and what exists.
public enum CatalogError: Error, CustomStringConvertible, Equatable {
    case unknownPaper(name: String, known: String)
    case unknownExperiment(paper: String, name: String, known: String)

    public var description: String {
        switch self {
        case let .unknownPaper(name, known):
            return "unknown paper '\(name)'; known papers: \(known)"
        case let .unknownExperiment(paper, name, known):
            return "paper \(paper) has no experiment '\(name)'; its experiments: \(known)"
        }
    }
}
