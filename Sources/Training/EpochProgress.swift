import Foundation
import Results

/// Where a run stands after an epoch, with its wall clock: for progress lines with an ETA.
public struct EpochProgress: Sendable, Equatable {
    public var epoch: Int
    public var epochs: Int
    /// Seconds since this process started the run's first epoch (after a resume: its first epoch here).
    public var elapsedSeconds: Double
    /// Epochs restored from a checkpoint rather than trained by this process (0 for a fresh run).
    public var resumedAfter: Int

    public init(epoch: Int, epochs: Int, elapsedSeconds: Double, resumedAfter: Int = 0) {
        self.epoch = epoch
        self.epochs = epochs
        self.elapsedSeconds = elapsedSeconds
        self.resumedAfter = resumedAfter
    }

    /// Mean seconds per epoch trained by this process so far.
    public var secondsPerEpoch: Double { elapsedSeconds / Double(max(epoch - resumedAfter, 1)) }

    /// The run's remaining time at the mean pace so far.
    public var remainingSeconds: Double { secondsPerEpoch * Double(max(epochs - epoch, 0)) }

    /// `<label> · epoch 3/30 · train loss 0.1234 · test loss 0.2345 · test accuracy 95.12% · 41 s/epoch · ETA 18 min`
    /// (multi-label runs add the mean AUC).
    public func line(_ label: String, _ metrics: EpochMetrics) -> String {
        var parts = [label, "epoch \(epoch)/\(epochs)",
                     String(format: "train loss %.4f", metrics.trainLoss),
                     String(format: "test loss %.4f", metrics.testLoss),
                     String(format: "test accuracy %.2f%%", 100 * metrics.testAccuracy)]
        if let auc = metrics.multiLabel?.meanAUC { parts.append(String(format: "mean AUC %.4f", auc)) }
        parts.append("\(Self.duration(secondsPerEpoch))/epoch")
        parts.append(epoch < epochs ? "ETA \(Self.duration(remainingSeconds))" : "done")
        return parts.joined(separator: " · ")
    }

    /// `0.4 s`, `41 s`, `18 min`, `3.2 h`.
    public static func duration(_ seconds: Double) -> String {
        if seconds < 10 { return String(format: "%.1f s", seconds) }
        if seconds < 90 { return String(format: "%.0f s", seconds) }
        if seconds < 90 * 60 { return String(format: "%.0f min", seconds / 60) }
        return String(format: "%.1f h", seconds / 3600)
    }
}
