/// Applies SWAP to states stored as split real/imaginary arrays: exchanges the amplitudes of `|…1…0…⟩`
/// and `|…0…1…⟩` (bits at the two strides).
enum SwapKernel {
    @inline(__always)
    static func apply(re: UnsafeMutablePointer<Double>, im: UnsafeMutablePointer<Double>, count: Int,
                      strides: (Int, Int)) {
        let low = min(strides.0, strides.1), high = max(strides.0, strides.1)
        for i in 0..<(count / 4) {
            let k = PairIndex.base(i, low: low, high: high)
            let a = k | low, b = k | high
            let r = re[a], m = im[a]
            re[a] = re[b]; im[a] = im[b]
            re[b] = r; im[b] = m
        }
    }
}
