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
    /// The paper's claims about how many of its experiments favour one model ("better on 8 of 14 datasets").
    public var countClaims: [CountClaim]

    public init(id: String, title: String, citation: String, experiments: [Experiment], notReproduced: [String],
                assumptions: [Assumption], inconsistencies: [Inconsistency], countClaims: [CountClaim] = []) {
        self.id = id
        self.title = title
        self.citation = citation
        self.experiments = experiments
        self.notReproduced = notReproduced
        self.assumptions = assumptions
        self.inconsistencies = inconsistencies
        self.countClaims = countClaims
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

/// A claim about how many of a paper's experiments favour one model over another ("the quantum model outperforms
/// the classical one on 8 out of 14 datasets"), checked by counting over the experiments that compare the two
/// models in `table`: in the published numbers, in the published verdict column, and in ours.
public struct CountClaim: Codable, Hashable, Sendable {
    /// The claim as the paper words it.
    public var text: String
    /// Where the paper makes it ("Section 5.1").
    public var source: String
    /// The published table whose rows are counted (`table1`).
    public var table: String
    /// The model claimed better, and the one it is compared with.
    public var model: String
    public var baseline: String
    public var metric: Metric
    /// The count the paper states, and out of how many.
    public var claimed: Int
    public var outOf: Int
    /// The published table's per-row verdict (its metric name in the published CSV, e.g. `quantum_better`, with
    /// values Yes / No / Equal); nil when the table has none.
    public var verdictMetric: String?

    public init(text: String, source: String, table: String, model: String, baseline: String, metric: Metric,
                claimed: Int, outOf: Int, verdictMetric: String?) {
        self.text = text
        self.source = source
        self.table = table
        self.model = model
        self.baseline = baseline
        self.metric = metric
        self.claimed = claimed
        self.outOf = outOf
        self.verdictMetric = verdictMetric
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
