/// Enumerates the basis indices of a two-wire gate's blocks: index `i < count / 4` maps to the `i`-th
/// index whose bits at both strides are 0, by inserting a zero bit at the lower stride, then the higher.
enum PairIndex {
    @inline(__always)
    static func base(_ i: Int, low: Int, high: Int) -> Int {
        let k = (i & (low - 1)) | ((i & ~(low - 1)) << 1)
        return (k & (high - 1)) | ((k & ~(high - 1)) << 1)
    }
}
