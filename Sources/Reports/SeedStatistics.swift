import Foundation

/// Mean and sample standard deviation (n - 1) of one quantity over seeds.
public struct SeedStatistics: Equatable, Sendable {
    public let values: [Double]

    public init(_ values: [Double]) {
        self.values = values
    }

    public var count: Int { values.count }

    public var mean: Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }

    /// Sample standard deviation; 0 for a single value.
    public var standardDeviation: Double {
        guard values.count > 1 else { return 0 }
        let m = mean
        return (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)).squareRoot()
    }

    /// Standard error of the mean.
    public var standardError: Double {
        values.isEmpty ? .nan : standardDeviation / Double(values.count).squareRoot()
    }
}
