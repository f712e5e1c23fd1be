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
    /// For a `fewer` claim: mean baseline value / mean model value ("how many times fewer"); nil otherwise.
    public var ratio: Double?
    /// For a `fewer` claim: the two means compared (model, baseline).
    public var means: (model: Double, baseline: Double)?

    /// Pairs runs by seed. `better` holds when the mean paired difference exceeds twice its
    /// standard error; `comparable` holds when that interval contains zero; `fewer(factor:)` holds when the
    /// baseline's mean is at least `factor` times the model's.
    public static func check(_ claim: Claim, in results: ExperimentResults) -> ClaimCheck? {
        guard let model = results.records[claim.model], let baseline = results.records[claim.baseline] else { return nil }
        var differences: [Double] = [], modelValues: [Double] = [], baselineValues: [Double] = []
        for run in model {
            guard let twin = baseline.first(where: { $0.identity.seed == run.identity.seed }),
                  let a = ExperimentResults.value(of: claim.metric, in: run, model: results.experiment.model(claim.model)),
                  let b = ExperimentResults.value(of: claim.metric, in: twin, model: results.experiment.model(claim.baseline)) else { continue }
            differences.append(a - b)
            modelValues.append(a)
            baselineValues.append(b)
        }
        guard !differences.isEmpty else { return nil }
        let stats = SeedStatistics(differences)
        let margin = 2 * (stats.count > 1 ? stats.standardError : 0)
        var check = ClaimCheck(claim: claim, meanDifference: stats.mean, margin: margin, seeds: stats.count, holds: false)
        switch claim.relation {
        case .better: check.holds = stats.mean > margin
        case .comparable: check.holds = abs(stats.mean) <= margin
        case let .fewer(factor):
            let a = SeedStatistics(modelValues).mean, b = SeedStatistics(baselineValues).mean
            check.means = (a, b)
            check.ratio = a > 0 ? b / a : nil
            check.holds = check.ratio.map { $0 >= factor } ?? false
        }
        return check
    }

    /// What we measured, for the claims table: the paired difference, or for a `fewer` claim the two values and
    /// their ratio next to the factor claimed.
    public var measured: String {
        if case let .fewer(factor) = claim.relation, let means {
            let ratio = self.ratio.map { Format.fixed($0, 3) } ?? "-"
            return "\(Format.grouped(means.baseline)) / \(Format.grouped(means.model)) = \(ratio)× (claimed ≥ \(Format.fixed(factor, 0))×)"
        }
        return "\(Format.signed(meanDifference)) ± \(Format.fixed(margin)) points (paired over \(seeds) seeds)"
    }
}
