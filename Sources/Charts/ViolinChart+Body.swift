extension ViolinChart {
    /// The outline of one violin, as matplotlib's `violin_stats` computes it: the kernel density
    /// estimate on `ViolinChart.densityPoints` evenly spaced values from the smallest to the largest
    /// sample, scaled so the widest point has half-width 1.
    public struct Body: Sendable, Hashable {
        /// Values along the value axis, ascending.
        public var coordinates: [Double]
        /// Half-widths at each coordinate, in 0...1 (1 at the density's maximum).
        public var halfWidths: [Double]

        /// The violin of `samples`; nil for no samples. Samples that are all equal (no spread, so no
        /// density) give a single coordinate of half-width 1: a flat line where matplotlib would fail.
        public init?(samples: [Double], points: Int = ViolinChart.densityPoints) {
            guard let lo = samples.min(), let hi = samples.max() else { return nil }
            guard samples.count >= 2, let kde = try? KernelDensity(samples: samples) else {
                coordinates = [lo]
                halfWidths = [1]
                return
            }
            coordinates = KernelDensity.linspace(lo, hi, count: max(2, points))
            let density = kde.density(at: coordinates)
            let peak = density.max() ?? 1
            halfWidths = density.map { $0 / peak }
        }
    }
}
