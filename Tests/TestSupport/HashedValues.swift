/// Parameter and input values that a generator and a test compute alike, bit for bit, without storing them:
/// the formula of `fixtures/generators/torch_aevqc_backbones.py` (its docstring is the reference).
///
/// For tensor `key` and flat element `index`: `z = (key << 32) | index`, SplitMix64's output function of state
/// `z` (add the golden-gamma constant, two xor-shift-multiply rounds, a final xor-shift), `m = (z >> 40) − 2²³`,
/// `u = m · 2⁻²³` (exact, uniform on [−1, 1)), and the value `Float(offset + u · scale)` in Double (one product,
/// one sum, no fused multiply-add) with one rounding to Float.
public enum HashedValues {
    /// `u` on [−1, 1) for element `index` of tensor `key`.
    public static func unit(key: Int, index: Int) -> Double {
        precondition((0..<(1 << 32)).contains(key) && (0..<(1 << 32)).contains(index), "key \(key) / index \(index) out of 32 bits")
        var z = UInt64(key) << 32 | UInt64(index)
        z &+= 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(Int64(z >> 40) - (1 << 23)) * 0x1p-23
    }

    /// Elements `0 ..< count` of tensor `key`: `Float(offset + u · scale)`.
    public static func values(key: Int, count: Int, offset: Double, scale: Double) -> [Float] {
        (0..<count).map { index in
            let product = unit(key: key, index: index) * scale
            return Float(offset + product)
        }
    }
}
