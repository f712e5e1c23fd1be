import Catalog
import Foundation

/// Every number the verdicts depend on, in one place, with each rule in the words the report prints
/// (`docs/verdicts.md` says the same at more length).
public enum VerdictRules {
    /// Coverage of every interval the report prints.
    public static let confidence = 0.95

    /// The power the smallest detectable difference is quoted at.
    public static let power = 0.80

    /// The practical margin of a metric: a difference from the published value smaller than this is not called
    /// "differs" even when it lies outside the interval, and an interval wider than this (half-width) cannot support
    /// "consistent". Accuracy and macro-F1: 1 percentage point. Losses: a quarter of the published value (losses vary over orders
    /// of magnitude between datasets). Parameter counts are exact: no margin.
    public static func practicalMargin(_ metric: Metric, published: Double) -> Double {
        switch metric {
        case .testAccuracy, .macroF1: return 1.0
        case .trainLoss, .testLoss: return 0.25 * abs(published)
        case .parameters, .kernelParameters, .headParameters: return 0
        }
    }

    /// The equivalence margin for claims that two models are equal ("reaches the accuracy of", "Equal"): the
    /// difference must lie within ± this for the claim to hold. Accuracy and macro-F1: 1 percentage point.
    public static func equivalenceMargin(_ metric: Metric) -> Double {
        metric == .testAccuracy || metric == .macroF1 ? 1.0 : 0
    }

    /// Whether a metric is fixed by the architecture (a count the model was built to have), not measured.
    public static func isByConstruction(_ metric: Metric) -> Bool {
        metric == .parameters || metric == .kernelParameters || metric == .headParameters
    }

    /// The two-sided t quantile for `confidence` at `degreesOfFreedom`.
    public static func tQuantile(degreesOfFreedom: Double) -> Double {
        StudentT.quantile(0.5 + confidence / 2, degreesOfFreedom: degreesOfFreedom)
    }

    /// Binomial variance of an accuracy (in percent, as printed) measured on `images` test images:
    /// p(1 − p)/n in percent².
    public static func testSetVariance(accuracyPercent: Double, images: Int) -> Double {
        let p = min(max(accuracyPercent / 100, 0), 1)
        return p * (1 - p) / Double(max(images, 1)) * 10_000
    }

    /// Half a unit in the last digit the paper printed.
    public static func rounding(printedDecimals: Int) -> Double { 0.5 * pow(10, -Double(printedDecimals)) }

    /// The rules in the report's words, one sentence each, in the order the report applies them.
    public static let statements: [(name: String, text: String)] = [
        ("Ours vs a published single run",
         "A published number from one run is treated as one more draw from the distribution our seeds sample. Our 95 % prediction interval for one new run is "
            + "mean ± t(0.975, n − 1) · s · √(1 + 1/n), where n is our number of seeds and s their sample standard deviation. Where the paper measured on a "
            + "different sample of test images than ours, the binomial variance p(1 − p)/N of each test set (N images) is added under the square root "
            + "(Satterthwaite's degrees of freedom), and half a unit of the paper's last printed digit is added to the half-width."),
        ("Ours vs a published mean ± std over k seeds",
         "Two samples: Welch's 95 % confidence interval for the difference of the means, (ours − published) ± t(0.975, ν) · √(s²/n + s_p²/k), with "
            + "Welch–Satterthwaite ν, widened by the test-set variance and the printed rounding as above."),
        ("Verdicts",
         "consistent: the published value lies inside an interval whose half-width is at most the practical margin, or outside the interval by a "
            + "difference smaller than that margin; differs: the published value lies outside the interval and the difference exceeds the practical margin; "
            + "inconclusive: fewer than 2 seeds, or the published value lies inside an interval wider than the practical margin (this many seeds cannot tell). "
            + "Practical margin: 1 percentage point of accuracy; a quarter of the published value for losses. Parameter counts are fixed by the "
            + "architecture: they match or differ, and are counted apart from the measured numbers."),
        ("Model − baseline (paired)",
         "Runs of the two models with the same seed are paired. We report the mean of the per-seed differences with its 95 % confidence interval, "
            + "mean ± t(0.975, n − 1) · s_d/√n, and the smallest difference this n could detect, (t(0.975, n − 1) + t(0.80, n − 1)) · s_d/√n "
            + "(80 % power, two-sided 5 % test)."),
        ("Claims",
         "'better' holds when the whole interval lies above zero, fails when it lies below zero or below the published gap with zero inside it, and is inconclusive "
            + "when it contains both zero and the published gap. 'not better' (the paper's No) holds unless the whole interval lies above zero. "
            + "'equal' holds when the interval lies within ± the equivalence margin (1 percentage point of accuracy), fails when it lies entirely outside it, "
            + "and is inconclusive otherwise. A count ratio ('n times fewer parameters') holds when our counts give it, and is inconclusive when the "
            + "compared model cannot be rebuilt to its published count."),
        ("Calibration",
         "The test suite simulates faithful replications (published value and our seeds from one distribution, with test-set sampling noise) at n = 3 and "
            + "n = 10 and requires at most 6 % 'differs'; a real shift of 3 standard deviations against a published mean over 10 seeds must give at least "
            + "80 % 'differs' at n = 10. Against a single published run no 95 % rule can reach 80 % at n = 10 (the non-central t bound is 72 %)."),
    ]
}
