import Foundation

extension Initializer {
    /// `count` values from N(0, std²) by the Box–Muller transform, each pair from two `unitInterval` draws
    /// (u1 mapped to (0, 1] so the logarithm is finite), computed in Double and rounded to Float, drawn in order.
    /// The values follow torch's `normal_` in distribution, not bit for bit.
    public static func normal(count: Int, std: Double, generator: inout some RandomNumberGenerator) -> [Float] {
        var values = [Float](repeating: 0, count: count)
        var i = 0
        while i < count {
            let u1 = 1 - unitInterval(&generator)
            let u2 = unitInterval(&generator)
            let radius = (-2 * log(u1)).squareRoot() * std
            values[i] = Float(radius * cos(2 * Double.pi * u2))
            if i + 1 < count { values[i + 1] = Float(radius * sin(2 * Double.pi * u2)) }
            i += 2
        }
        return values
    }

    /// torch's `kaiming_normal_(mode="fan_out", nonlinearity="relu")` for a convolution weight
    /// `[outChannels, inChannels/groups, k, k]`: std = sqrt(2 / (outChannels k k)).
    public static func kaimingNormalFanOut(outChannels: Int, kernelSize: Int, count: Int,
                                           generator: inout some RandomNumberGenerator) -> [Float] {
        normal(count: count, std: (2.0 / Double(outChannels * kernelSize * kernelSize)).squareRoot(), generator: &generator)
    }
}
