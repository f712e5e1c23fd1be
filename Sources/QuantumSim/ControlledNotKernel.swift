/// Applies CNOT to states stored as split real/imaginary arrays: swaps the amplitudes of `|…1…0…⟩` and
/// `|…1…1…⟩` (control bit 1, target bit 0 / 1).
enum ControlledNotKernel {
    @inline(__always)
    static func apply(re: UnsafeMutablePointer<Double>, im: UnsafeMutablePointer<Double>, count: Int,
                      controlStride: Int, targetStride: Int) {
        let low = min(controlStride, targetStride), high = max(controlStride, targetStride)
        for i in 0..<(count / 4) {
            let a = PairIndex.base(i, low: low, high: high) | controlStride, b = a | targetStride
            let r = re[a], m = im[a]
            re[a] = re[b]; im[a] = im[b]
            re[b] = r; im[b] = m
        }
    }
}
