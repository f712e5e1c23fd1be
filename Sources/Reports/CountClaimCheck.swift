import Catalog

/// A claim "better on k of n datasets" counted four ways: as the paper states it, in the paper's own verdict
/// column, from the paper's own numbers, and on our runs (by the paper's rule and by a paired test over seeds).
public struct CountClaimCheck: Sendable {
    public var claim: CountClaim
    /// One row per experiment comparing the two models in the claim's table, in the paper's order.
    public var rows: [PairedComparison]

    public init(claim: CountClaim, rows: [PairedComparison]) {
        self.claim = claim
        self.rows = rows
    }

    /// How often the published verdict column says `answer` ("Yes", "No", "Equal").
    public func publishedVerdicts(_ answer: String) -> Int { rows.filter { $0.publishedVerdict == answer }.count }

    /// How often the published numbers themselves give `answer` by the paper's rule.
    public func publishedNumbers(_ answer: String) -> Int { rows.filter { $0.publishedRule == answer }.count }

    /// The rows we have runs for.
    public var run: [PairedComparison] { rows.filter(\.isRun) }

    /// How often our runs give `answer` by the paper's rule (higher final-epoch mean).
    public func oursByPaperRule(_ answer: String) -> Int { run.filter { $0.paperRule() == answer }.count }

    /// How often the paired test over our seeds gives `outcome` (better ⇔ the 95 % CI lies above 0).
    public func oursByTest(_ outcome: PairedTTest.Outcome) -> Int { run.filter { $0.test?.outcome == outcome }.count }

    /// Whether any run row has at least 2 seeds, so the test applies.
    public var testable: Bool { run.contains { ($0.test?.outcome ?? .notTestable) != .notTestable } }

    /// What the evidence supports, in one paragraph.
    public func conclusion(reducedScale: Bool) -> String {
        let m = run.count, n = rows.count
        let stated = "The paper states \(claim.claimed) of \(claim.outOf); its own verdict column says Yes \(publishedVerdicts("Yes")) times "
            + "(\(publishedVerdicts("Equal")) Equal, \(publishedVerdicts("No")) No), and its own numbers put the model ahead on \(publishedNumbers("Yes")) of \(n). "
            + "Each of those rows is one unseeded run per model: without a spread over seeds, a difference of a fraction of a point cannot tell which model is better."
        guard m > 0 else {
            return stated + " None of the \(n) datasets has been run here, so there is no evidence of ours either way yet."
        }
        var text = stated + " On the \(m) dataset\(m == 1 ? "" : "s") run here, the model's mean final accuracy is higher on \(oursByPaperRule("Yes")) "
            + "(the paper's rule)"
        if testable {
            let better = oursByTest(.better), worse = oursByTest(.worse), none = oursByTest(.noSignificantDifference)
            let detectable = run.compactMap { $0.paired?.minimalDetectable }
            text += "; the 95 % confidence interval of the paired difference lies above 0 on \(better), below 0 on \(worse), and holds 0 on \(none)"
            if let lo = detectable.min(), let hi = detectable.max() {
                text += " (the smallest difference these seeds could detect is \(Format.fixed(lo, 2))–\(Format.fixed(hi, 2)) points)"
            }
            text += "."
            if better == 0 {
                text += " No quantum–classical difference can be resolved on any dataset run, so the runs neither support nor refute an advantage of the published size."
            } else {
                text += " The evidence supports an advantage on \(better) of \(m) datasets run, to be set against the \(claim.claimed) claimed."
            }
        } else {
            text += "; with one seed per dataset no interval is possible, so these counts are no better evidence than the paper's."
        }
        if m < n { text += " \(n - m) dataset\(n - m == 1 ? " is" : "s are") not run here, so the count over all \(n) cannot be checked in full." }
        if reducedScale { text += " This is a reduced-scale build: the counts are indicative only." }
        return text
    }
}
