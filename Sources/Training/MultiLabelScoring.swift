import Foundation
import Results

/// Scores multi-label logits against multi-hot labels.
public enum MultiLabelScoring {
    /// The authors' decision for one label: `torch.sigmoid(logit) > 0.5` in Float32 (a tiny positive
    /// logit whose sigmoid rounds to 0.5 counts as absent, as it does there).
    @inline(__always) public static func decision(_ logit: Float) -> Bool {
        1 / (1 + exp(-logit)) > Float(0.5)
    }

    /// The ROC AUC of `scores` for the items flagged in `positive`: the Mann-Whitney statistic
    /// `(R⁺ − P(P+1)/2) / (P·N)` with `R⁺` the sum of the positives' ranks, tied scores sharing
    /// their average rank (a tie between a positive and a negative counts one half). `nil` when
    /// there are no positives or no negatives.
    public static func auc(scores: [Double], positive: [Bool]) -> Double? {
        precondition(scores.count == positive.count, "auc: \(scores.count) scores, \(positive.count) flags")
        let positives = positive.reduce(0) { $0 + ($1 ? 1 : 0) }
        let negatives = scores.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        let order = scores.indices.sorted { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
        var rankSum = 0.0
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && scores[order[end + 1]] == scores[order[start]] { end += 1 }
            let averageRank = Double(start + end + 2) / 2
            for k in start...end where positive[order[k]] { rankSum += averageRank }
            start = end + 1
        }
        let p = Double(positives)
        return (rankSum - p * (p + 1) / 2) / (p * Double(negatives))
    }

    /// Every metric of `MultiLabelMetrics` for `logits` and `flags` (both `[N, L]` row-major) and
    /// the first-positive class of each image, `labels`.
    public static func metrics(logits: [Float], flags: [Float], labels: [Int], labelCount: Int) -> MultiLabelMetrics {
        let n = labels.count
        precondition(logits.count == n * labelCount && flags.count == n * labelCount,
                     "MultiLabelScoring: \(logits.count) logits and \(flags.count) flags for \(n) x \(labelCount)")
        var rightPerLabel = [Int](repeating: 0, count: labelCount)
        var positivesPerLabel = [Int](repeating: 0, count: labelCount)
        var argmaxRight = 0
        for i in 0..<n {
            var best = 0
            for j in 0..<labelCount {
                let logit = logits[i * labelCount + j]
                let present = flags[i * labelCount + j] == 1
                if decision(logit) == present { rightPerLabel[j] += 1 }
                if present { positivesPerLabel[j] += 1 }
                if j > 0 && logit > logits[i * labelCount + best] { best = j }
            }
            if best == labels[i] { argmaxRight += 1 }
        }
        let aucs = (0..<labelCount).map { j in
            auc(scores: (0..<n).map { Double(logits[$0 * labelCount + j]) },
                positive: (0..<n).map { flags[$0 * labelCount + j] == 1 })
        }
        let defined = aucs.compactMap { $0 }
        let total = Double(max(n, 1))
        return MultiLabelMetrics(
            elementwiseAccuracy: Double(rightPerLabel.reduce(0, +)) / (total * Double(labelCount)),
            labelAccuracy: rightPerLabel.map { Double($0) / total },
            labelAUC: aucs,
            meanAUC: defined.isEmpty ? nil : defined.reduce(0, +) / Double(defined.count),
            labelPrevalence: positivesPerLabel.map { Double($0) / total },
            argmaxAccuracy: Double(argmaxRight) / total)
    }

    /// Right decisions among the `[N, L]` `logits` against `flags` (for the element-wise training accuracy).
    static func rightDecisions(logits: [Float], flags: [Float]) -> Int {
        zip(logits, flags).reduce(0) { $0 + (decision($1.0) == ($1.1 == 1) ? 1 : 0) }
    }
}
