import Catalog

/// A claim of the paper tested on our paired seeds.
public struct ClaimCheck: Sendable {
    public var claim: Claim
    /// Mean over seeds of (model - baseline), in the paper's unit.
    public var meanDifference: Double
    /// Twice the standard error of that mean.
    public var margin: Double
    public var seeds: Int
    public var holds: Bool

    /// Pairs runs by seed. `better` holds when the mean paired difference exceeds twice its
    /// standard error; `comparable` holds when that interval contains zero.
    public static func check(_ claim: Claim, in results: ExperimentResults) -> ClaimCheck? {
        guard let model = results.records[claim.model], let baseline = results.records[claim.baseline] else { return nil }
        var differences: [Double] = []
        for run in model {
            guard let twin = baseline.first(where: { $0.identity.seed == run.identity.seed }),
                  let a = ExperimentResults.value(of: claim.metric, in: run),
                  let b = ExperimentResults.value(of: claim.metric, in: twin) else { continue }
            differences.append(a - b)
        }
        guard !differences.isEmpty else { return nil }
        let stats = SeedStatistics(differences)
        let margin = 2 * (stats.count > 1 ? stats.standardError : 0)
        let holds: Bool
        switch claim.relation {
        case .better: holds = stats.mean > margin
        case .comparable: holds = abs(stats.mean) <= margin
        }
        return ClaimCheck(claim: claim, meanDifference: stats.mean, margin: margin, seeds: stats.count, holds: holds)
    }
}
