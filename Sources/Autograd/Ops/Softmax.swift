import Foundation

extension Tensor {
    /// The softmax along the last axis (each row sums to 1), computed as `exp(x − max)` / sum.
    /// Backward: `dx = y·(g − Σ g·y)` per row.
    public func softmax() -> Tensor {
        let (rows, width) = lastAxisRows("softmax")
        var out = [Float](repeating: 0, count: count)
        data.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { y in
                for r in 0..<rows {
                    let (maximum, logSum) = Tensor.shiftedLogSumExp(x.baseAddress! + r * width, count: width)
                    let scale = Float(1 / exp(logSum))
                    for k in 0..<width { y[r * width + k] = expf(x[r * width + k] - maximum) * scale }
                }
            }
        }
        let saved = out
        return Tensor(shape: shape, data: out, inputs: [self]) { [self] g in
            accumulateGrad { t in
                for r in 0..<rows {
                    var dot: Float = 0
                    for k in 0..<width { dot += g[r * width + k] * saved[r * width + k] }
                    for k in 0..<width { t[r * width + k] += saved[r * width + k] * (g[r * width + k] - dot) }
                }
            }
        }
    }

    /// The log-softmax along the last axis, `x − logsumexp(x)` with the stable log-sum-exp.
    /// Backward: `dx = g − softmax(x)·Σ g` per row.
    public func logSoftmax() -> Tensor {
        let (rows, width) = lastAxisRows("logSoftmax")
        var out = [Float](repeating: 0, count: count)
        data.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { y in
                for r in 0..<rows {
                    let (maximum, logSum) = Tensor.shiftedLogSumExp(x.baseAddress! + r * width, count: width)
                    let shift = Float(logSum)
                    for k in 0..<width { y[r * width + k] = (x[r * width + k] - maximum) - shift }
                }
            }
        }
        let saved = out
        return Tensor(shape: shape, data: out, inputs: [self]) { [self] g in
            accumulateGrad { t in
                for r in 0..<rows {
                    var total: Float = 0
                    for k in 0..<width { total += g[r * width + k] }
                    for k in 0..<width { t[r * width + k] += g[r * width + k] - expf(saved[r * width + k]) * total }
                }
            }
        }
    }

    /// `(rows, width)` of this tensor seen as rows along its last axis.
    func lastAxisRows(_ op: String) -> (Int, Int) {
        precondition(rank >= 1 && shape[rank - 1] > 0, "\(op) needs a non-empty last axis, got shape \(shape)")
        return (count / shape[rank - 1], shape[rank - 1])
    }

    /// `(max, log Σ exp(x − max))` of `count` values, the sum in Double; kept apart because
    /// rounding their sum to Float would lose digits when `max` is large.
    static func shiftedLogSumExp(_ x: UnsafePointer<Float>, count: Int) -> (Float, Double) {
        var maximum = x[0]
        for k in 1..<max(1, count) { maximum = max(maximum, x[k]) }
        var sum = 0.0
        for k in 0..<count { sum += exp(Double(x[k] - maximum)) }
        return (maximum, log(sum))
    }
}
