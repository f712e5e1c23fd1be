/// Applies SWAP to states stored as split real/imaginary arrays: exchanges the amplitudes of `|…1…0…⟩`
/// and `|…0…1…⟩` (bits at the two strides).
enum SwapKernel {
    @inline(__always)
    static func apply(re: UnsafeMutablePointer<Double>, im: UnsafeMutablePointer<Double>, count: Int,
                      strides: (Int, Int)) {
        let low = min(strides.0, strides.1), high = max(strides.0, strides.1)
        // Runs of `low` consecutive indices share the bits at both strides.
        for i in Swift.stride(from: 0, to: count / 4, by: low) {
            let k = PairIndex.base(i, low: low, high: high)
            let a = k | low, b = k | high
            let ra = re + a, ia = im + a, rb = re + b, ib = im + b
            for t in 0..<low {
                let r = ra[t], m = ia[t]
                ra[t] = rb[t]; ia[t] = ib[t]
                rb[t] = r; ib[t] = m
            }
        }
    }
}
