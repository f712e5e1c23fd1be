import Dispatch

/// Fixed splits of work into chunks that run concurrently (`DispatchQueue.concurrentPerform`).
///
/// How work is split depends only on its size, never on the machine's core count, and every
/// reduction over chunks is done afterwards in chunk order, so results are bitwise identical
/// whatever the number of threads or the order in which chunks run.
enum Parallel {
    /// Elements per chunk of element-wise work: big enough that a chunk (a few tens of
    /// microseconds) outweighs the cost of handing it to a thread (~1 µs).
    static let elementGrain = 1 << 16

    /// Runs `body(chunk)` for every chunk in `0..<count`, concurrently when `count > 1`.
    @inline(__always)
    static func forEach(_ count: Int, _ body: (Int) -> Void) {
        if count == 1 {
            body(0)
        } else if count > 1 {
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        }
    }

    /// Splits `0..<total` into consecutive ranges of `grain` elements (the last may be shorter)
    /// and runs `body` on each, concurrently.
    @inline(__always)
    static func forEachRange(_ total: Int, grain: Int = elementGrain, _ body: (Range<Int>) -> Void) {
        let chunks = (total + grain - 1) / grain
        forEach(chunks) { c in body((c * grain)..<min(total, (c + 1) * grain)) }
    }
}
