import Foundation

/// A one-dimensional Gaussian kernel density estimate, computed as `scipy.stats.gaussian_kde` does.
///
/// The kernel's standard deviation is `factor × s`, where `s` is the sample standard deviation
/// with Bessel's correction (ddof = 1) and `factor` defaults to Scott's rule, n^(−1/5) in one
/// dimension. The density at x is (1/n) Σᵢ φ((x − xᵢ)/h) / h with φ the standard normal density.
public struct KernelDensity: Sendable, Hashable {
    /// The data the estimate is built from.
    public let samples: [Double]
    /// The bandwidth factor (Scott's n^(−1/5) unless given).
    public let factor: Double
    /// The kernel's variance: sample variance (ddof = 1) × factor², scipy's `covariance`.
    public let variance: Double

    /// The kernel's standard deviation.
    public var bandwidth: Double { variance.squareRoot() }

    /// An estimate with Scott's bandwidth. Throws unless there are at least two finite samples
    /// with a positive spread (scipy fails on a singular covariance too).
    public init(samples: [Double]) throws {
        try self.init(samples: samples, factor: Self.scottFactor(sampleCount: samples.count))
    }

    /// An estimate whose kernel standard deviation is `factor` times the sample standard deviation
    /// (scipy's scalar `bw_method`).
    public init(samples: [Double], factor: Double) throws {
        guard samples.count >= 2 else {
            throw ChartError.invalidData("kernel density: \(samples.count) sample(s), expected at least 2")
        }
        if let bad = samples.first(where: { !$0.isFinite }) {
            throw ChartError.invalidData("kernel density: sample \(bad) is not finite")
        }
        guard factor.isFinite, factor > 0 else {
            throw ChartError.invalidData("kernel density: bandwidth factor \(factor), expected positive and finite")
        }
        let n = Double(samples.count)
        let mean = samples.reduce(0, +) / n
        let sampleVariance = samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        guard sampleVariance > 0, sampleVariance.isFinite else {
            throw ChartError.invalidData("kernel density: all \(samples.count) samples equal \(samples[0]), so the spread is zero")
        }
        self.samples = samples
        self.factor = factor
        self.variance = sampleVariance * factor * factor
    }

    /// Scott's rule in one dimension: n^(−1/5).
    public static func scottFactor(sampleCount: Int) -> Double {
        pow(Double(sampleCount), -0.2)
    }

    /// The estimated density at `x`.
    public func density(at x: Double) -> Double {
        let inverseTwoVariance = 1 / (2 * variance)
        var sum = 0.0
        for s in samples {
            let d = x - s
            sum += exp(-d * d * inverseTwoVariance)
        }
        return sum / (Double(samples.count) * (2 * Double.pi * variance).squareRoot())
    }

    /// The estimated density at each of `xs`.
    public func density(at xs: [Double]) -> [Double] {
        xs.map { density(at: $0) }
    }

    /// `count` evenly spaced values from `start` to `stop`, both included, computed as
    /// `numpy.linspace` does (start + i × step, the last one exactly `stop`).
    public static func linspace(_ start: Double, _ stop: Double, count: Int) -> [Double] {
        guard count > 1 else { return count == 1 ? [start] : [] }
        let step = (stop - start) / Double(count - 1)
        var values = (0..<count).map { Double($0) * step + start }
        values[count - 1] = stop
        return values
    }
}
