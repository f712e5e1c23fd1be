import Dispatch

/// The fixed split of a batch into chunks of consecutive samples, processed in parallel.
///
/// The chunk size depends only on the state size, never on the machine, and callers reduce per-chunk
/// partial results in chunk order, so results are bitwise identical for any thread count.
struct BatchChunks {
    /// Samples per chunk for `wireCount`-qubit states: 32 (so a batch of 64 already uses two cores), 64 up to
    /// 4 qubits (states so small that the per-chunk work around the gates would dominate), fewer for large
    /// states so that a chunk's two state buffers stay near 2 MiB.
    static func samplesPerChunk(wireCount: Int) -> Int {
        wireCount <= 4 ? 64 : max(1, min(32, (1 << 16) >> wireCount))
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

    /// Workers that share the chunks in `forEachWorker`: a fixed number, never the machine's core count.
    static let workerCount = 8

    /// Runs `body` once per worker with the chunks it takes, on several threads when `concurrently`: worker `w`
    /// takes chunks `w, w + W, w + 2W, …` (`W = min(count, workerCount)`) in order, so it can reuse one set of
    /// buffers for all of them. Which chunks a worker gets does not change any result (each chunk is computed
    /// on its own and reduced in chunk order).
    func forEachWorker(concurrently: Bool, _ body: (StrideTo<Int>) -> Void) {
        let workers = min(count, Self.workerCount)
        if concurrently && workers > 1 {
            DispatchQueue.concurrentPerform(iterations: workers) { w in body(stride(from: w, to: count, by: workers)) }
        } else {
            for w in 0..<workers { body(stride(from: w, to: count, by: workers)) }
        }
    }

    /// Runs `body` for every chunk, on several threads when `concurrently` and there is more than one.
    func forEach(concurrently: Bool, _ body: (Int) -> Void) {
        if concurrently && count > 1 {
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        } else {
            for c in 0..<count { body(c) }
        }
    }
}
