import CBLAS
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Chooses OpenBLAS's thread count per product: a second thread only pays for itself on
/// large products (measured on the project's machines: it helped from about 0.32 GFLOP
/// per call upward and did nothing, or slowed things down, at 0.04 GFLOP and below).
///
/// The thread count changes the rounding of a product (OpenBLAS 0.3.21 gives different
/// bits with 1 and 2 threads for most shapes, while repeated calls with the same count
/// agree bit for bit), so the choice depends on the product's size only, never on the
/// machine's core count. The kernels OpenBLAS picks for the CPU (`OPENBLAS_CORETYPE`)
/// affect the bits as well.
///
/// OpenBLAS's thread count is one process-wide setting, so products are coordinated with a
/// readers-writer lock: small products (1 thread, the resting setting) run concurrently
/// with each other; a large one runs alone, raising the count to 2 and restoring 1
/// before it releases the lock. Each product therefore runs with the count chosen for
/// it even when several threads (or parallel tests) multiply at once.
public enum BLASThreads {
    /// Products of at least this many floating-point operations (2·m·n·k) use two threads.
    public static let twoThreadThreshold = 300_000_000

    /// The thread count for one product of `flops` floating-point operations.
    public static func count(forFlops flops: Int) -> Int {
        flops >= twoThreadThreshold ? 2 : 1
    }

    /// Runs `body`, one BLAS call of `flops` operations, with the thread count chosen for it.
    @inline(__always)
    static func run(forFlops flops: Int, _ body: () -> Void) {
        let lock = gate
        if count(forFlops: flops) == 1 {
            pthread_rwlock_rdlock(lock)
            defer { pthread_rwlock_unlock(lock) }
            body()
        } else {
            pthread_rwlock_wrlock(lock)
            defer { pthread_rwlock_unlock(lock) }
            openblas_set_num_threads(Int32(count(forFlops: flops)))
            defer { openblas_set_num_threads(1) }
            body()
        }
    }

    /// The lock, created on first use (Swift runs this initialiser exactly once), which also
    /// puts OpenBLAS at its resting count of 1 thread (it starts with one per core).
    private static let gate: UnsafeMutablePointer<pthread_rwlock_t> = {
        openblas_set_num_threads(1)
        let lock = UnsafeMutablePointer<pthread_rwlock_t>.allocate(capacity: 1)
        lock.initialize(to: pthread_rwlock_t())
        pthread_rwlock_init(lock, nil)
        return lock
    }()
}
