import Foundation

/// Which formula `Tensor.gelu` uses, like the `approximate` argument of `torch.nn.GELU`.
public enum GELUApproximation: String, Sendable, Codable, CaseIterable {
    /// The exact form `x·Φ(x) = ½·x·(1 + erf(x/√2))` (PyTorch's `"none"`, the default).
    case none
    /// `½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))` (PyTorch's `"tanh"`).
    case tanh
}

extension Tensor {
    /// The Gaussian error linear unit element-wise, in the chosen form. Backward, exact form:
    /// `Φ(x) + x·φ(x)` (vectorised, see `FastMath.normalDistribution`); tanh form:
    /// `½(1 + t) + ½·x·(1 − t²)·√(2/π)·(1 + 3·0.044715·x²)`.
    public func gelu(approximation: GELUApproximation = .none) -> Tensor {
        switch approximation {
        case .none:
            return exactGELU()
        case .tanh:
            let k: Float = 0.79788456080286536, c: Float = 0.044715
            return elementwise({ x in 0.5 * x * (1 + tanhf(k * (x + c * x * x * x))) }, derivative: { x, _ in
                let t = tanhf(k * (x + c * x * x * x))
                return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * k * (1 + 3 * c * x * x)
            })
        }
    }
}

extension Tensor {
    /// `x·Φ(x)`, vectorised and split over fixed chunks; the forward keeps Φ(x) and φ(x), so
    /// the backward is one multiply-add per element.
    private func exactGELU() -> Tensor {
        let count = self.count
        // Φ(x) in the first `count` elements, φ(x) in the next.
        var distribution = VectorKernels.array(count: 2 * count) { _ in }
        let out = VectorKernels.array(count: count) { po in
            data.withUnsafeBufferPointer { px in
                distribution.withUnsafeMutableBufferPointer { pd in
                    let x = px.baseAddress!, y = po.baseAddress!, cdf = pd.baseAddress!, pdf = cdf + count
                    Parallel.forEachRange(count) { range in
                        for i in range {
                            let (c, p) = FastMath.normalDistribution(x[i])
                            cdf[i] = c
                            pdf[i] = p
                            y[i] = x[i] * c
                        }
                    }
                }
            }
        }
        let saved = distribution
        return Tensor(shape: shape, data: out, inputs: [self]) { [self] g in
            guard count > 0 else { return }
            writeOrAccumulateGrad { t, fresh in
                data.withUnsafeBufferPointer { px in
                    saved.withUnsafeBufferPointer { pd in
                        let x = px.baseAddress!, dy = g.baseAddress!, d = t.baseAddress!
                        let cdf = pd.baseAddress!, pdf = cdf + count
                        Parallel.forEachRange(count) { range in
                            if fresh {
                                for i in range { d[i] = dy[i] * (cdf[i] + x[i] * pdf[i]) }
                            } else {
                                for i in range { d[i] += dy[i] * (cdf[i] + x[i] * pdf[i]) }
                            }
                        }
                    }
                }
            }
        }
    }
}
