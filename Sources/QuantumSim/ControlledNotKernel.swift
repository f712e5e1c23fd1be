/// Applies CNOT to states stored as split real/imaginary arrays: swaps the amplitudes of `|…1…0…⟩` and
/// `|…1…1…⟩` (control bit 1, target bit 0 / 1).
enum ControlledNotKernel {
    @inline(__always)
    static func apply(re: UnsafeMutablePointer<Double>, im: UnsafeMutablePointer<Double>, count: Int,
                      controlStride: Int, targetStride: Int) {
        let low = min(controlStride, targetStride), high = max(controlStride, targetStride)
        // Runs of `low` consecutive indices share the bits at both strides.
        for i in Swift.stride(from: 0, to: count / 4, by: low) {
            let a = PairIndex.base(i, low: low, high: high) | controlStride, b = a | targetStride
            let ra = re + a, ia = im + a, rb = re + b, ib = im + b
            for t in 0..<low {
                let r = ra[t], m = ia[t]
                ra[t] = rb[t]; ia[t] = ib[t]
                rb[t] = r; ib[t] = m
            }
        }
    }
}
