import Foundation
import Testing
import TestSupport
@testable import Reports

/// The verdict rule's error rates, by simulation (seeded, fast): faithful replications must rarely be called
/// "differs", and a real shift of 3 standard deviations must usually be.
///
/// Model of one replication: seed j of a model has true accuracy μ + δ + σ·z_j (δ = 0 for ours); a test set of N images
/// adds one offset shared by every run evaluated on it, (Binomial(N, μ)/N − μ) in points; the paper prints its number
/// rounded to `decimals`. Ours: n seeds on our test set. Published: one run (k = 1) or the mean ± sample std of k
/// seeds, on the paper's test set (another sample of N images, or the same set).
struct VerdictCalibrationTests {
    struct Scenario {
        var n: Int
        var k: Int
        var sigma: Double
        var mu: Double
        /// Test images on each side when the paper's set is another sample; nil: the same set.
        var testImages: Int?
        var decimals: Int
        var shiftSDs: Double = 0
    }

    struct Rates {
        var differs: Double
        /// The published value outside the interval, whatever the margin.
        var outside: Double
    }

    static func normal(_ rng: inout SplitMix64) -> Double {
        let u1 = (Double(rng.next() >> 11) + 0.5) / 9_007_199_254_740_992, u2 = Double(rng.next() >> 11) / 9_007_199_254_740_992
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// The offset (points) of one test set of `images` images drawn at accuracy `mu` %.
    static func testSetOffset(_ rng: inout SplitMix64, images: Int, mu: Double) -> Double {
        var correct = 0
        for _ in 0..<images where Double(rng.next() >> 11) / 9_007_199_254_740_992 < mu / 100 { correct += 1 }
        return Double(correct) / Double(images) * 100 - mu
    }

    static func simulate(_ s: Scenario, replications: Int, seed: UInt64) -> Rates {
        var rng = SplitMix64(seed: seed)
        var differs = 0, outside = 0
        let scale = pow(10, Double(s.decimals))
        for _ in 0..<replications {
            let ourSet = s.testImages.map { testSetOffset(&rng, images: $0, mu: s.mu) } ?? 0
            let paperSet = s.testImages.map { testSetOffset(&rng, images: $0, mu: s.mu) } ?? 0
            let ours = (0..<s.n).map { _ in s.mu + s.sigma * normal(&rng) + ourSet }
            let theirs = (0..<s.k).map { _ in s.mu + s.shiftSDs * s.sigma + s.sigma * normal(&rng) + paperSet }
            let stats = SeedStatistics(theirs)
            let published = (stats.mean * scale).rounded() / scale
            let spread = s.k > 1 ? (stats.standardDeviation * scale).rounded() / scale : nil
            let judged = Verdict.judge(ours: SeedStatistics(ours), published: published, publishedSpread: spread, publishedSeeds: s.k,
                                       printedDecimals: s.decimals, testImages: s.testImages.map { (published: $0, ours: $0) })
            if judged.verdict == .differs { differs += 1 }
            if let h = judged.halfWidth, abs(judged.difference) > h { outside += 1 }
        }
        return Rates(differs: Double(differs) / Double(replications), outside: Double(outside) / Double(replications))
    }

    /// Faithful replications, test-set noise on (100 test images on each side, as HQNN-Quanv), n = 3 and 10, against a
    /// single published run and against a mean ± std over 10 seeds: at most 6 % "differs". The interval's own miss rate
    /// sits near its nominal 5 % (within 3.5–6.5 %, 6,000 replications: ±0.9 % is 3 standard errors).
    @Test(arguments: [3, 10]) func faithfulReplicationsRarelyDiffer(n: Int) {
        for (k, decimals) in [(1, 2), (10, 0)] {
            for images in [Optional(100), nil] {
                let rates = Self.simulate(Scenario(n: n, k: k, sigma: 2, mu: 75, testImages: images, decimals: decimals),
                                          replications: 6000, seed: UInt64(97 + n * 10 + k + (images ?? 0)))
                #expect(rates.differs <= 0.06, "n = \(n), k = \(k), test images \(images.map(String.init) ?? "shared"): \(rates.differs)")
                #expect(rates.outside <= 0.065, "miss rate \(rates.outside)")
                if k == 1 && images == nil {
                    // Exactly the prediction interval's setting: the miss rate is 5 % (plus rounding's slack, which can only lower it).
                    #expect(rates.outside >= 0.035, "miss rate \(rates.outside)")
                }
            }
        }
    }

    /// A real shift of 3 standard deviations at n = 10 against a published mean ± std over 10 seeds: at least 80 %
    /// "differs". Against a single published run, the best any 95 % rule can do at n = 10 is the non-central t power
    /// P(|T| > t(0.975, 9)) with T ~ t(9, 3/√1.1): 0.7214 (scipy.stats.nct); the rule must reach it (within 3 points).
    @Test func realShiftIsDetected() {
        let welch = Self.simulate(Scenario(n: 10, k: 10, sigma: 2, mu: 75, testImages: nil, decimals: 0, shiftSDs: 3),
                                  replications: 4000, seed: 11)
        #expect(welch.differs >= 0.80, "k = 10: \(welch.differs)")
        let single = Self.simulate(Scenario(n: 10, k: 1, sigma: 2, mu: 75, testImages: nil, decimals: 2, shiftSDs: 3),
                                   replications: 6000, seed: 12)
        #expect(single.differs >= 0.69 && single.differs <= 0.75, "k = 1: \(single.differs)")
    }
}
