import Catalog
import Foundation

/// A claim of the paper tested on our paired seeds (rules: `VerdictRules`).
public struct ClaimCheck: Sendable {
    public var claim: Claim
    /// Model − baseline over runs paired by seed, in the paper's unit.
    public var paired: PairedDifference
    /// The paper's own gap (model − baseline) where it prints both numbers.
    public var publishedGap: Double?
    /// consistent = holds, differs = fails, inconclusive.
    public var verdict: Verdict
    /// For a `fewer` claim: mean baseline value / mean model value ("how many times fewer"); nil otherwise.
    public var ratio: Double?
    /// For a `fewer` claim: the two means compared (model, baseline).
    public var means: (model: Double, baseline: Double)?
    /// For a `fewer` claim: the published baseline count, when ours differs from it (the baseline cannot be rebuilt).
    public var unrebuiltBaseline: Double?
    /// Trainable parameters of the two arms (model, baseline), from the first run of each: a confound to read beside the difference.
    public var parameters: (model: Int, baseline: Int)?

    public var meanDifference: Double { paired.mean }
    public var seeds: Int { paired.count }
    /// Whether the claim holds on our seeds.
    public var holds: Bool { verdict == .consistent }

    /// Pairs runs by seed. `better`: the 95 % CI of the mean paired difference against 0 and the published gap;
    /// `comparable`: the CI against ± the equivalence margin; `fewer(factor:)`: the ratio of our mean counts, and
    /// inconclusive when the baseline's published count is not what the described baseline has.
    public static func check(_ claim: Claim, in results: ExperimentResults, published: [PublishedValue] = []) -> ClaimCheck? {
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
        guard let paired = PairedDifference(differences: differences) else { return nil }
        func publishedValue(_ model: String) -> Double? {
            // A comparison of this model and metric with a published number, skipping misprints another table corrects.
            for c in results.experiment.comparisons where c.model == model && c.metric == claim.metric && c.foldedInto == nil {
                if let v = published.first(where: { $0.table == c.table && $0.dataset == c.dataset && $0.model == c.model && $0.metric == c.metric.rawValue })?.number {
                    return v
                }
            }
            return nil
        }
        let gap = publishedValue(claim.model).flatMap { a in publishedValue(claim.baseline).map { a - $0 } }
        var check = ClaimCheck(claim: claim, paired: paired, publishedGap: gap, verdict: .inconclusive(""))
        if let a = model.first?.parameters.total, let b = baseline.first?.parameters.total { check.parameters = (a, b) }
        switch claim.relation {
        case .better: check.verdict = paired.judge(.better, publishedGap: gap)
        case .comparable: check.verdict = paired.judge(.equal(margin: VerdictRules.equivalenceMargin(claim.metric)), publishedGap: gap)
        case let .fewer(factor):
            let a = SeedStatistics(modelValues).mean, b = SeedStatistics(baselineValues).mean
            check.means = (a, b)
            check.ratio = a > 0 ? b / a : nil
            if let ratio = check.ratio, ratio >= factor {
                check.verdict = .consistent
            } else if let pub = publishedValue(claim.baseline), pub != b {
                check.unrebuiltBaseline = pub
                check.verdict = .inconclusive("the published \(results.experiment.model(claim.baseline)?.name ?? claim.baseline) cannot be rebuilt")
            } else {
                check.verdict = .differs
            }
        }
        return check
    }

    /// What we measured, for the claims table: the paired difference with its CI and the smallest detectable
    /// difference, or for a `fewer` claim the two counts and their ratio next to the factor claimed.
    public var measured: String {
        if case let .fewer(factor) = claim.relation, let means {
            let ratio = self.ratio.map { Format.fixed($0, 3) } ?? "-"
            var text = "\(Format.grouped(means.baseline)) / \(Format.grouped(means.model)) = \(ratio)× (claimed ≥ \(Format.fixed(factor, 0))×)"
            if let pub = unrebuiltBaseline { text += "; published baseline \(Format.grouped(pub)), built by no architecture the text describes" }
            return text
        }
        var text = "Δ = \(paired.text(2)) points (95 % CI, \(seeds) paired seeds)"
        if let gap = publishedGap { text += "; published Δ \(Format.signed(gap, 2))" }
        if let mdd = paired.minimalDetectable { text += "; detectable at this n: ±\(Format.fixed(mdd, 2))" }
        if case .comparable = claim.relation { text += "; equivalence margin ±\(Format.fixed(VerdictRules.equivalenceMargin(claim.metric), 0))" }
        if let p = parameters {
            text += "; parameters \(Format.grouped(Double(p.model))) vs \(Format.grouped(Double(p.baseline)))"
                + (p.model == p.baseline ? "" : " (\(Format.signedGrouped(Double(p.model - p.baseline))))")
        }
        return text
    }

    /// "holds", "fails", "inconclusive: …" (indicative below paper scale).
    public func verdictText(reducedScale: Bool) -> String { Self.claimText(verdict, reducedScale: reducedScale) }

    /// A claim's verdict in claim words: consistent -> holds, differs -> fails.
    public static func claimText(_ verdict: Verdict, reducedScale: Bool) -> String {
        let text: String
        switch verdict {
        case .consistent: text = "holds"
        case .differs: text = "fails"
        case .inconclusive, .notRun: return verdict.text(reducedScale: reducedScale)
        }
        return reducedScale ? "indicative: \(text)" : text
    }
}
