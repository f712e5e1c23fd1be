/// A run of CNOT, SWAP and PauliX gates as one permutation of the basis states: amplitude `k` moves to
/// `image(k)`. Applied in place along its cycles, one pass instead of one per gate (an entangler ring of `M`
/// CNOTs is one pass). For small states only (`maxDimension`): the cycles jump through the state.
@usableFromInline struct BasisPermutation: @unchecked Sendable {
    /// Largest state the simulator fuses permutations for (`2^10`).
    static let maxDimension = 1 << 10

    /// Owns the index arrays of the permutations built with it; the permutations hold plain pointers into it
    /// (no reference counting when a kernel is copied in the hot loops), so it must outlive them:
    /// `CompiledCircuit` keeps it next to its operations.
    final class Storage {
        private var buffers: [UnsafeMutablePointer<Int>] = []

        /// A copy of `values` that lives as long as this storage.
        func store(_ values: [Int]) -> UnsafePointer<Int> {
            let buffer = UnsafeMutablePointer<Int>.allocate(capacity: max(values.count, 1))
            buffer.initialize(from: values, count: values.count)
            buffers.append(buffer)
            return UnsafePointer(buffer)
        }

        deinit { for buffer in buffers { buffer.deallocate() } }
    }

    /// Amplitudes per state.
    let dimension: Int
    /// The non-trivial cycles back to back: `k → image(k)` along each, the last entry back to the first.
    let cycles: UnsafePointer<Int>
    /// Where each cycle starts in `cycles`, `cycleCount + 1` entries (the last is the end of the last cycle).
    let starts: UnsafePointer<Int>
    /// Number of non-trivial cycles.
    let cycleCount: Int
    /// Whether to apply the inverse permutation.
    let inverse: Bool

    /// The permutation of `gates` applied in order: each `(gate, strides)` a CNOT (control, target strides), SWAP
    /// or PauliX (`strides.0`) on states of `dimension` amplitudes; its arrays go to `storage`.
    init(_ gates: [(gate: Gate, strides: (Int, Int))], dimension: Int, storage: Storage) {
        var image = Array(0..<dimension)
        for k in 0..<dimension {
            var j = k
            for (gate, (s0, s1)) in gates {
                switch gate {
                case .cnot: if j & s0 != 0 { j ^= s1 }
                case .swap: if (j & s0 != 0) != (j & s1 != 0) { j ^= s0 | s1 }
                case .pauliX: j ^= s0
                default: preconditionFailure("BasisPermutation: \(gate.rawValue) is not a basis permutation")
                }
            }
            image[k] = j
        }
        var seen = [Bool](repeating: false, count: dimension)
        var cycles: [Int] = [], starts: [Int] = []
        for k in 0..<dimension where !seen[k] && image[k] != k {
            starts.append(cycles.count)
            var j = k
            while !seen[j] {
                seen[j] = true
                cycles.append(j)
                j = image[j]
            }
        }
        cycleCount = starts.count
        starts.append(cycles.count)
        self.dimension = dimension
        self.cycles = storage.store(cycles)
        self.starts = storage.store(starts)
        inverse = false
    }

    /// Whether the simulator treats `gate` as part of a permutation run.
    static func isPermutation(_ gate: Gate) -> Bool { gate == .cnot || gate == .swap || gate == .pauliX }

    /// The inverse permutation (same storage).
    var inverted: BasisPermutation {
        BasisPermutation(dimension: dimension, cycles: cycles, starts: starts, cycleCount: cycleCount,
                         inverse: !inverse)
    }

    private init(dimension: Int, cycles: UnsafePointer<Int>, starts: UnsafePointer<Int>, cycleCount: Int,
                 inverse: Bool) {
        self.dimension = dimension
        self.cycles = cycles
        self.starts = starts
        self.cycleCount = cycleCount
        self.inverse = inverse
    }

    /// Permutes `count / dimension` states stored lane-inner (each basis state's amplitudes of all lanes form one
    /// row of `count / dimension` values): row `k` moves to row `image(k)`, or back for the inverse.
    @inline(__always)
    func apply(re: UnsafeMutablePointer<Double>, im: UnsafeMutablePointer<Double>, count: Int) {
        let row = count / dimension
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * row) { temporary in
            let tr = temporary.baseAddress!, ti = tr + row
            do {
                for c in 0..<cycleCount {
                    let first = starts[c], last = starts[c + 1] - 1
                    if inverse {
                        // new[c_j] = old[c_{j+1}], new[c_last] = old[c_first].
                        tr.update(from: re + cycles[first] * row, count: row)
                        ti.update(from: im + cycles[first] * row, count: row)
                        for j in first..<last {
                            (re + cycles[j] * row).update(from: re + cycles[j + 1] * row, count: row)
                            (im + cycles[j] * row).update(from: im + cycles[j + 1] * row, count: row)
                        }
                        (re + cycles[last] * row).update(from: tr, count: row)
                        (im + cycles[last] * row).update(from: ti, count: row)
                    } else {
                        // new[c_{j+1}] = old[c_j], new[c_first] = old[c_last].
                        tr.update(from: re + cycles[last] * row, count: row)
                        ti.update(from: im + cycles[last] * row, count: row)
                        for j in stride(from: last, to: first, by: -1) {
                            (re + cycles[j] * row).update(from: re + cycles[j - 1] * row, count: row)
                            (im + cycles[j] * row).update(from: im + cycles[j - 1] * row, count: row)
                        }
                        (re + cycles[first] * row).update(from: tr, count: row)
                        (im + cycles[first] * row).update(from: ti, count: row)
                    }
                }
            }
        }
    }
}
