import Catalog
import Results

/// How the report words its verdicts: the rule sentence tables cite, the interval cell, and the section stating
/// every rule (`VerdictRules.statements`).
extension PaperReport {
    /// The sentence a table of published-vs-ours rows cites for its verdicts.
    static let verdictRuleSentence = "Verdicts: the published value against our 95 % interval (for a single published run, the prediction interval "
        + "for one new run, mean ± t(0.975, n − 1)·s·√(1 + 1/n); for a published mean ± std, Welch's interval), widened by test-set sampling "
        + "error where the paper tested on other images and by the paper's rounding; 'differs' needs a gap beyond both the interval and the practical "
        + "margin (1 point of accuracy), and an interval wider than that margin is 'inconclusive' (see 'How the verdicts are reached')."

    /// "[98.70, 99.50]" for the range the published value was judged against, "exact" for counts, "-" otherwise.
    static func intervalText(_ row: ComparisonRow) -> String {
        guard let judgement = row.judgement else { return "-" }
        if judgement.method == .exact { return "exact" }
        guard let interval = judgement.interval else { return "- (1 seed)" }
        let d = decimals(row.metric)
        return "[\(Format.fixed(interval.lowerBound, d)), \(Format.fixed(interval.upperBound, d))]"
    }

    /// A dataset as the tables name it (its registry id).
    static func datasetName(_ experiment: Experiment) -> String { experiment.dataset }

    /// The appendix naming every missing file, as the body cites it.
    static let missingDataAppendix = "Appendix C (Missing data)"

    /// One line per dataset whose data was missing: the files, md5 and how to get them (no local paths).
    func missingDataSection() -> ReportSection? {
        var seen = Set<String>(), lines: [String] = []
        for results in experiments where results.records.values.allSatisfy(\.isEmpty) {
            guard let line = results.missingData, seen.insert(results.experiment.dataset).inserted else { continue }
            lines.append(line.hasPrefix(results.experiment.dataset + ":") ? line : "\(results.experiment.dataset): \(line)")
        }
        guard !lines.isEmpty else { return nil }
        return ReportSection(title: "Appendix C — Missing data", blocks: [
            .paragraph("Datasets whose files were not on the machine that built this report; their experiments show as 'not run: data missing'. "
                + "A user with the files gets those rows filled."),
            .bulletList(lines),
        ])
    }

    /// Every rule of `VerdictRules`, stated as the report applies it.
    func verdictRulesSection() -> ReportSection {
        ReportSection(title: "How the verdicts are reached", blocks: [
            .definitionList(VerdictRules.statements.map { ReportDefinition(term: $0.name, detail: $0.text) }),
        ])
    }
}
