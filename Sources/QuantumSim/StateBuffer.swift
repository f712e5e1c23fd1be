/// Scratch amplitudes for one chunk of states (split real/imaginary), allocated once per chunk.
struct StateBuffer {
    let re: UnsafeMutablePointer<Double>
    let im: UnsafeMutablePointer<Double>
    let count: Int

    init(count: Int) {
        self.count = count
        re = .allocate(capacity: max(count, 1))
        im = .allocate(capacity: max(count, 1))
    }

    /// `samples` copies of `|0…0⟩`, each of `dimension` amplitudes.
    func setToZeroStates(samples: Int, dimension: Int) {
        re.update(repeating: 0, count: samples * dimension)
        im.update(repeating: 0, count: samples * dimension)
        for b in 0..<samples { re[b * dimension] = 1 }
    }

    func deallocate() {
        re.deallocate()
        im.deallocate()
    }
}
