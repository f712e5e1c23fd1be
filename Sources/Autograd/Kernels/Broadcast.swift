/// How two shapes broadcast against each other (NumPy rules: align trailing axes; an axis
/// of extent 1 stretches), as a loop nest over the result whose axes are coalesced so the
/// innermost run is as long as possible (equal shapes become one run over everything).
struct Broadcast {
    /// The result shape.
    let shape: [Int]
    /// Coalesced extents of the loop nest, outermost first; the last one is the inner run.
    private let extents: [Int]
    /// Element strides of the two operands and of the (contiguous) result, per coalesced axis;
    /// 0 where an operand is broadcast.
    private let stridesA: [Int], stridesB: [Int], stridesOut: [Int]

    /// The broadcast of `a` and `b`.
    /// - Precondition: the shapes are compatible.
    init(_ a: [Int], _ b: [Int]) {
        let rank = max(a.count, b.count)
        let pa = [Int](repeating: 1, count: rank - a.count) + a
        let pb = [Int](repeating: 1, count: rank - b.count) + b
        var shape = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            precondition(pa[i] == pb[i] || pa[i] == 1 || pb[i] == 1,
                         "shapes \(a) and \(b) do not broadcast (axis \(i - rank): \(pa[i]) vs \(pb[i]))")
            shape[i] = pa[i] == 1 ? pb[i] : pa[i]
        }
        self.shape = shape

        // Per-axis strides, skipping axes of result extent 1 (they do not move any offset).
        var axes: [(extent: Int, a: Int, b: Int, out: Int)] = []
        var sa = 1, sb = 1, so = 1
        for i in stride(from: rank - 1, through: 0, by: -1) where shape[i] != 1 {
            axes.append((shape[i], pa[i] == 1 ? 0 : sa, pb[i] == 1 ? 0 : sb, so))
            sa *= pa[i]; sb *= pb[i]; so *= shape[i]
        }
        // axes is innermost first; merge an outer axis into the current one when every
        // operand steps through both as one contiguous (or wholly broadcast) range.
        var merged: [(extent: Int, a: Int, b: Int, out: Int)] = []
        for axis in axes {
            if var last = merged.last,
               axis.a == last.a * last.extent, axis.b == last.b * last.extent, axis.out == last.out * last.extent {
                last.extent *= axis.extent
                merged[merged.count - 1] = last
            } else {
                merged.append(axis)
            }
        }
        if merged.isEmpty { merged = [(1, 0, 0, 1)] }
        merged.reverse()
        extents = merged.map(\.extent)
        stridesA = merged.map(\.a)
        stridesB = merged.map(\.b)
        stridesOut = merged.map(\.out)
    }

    /// Calls `body(outOffset, aOffset, bOffset, count, strideA, strideB)` for every inner
    /// run, in row-major order of the result; within a run the result is contiguous and the
    /// operands advance by `strideA` / `strideB` (each 0 or 1).
    @inline(__always)
    func forEachRun(_ body: (_ out: Int, _ a: Int, _ b: Int, _ count: Int, _ strideA: Int, _ strideB: Int) -> Void) {
        let depth = extents.count
        let inner = extents[depth - 1], ia = stridesA[depth - 1], ib = stridesB[depth - 1]
        guard inner > 0, !extents.contains(0) else { return }
        var index = [Int](repeating: 0, count: depth - 1)
        var oa = 0, ob = 0, oo = 0
        while true {
            body(oo, oa, ob, inner, ia, ib)
            // Advance the odometer over the outer axes.
            var axis = depth - 2
            while axis >= 0 {
                index[axis] += 1
                oa += stridesA[axis]; ob += stridesB[axis]; oo += stridesOut[axis]
                if index[axis] < extents[axis] { break }
                oa -= stridesA[axis] * extents[axis]
                ob -= stridesB[axis] * extents[axis]
                oo -= stridesOut[axis] * extents[axis]
                index[axis] = 0
                axis -= 1
            }
            if axis < 0 { return }
        }
    }
}
