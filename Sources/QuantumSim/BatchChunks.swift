import Dispatch

/// The fixed split of a batch into chunks of consecutive samples, processed in parallel.
///
/// The chunk size depends only on the state size, never on the machine, and callers reduce per-chunk
/// partial results in chunk order, so results are bitwise identical for any thread count.
struct BatchChunks {
    /// Samples per chunk for `wireCount`-qubit states: 64, fewer for large states so that a chunk's
    /// two state buffers stay near 2 MiB.
    static func samplesPerChunk(wireCount: Int) -> Int {
        max(1, min(64, (1 << 16) >> wireCount))
    }

    let batch: Int
    let size: Int

    init(batch: Int, wireCount: Int) {
        self.batch = batch
        self.size = Self.samplesPerChunk(wireCount: wireCount)
    }

    /// States side by side in a chunk's lane-inner buffers: the chunk size, or the next power of two at or
    /// above a smaller batch (a chunk with fewer samples fills the remaining lanes with `|0…0⟩`).
    var lanes: Int {
        var lanes = 1
        while lanes < min(size, batch) { lanes <<= 1 }
        return lanes
    }

    /// Number of chunks, `ceil(batch / size)`.
    var count: Int { (batch + size - 1) / size }

    /// The samples of chunk `c`.
    func samples(_ c: Int) -> Range<Int> { (c * size)..<min(batch, (c + 1) * size) }

    /// Runs `body` for every chunk, on several threads when `concurrently` and there is more than one.
    func forEach(concurrently: Bool, _ body: (Int) -> Void) {
        if concurrently && count > 1 {
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        } else {
            for c in 0..<count { body(c) }
        }
    }
}
