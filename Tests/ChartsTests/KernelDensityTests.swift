import Foundation
import Testing
import TestSupport
@testable import Charts

/// One case of `fixtures/charts/scipy_kde.json` (written by `fixtures/generators/scipy_kde_goldens.py`).
private struct KDECase: Decodable {
    let name: String
    let samples: [Double]
    let factor: Double
    let variance: Double
    let grid: [Double]
    let density: [Double]
    let bwMethod: BandwidthMethod

    enum BandwidthMethod: Decodable {
        case scott
        case factor(Double)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let v = try? c.decode(Double.self) { self = .factor(v) } else { self = .scott }
        }
    }
}

private struct KDEFixture: Decodable {
    let scipy: String
    let cases: [KDECase]
}

struct KernelDensityTests {
    private static let fixture = try! Fixtures.json(KDEFixture.self, "charts/scipy_kde.json")

    @Test(arguments: fixture.cases.map(\.name))
    func matchesScipyGaussianKDE(name: String) throws {
        let golden = try #require(Self.fixture.cases.first { $0.name == name })
        let kde: KernelDensity
        switch golden.bwMethod {
        case .scott: kde = try KernelDensity(samples: golden.samples)
        case .factor(let f): kde = try KernelDensity(samples: golden.samples, factor: f)
        }
        #expect(Tolerance.close(kde.factor, golden.factor, rel: Tolerance.scipyKDE))
        #expect(Tolerance.close(kde.variance, golden.variance, rel: Tolerance.scipyKDE))
        let density = kde.density(at: golden.grid)
        for (i, (a, b)) in zip(density, golden.density).enumerated() {
            #expect(Tolerance.close(a, b, rel: Tolerance.scipyKDE), "\(name)[\(i)] at x = \(golden.grid[i]): \(a) vs scipy \(b)")
        }
    }

    @Test func violinGridsAreNumpyLinspace() throws {
        for golden in Self.fixture.cases where golden.name.hasPrefix("violin") {
            let grid = KernelDensity.linspace(golden.samples.min()!, golden.samples.max()!, count: 100)
            #expect(grid == golden.grid, "\(golden.name)")
        }
    }

    /// Two samples 0 and 2: mean 1, variance (1 + 1)/(2 − 1) = 2, Scott factor 2^(−1/5), so
    /// h² = 2 · 2^(−2/5) = 2^(3/5). At x = 1 both kernels sit one unit away:
    /// f(1) = exp(−1/(2h²)) / √(2π h²).
    @Test func twoPointDensityByHand() throws {
        let kde = try KernelDensity(samples: [0, 2])
        let h2 = pow(2, 0.6)
        #expect(Tolerance.close(kde.variance, h2, rel: 1e-15))
        #expect(Tolerance.close(kde.density(at: 1), exp(-1 / (2 * h2)) / (2 * Double.pi * h2).squareRoot(), rel: 1e-15))
    }

    /// The estimate is a probability density: a trapezoid sum over ±10 bandwidths around the data is 1.
    @Test func integratesToOne() throws {
        let samples = (0..<50).map { sin(Double($0) * 1.7) * 0.3 + Double($0 % 7) * 0.01 }
        let kde = try KernelDensity(samples: samples)
        let lo = samples.min()! - 10 * kde.bandwidth, hi = samples.max()! + 10 * kde.bandwidth
        let xs = KernelDensity.linspace(lo, hi, count: 4001)
        let f = kde.density(at: xs)
        let dx = xs[1] - xs[0]
        let integral = dx * (f.reduce(0, +) - (f[0] + f[f.count - 1]) / 2)
        #expect(abs(integral - 1) < 1e-6)
    }

    @Test func degenerateInputThrows() {
        #expect(throws: ChartError.invalidData("kernel density: 1 sample(s), expected at least 2")) {
            try KernelDensity(samples: [1])
        }
        #expect(throws: ChartError.invalidData("kernel density: all 3 samples equal 0.0, so the spread is zero")) {
            try KernelDensity(samples: [0, 0, 0])
        }
        #expect(throws: ChartError.self) { try KernelDensity(samples: [0, .nan]) }
        #expect(throws: ChartError.self) { try KernelDensity(samples: [0, 1], factor: 0) }
    }
}
