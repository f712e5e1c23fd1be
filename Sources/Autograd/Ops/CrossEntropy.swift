import Foundation

extension Tensor {
    /// The mean cross-entropy of `logits` [N, K] against class indices `targets` (N values
    /// in `0..<K`), as a scalar: like `torch.nn.functional.cross_entropy` with its defaults,
    /// `mean_n(logsumexp(logits[n]) − logits[n, targets[n]])`.
    ///
    /// The log-sum-exp is taken in the stable form `max + log Σ exp(x − max)`, each row in
    /// Double. Backward: `dlogits[n, k] = g · (softmax(logits[n])[k] − [k == targets[n]]) / N`,
    /// from the probabilities saved by the forward pass.
    ///
    /// With `labelSmoothing` ε > 0 the target distribution is `(1 − ε)·onehot + ε/K` (PyTorch's
    /// `label_smoothing`): the loss of a row is `logsumexp − (1 − ε)·x[target] − ε·mean_k x[k]`,
    /// and the gradient uses that distribution in place of the one-hot vector.
    /// - Precondition: `logits` is [N, K] with N ≥ 1, `targets.count == N`, every target in
    ///   `0..<K`, `0 <= labelSmoothing <= 1`.
    public static func crossEntropy(_ logits: Tensor, targets: [Int], labelSmoothing: Float = 0) -> Tensor {
        precondition(labelSmoothing >= 0 && labelSmoothing <= 1, "crossEntropy labelSmoothing must be in [0, 1], got \(labelSmoothing)")
        precondition(logits.rank == 2, "crossEntropy logits must be [N, K], got \(logits.shape)")
        let rows = logits.shape[0], classes = logits.shape[1]
        precondition(classes > 0, "crossEntropy needs at least one class, logits are \(logits.shape)")
        precondition(rows > 0 && targets.count == rows,
                     "crossEntropy got \(targets.count) targets for \(rows) rows of logits")
        if let bad = targets.first(where: { $0 < 0 || $0 >= classes }) {
            preconditionFailure("crossEntropy target \(bad) outside 0..<\(classes)")
        }
        var probabilities = [Float](repeating: 0, count: rows * classes)
        var total = 0.0
        logits.data.withUnsafeBufferPointer { x in
            probabilities.withUnsafeMutableBufferPointer { p in
                for n in 0..<rows {
                    let row = x.baseAddress! + n * classes
                    var maximum = row[0]
                    for k in 1..<classes { maximum = max(maximum, row[k]) }
                    var sum = 0.0
                    for k in 0..<classes { sum += exp(Double(row[k] - maximum)) }
                    let logSumExp = Double(maximum) + log(sum)
                    for k in 0..<classes { p[n * classes + k] = Float(exp(Double(row[k]) - logSumExp)) }
                    if labelSmoothing == 0 {
                        total += logSumExp - Double(row[targets[n]])
                    } else {
                        var rowSum = 0.0
                        for k in 0..<classes { rowSum += Double(row[k]) }
                        let eps = Double(labelSmoothing)
                        total += logSumExp - (1 - eps) * Double(row[targets[n]]) - eps * rowSum / Double(classes)
                    }
                }
            }
        }
        let saved = probabilities
        return Tensor(shape: [], data: [Float(total / Double(rows))], inputs: [logits]) { g in
            let scale = g[0] / Float(rows)
            let uniform = labelSmoothing / Float(classes), onTarget = 1 - labelSmoothing
            logits.accumulateGrad { t in
                for n in 0..<rows {
                    for k in 0..<classes {
                        t[n * classes + k] += scale * (saved[n * classes + k] - uniform)
                    }
                    t[n * classes + targets[n]] -= scale * onTarget
                }
            }
        }
    }
}
