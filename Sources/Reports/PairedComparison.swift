import Catalog
import Results

/// One row of a "model vs baseline per dataset" table (Vision-QRWKV Table 1): the published values and verdict,
/// and ours, paired by seed.
public struct PairedComparison: Sendable {
    public var experiment: Experiment
    public var model: String
    public var baseline: String
    /// As printed in the paper, and parsed.
    public var publishedModel: String?
    public var publishedBaseline: String?
    /// The paper's verdict for this row (`Yes`, `No`, `Equal`), when it prints one.
    public var publishedVerdict: String?
    /// Our final-epoch values per seed, in the paper's unit, for each seed both arms finished.
    public var seeds: [UInt64]
    public var modelValues: [Double]
    public var baselineValues: [Double]
    /// Why there are no values: the data error's message, or nil when the runs simply have not been made.
    public var missingData: String?

    /// The pairs of `results` for `model` vs `baseline` on `metric`; published values from `published` (`table`).
    public init(results: ExperimentResults, claim: CountClaim, published: [PublishedValue]) {
        experiment = results.experiment
        model = claim.model
        baseline = claim.baseline
        missingData = results.missingData
        func value(_ model: String, _ metric: String) -> String? {
            published.first { $0.table == claim.table && $0.dataset == results.experiment.dataset && $0.model == model && $0.metric == metric }?.value
        }
        publishedModel = value(claim.model, claim.metric.rawValue)
        publishedBaseline = value(claim.baseline, claim.metric.rawValue)
        publishedVerdict = claim.verdictMetric.flatMap { value(claim.model, $0) }
        seeds = []
        modelValues = []
        baselineValues = []
        let modelSpec = results.experiment.model(claim.model), baselineSpec = results.experiment.model(claim.baseline)
        for run in (results.records[claim.model] ?? []).sorted(by: { $0.identity.seed < $1.identity.seed }) {
            guard let twin = results.records[claim.baseline]?.first(where: { $0.identity.seed == run.identity.seed }),
                  let a = ExperimentResults.value(of: claim.metric, in: run, model: modelSpec),
                  let b = ExperimentResults.value(of: claim.metric, in: twin, model: baselineSpec) else { continue }
            seeds.append(run.identity.seed)
            modelValues.append(a)
            baselineValues.append(b)
        }
    }

    /// Whether we have at least one finished pair.
    public var isRun: Bool { !seeds.isEmpty }

    /// The published model − baseline difference.
    public var publishedDifference: Double? {
        guard let a = publishedModel.flatMap(Double.init), let b = publishedBaseline.flatMap(Double.init) else { return nil }
        return a - b
    }

    /// Per-seed model − baseline differences.
    public var differences: SeedStatistics { SeedStatistics(zip(modelValues, baselineValues).map { $0 - $1 }) }

    /// The mean paired difference with its 95 % CI and smallest detectable difference; nil when not run.
    public var paired: PairedDifference? { PairedDifference(differences: differences.values) }

    /// The published answer (Yes / No / Equal) judged on our paired CI (`PairedDifference.judge`): Yes is the claim
    /// "better" against the published gap, No the claim "not better", Equal the claim "equal" within the
    /// equivalence margin. Nil when not run or the paper prints no answer.
    public func answerVerdict(metric: Metric) -> Verdict? {
        guard let paired, let answer = publishedVerdict else { return nil }
        switch answer {
        case "Yes": return paired.judge(.better, publishedGap: publishedDifference)
        case "No": return paired.judge(.notBetter, publishedGap: publishedDifference)
        case "Equal": return paired.judge(.equal(margin: VerdictRules.equivalenceMargin(metric)), publishedGap: publishedDifference)
        default: return nil
        }
    }

    /// The paired t-test over seeds; nil when not run.
    public var test: PairedTTest? { PairedTTest(differences: differences.values) }

    /// The paper's rule on our numbers: "Yes" when the model's mean final value is higher than the baseline's as
    /// printed to `decimals` places, "Equal" when they print the same, "No" otherwise; nil when not run.
    public func paperRule(decimals: Int = 2) -> String? {
        guard isRun else { return nil }
        return Self.rule(SeedStatistics(modelValues).mean, SeedStatistics(baselineValues).mean, decimals: decimals)
    }

    /// The paper's rule applied to two printed numbers.
    static func rule(_ model: Double, _ baseline: Double, decimals: Int) -> String {
        let a = Format.fixed(model, decimals), b = Format.fixed(baseline, decimals)
        if a == b { return "Equal" }
        return model > baseline ? "Yes" : "No"
    }

    /// The published verdict re-derived from the published numbers by the paper's rule (nil without them).
    public var publishedRule: String? {
        guard let a = publishedModel, let b = publishedBaseline, let x = Double(a), let y = Double(b) else { return nil }
        return Self.rule(x, y, decimals: max(Verdict.decimals(of: a), Verdict.decimals(of: b)))
    }
}
