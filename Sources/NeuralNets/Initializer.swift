/// Random initial values for parameters, with PyTorch's default schemes. Randomness comes
/// only from the generator the caller passes, converted to floating point by this module
/// (so the values depend on the generator's output alone, not on a library's algorithm).
public enum Initializer {
    /// A Double uniform in [0, 1): the top 53 bits of one `next()`, scaled by 2⁻⁵³.
    @inlinable
    public static func unitInterval(_ generator: inout some RandomNumberGenerator) -> Double {
        Double(generator.next() >> 11) * 0x1p-53
    }

    /// `count` values uniform in [lower, upper), each `lower + (upper − lower)·u` computed in
    /// Double and rounded to Float (PyTorch's `uniform_` formula), drawn in order.
    @inlinable
    public static func uniform(count: Int, lower: Double, upper: Double,
                               generator: inout some RandomNumberGenerator) -> [Float] {
        var values = [Float](repeating: 0, count: count)
        for i in 0..<count { values[i] = Float(lower + (upper - lower) * unitInterval(&generator)) }
        return values
    }

    /// The bound `b` of PyTorch's default weight initialisation for `Linear` and `Conv2d`,
    /// `kaiming_uniform_(a: √5)`, which draws from U(−b, b):
    /// gain = √(2 / (1 + a²)) = √(1/3), std = gain / √fan_in, b = √3 · std = 1 / √fan_in.
    /// `fanIn` is `in_features` for Linear and `C·kh·kw` for Conv2d. Zero for `fanIn` 0.
    public static func kaimingUniformBound(fanIn: Int) -> Double {
        fanIn > 0 ? 1 / Double(fanIn).squareRoot() : 0
    }

    /// The bound of PyTorch's default bias initialisation for `Linear` and `Conv2d`:
    /// U(−1/√fan_in, 1/√fan_in) (zero for `fanIn` 0). Numerically the same as the weight
    /// bound; kept separate because the two come from different rules.
    public static func biasBound(fanIn: Int) -> Double {
        fanIn > 0 ? 1 / Double(fanIn).squareRoot() : 0
    }
}
