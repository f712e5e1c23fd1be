/// torchvision's `Normalize(mean, std)` as a training protocol applies it: per channel, after
/// the resize and `ToTensor`'s division by 255, `(x - mean[c]) / std[c]` in Float32.
public struct ChannelNormalization: Codable, Hashable, Sendable {
    /// Mean of each channel on the [0, 1] scale.
    public var mean: [Double]
    /// Standard deviation of each channel.
    public var std: [Double]
    /// Where the constants come from ("hard-coded in test_*_mnist.py").
    public var source: String

    public init(mean: [Double], std: [Double], source: String) {
        precondition(!mean.isEmpty && mean.count == std.count && std.allSatisfy { $0 > 0 },
                     "ChannelNormalization: \(mean.count) means and \(std.count) positive stds expected to match")
        self.mean = mean
        self.std = std
        self.source = source
    }

    /// The constants as the run identity records them: `mean (0.1307) std (0.3081)`.
    public var summary: String {
        func list(_ values: [Double]) -> String { "(" + values.map { "\($0)" }.joined(separator: ", ") + ")" }
        return "mean \(list(mean)) std \(list(std))"
    }
}
