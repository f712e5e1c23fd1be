import Foundation

/// The anchors' protocol against other processes (`../shared/anchors/anchor_common.py`, same
/// limits and environment variables), so both sides of a table are measured alike: wait up
/// to `ANCHOR_MAX_WAIT` s (60) for a quiet machine, and re-take a sample of at least 0.1 s
/// during which other processes used more than `ANCHOR_BUSY_LIMIT` cores (0.3), at most as
/// many times as there are samples.
public enum QuietMachine {
    /// Cores other processes may use during a kept sample (`ANCHOR_BUSY_LIMIT`, default 0.3).
    public static let busyLimit = Double(ProcessInfo.processInfo.environment["ANCHOR_BUSY_LIMIT"] ?? "") ?? 0.3
    /// Seconds to wait for a quiet machine before measuring (`ANCHOR_MAX_WAIT`, default 60).
    public static let maxWait = Double(ProcessInfo.processInfo.environment["ANCHOR_MAX_WAIT"] ?? "") ?? 60

    /// Timed samples of one measurement.
    public struct Samples {
        /// Wall seconds per call, one per kept sample, in run order.
        public var wall: [Double]
        /// Process CPU seconds per call (all threads), one per kept sample.
        public var cpu: [Double]
        /// Cores other processes used during each kept sample.
        public var others: [Double]
        /// Samples thrown away because other processes were busy.
        public var retried: Int
    }

    /// CPU seconds the whole machine has spent busy (all cores), from `/proc/stat`.
    public static func machineBusySeconds() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = text.split(separator: "\n").first else { return .nan }
        let values = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard values.count >= 7 else { return .nan }
        // user nice system idle iowait irq softirq ...
        return (values[0] + values[1] + values[2] + values[5] + values[6]) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Cores used by other processes over `window` seconds of this process sleeping.
    public static func othersBusy(window: Double = 0.5) -> Double {
        let b0 = machineBusySeconds(), c0 = cpuSeconds()
        usleep(UInt32(window * 1e6))
        return max(0, (machineBusySeconds() - b0) - (cpuSeconds() - c0)) / window
    }

    /// Waits up to `limit` seconds until other processes use at most `busyLimit` cores.
    public static func waitQuiet(limit: Double = maxWait) {
        let end = wallSeconds() + limit
        while othersBusy() > busyLimit && wallSeconds() < end { usleep(1_000_000) }
    }

    /// `count` samples of `body` (seconds per call over `calls` calls), re-taken as the anchors do.
    public static func samples(_ count: Int, calls: Int = 1, _ body: () -> Void) -> Samples {
        waitQuiet()
        var result = Samples(wall: [], cpu: [], others: [], retried: 0)
        while result.wall.count < count {
            let b0 = machineBusySeconds(), c0 = cpuSeconds(), t0 = wallSeconds()
            for _ in 0..<calls { body() }
            let t1 = wallSeconds(), c1 = cpuSeconds(), b1 = machineBusySeconds()
            let elapsed = t1 - t0
            let busy = elapsed > 0 ? max(0, (b1 - b0) - (c1 - c0)) / elapsed : 0
            if elapsed >= 0.1 && busy > busyLimit && result.retried < count {
                result.retried += 1
                waitQuiet(limit: min(maxWait, 30))
                continue
            }
            result.wall.append(elapsed / Double(calls))
            result.cpu.append((c1 - c0) / Double(calls))
            result.others.append(busy)
        }
        return result
    }

    /// `count` samples of `steps` training steps `step(0) ..< step(steps - 1)` after `warmup` untimed
    /// ones, re-taken as the anchors do; wall and CPU seconds per step.
    public static func stepSamples(_ count: Int, steps: Int, warmup: Int, _ step: (Int) -> Void) -> Samples {
        for i in 0..<warmup { step(i) }
        var result = samples(count) { for i in 0..<steps { step(i) } }
        result.wall = result.wall.map { $0 / Double(steps) }
        result.cpu = result.cpu.map { $0 / Double(steps) }
        return result
    }
}
