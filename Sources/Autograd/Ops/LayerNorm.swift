extension Tensor {
    /// Layer normalisation over the last axis, like `torch.nn.functional.layer_norm(x, [D],
    /// weight, bias, eps)`: each row of D values is normalised with its mean and biased
    /// variance (in Double), then scaled by `weight` [D] and shifted by `bias` [D].
    /// Backward, with `gw = g·w`: `dx = invstd · (gw − mean(gw) − x̂·mean(gw·x̂))`,
    /// `dw = Σ g·x̂`, `db = Σ g` over rows.
    /// - Precondition: rank ≥ 1 and `weight`, `bias` of shape [D].
    public static func layerNorm(_ x: Tensor, weight: Tensor, bias: Tensor, epsilon: Float = 1e-5) -> Tensor {
        let (rows, width) = x.lastAxisRows("layerNorm")
        precondition(weight.shape == [width] && bias.shape == [width],
                     "layerNorm weight and bias must be [\(width)] for input \(x.shape), got \(weight.shape) and \(bias.shape)")
        var normalized = [Float](repeating: 0, count: x.count)
        var invStd = [Float](repeating: 0, count: rows)
        var out = [Float](repeating: 0, count: x.count)
        x.data.withUnsafeBufferPointer { px in
            for r in 0..<rows {
                let row = px.baseAddress! + r * width
                var sum = 0.0
                for k in 0..<width { sum += Double(row[k]) }
                let mu = sum / Double(width)
                var squares = 0.0
                for k in 0..<width { let d = Double(row[k]) - mu; squares += d * d }
                let s = 1 / (squares / Double(width) + Double(epsilon)).squareRoot()
                invStd[r] = Float(s)
                for k in 0..<width {
                    let h = Float((Double(row[k]) - mu) * s)
                    normalized[r * width + k] = h
                    out[r * width + k] = h * weight.data[k] + bias.data[k]
                }
            }
        }
        return Tensor(shape: x.shape, data: out, inputs: [x, weight, bias]) { g in
            if weight.requiresGrad {
                weight.accumulateGrad { t in
                    for r in 0..<rows { for k in 0..<width { t[k] += g[r * width + k] * normalized[r * width + k] } }
                }
            }
            if bias.requiresGrad {
                bias.accumulateGrad { t in
                    for r in 0..<rows { for k in 0..<width { t[k] += g[r * width + k] } }
                }
            }
            guard x.requiresGrad else { return }
            x.accumulateGrad { t in
                for r in 0..<rows {
                    var meanGW: Float = 0, meanGWH: Float = 0
                    for k in 0..<width {
                        let gw = g[r * width + k] * weight.data[k]
                        meanGW += gw
                        meanGWH += gw * normalized[r * width + k]
                    }
                    meanGW /= Float(width); meanGWH /= Float(width)
                    for k in 0..<width {
                        let gw = g[r * width + k] * weight.data[k]
                        t[r * width + k] += invStd[r] * (gw - meanGW - normalized[r * width + k] * meanGWH)
                    }
                }
            }
        }
    }
}
