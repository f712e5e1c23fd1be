import Foundation

/// One of the `fixtures/torch/aevqc_*.json` goldens written by `fixtures/generators/torch_aevqc_backbones.py`
/// (torch 2.13.0+cpu, torchvision 0.28.0, PennyLane 0.45.1; its docstring is the format's reference): a torchvision
/// backbone with hashed parameters (`HashedValues`), one training-mode forward and backward pass at batch 2, and
/// summaries of every gradient.
public struct TorchvisionParityGolden: Decodable {
    /// Summary of one tensor: count, sums in Double of the Float32 entries, and the entries at `indices`.
    public struct Stats: Decodable {
        public let count: Int
        public let sum, l1, norm, maxAbs: Double
        public let indices: [Int]
        public let values: [Float]
    }
    public struct Head: Decodable {
        public let kind: String
        public let ansatz, layers, width: Int?
        public let entangler, classifier: String?
    }
    /// A parameter: how to regenerate its values (`HashedValues.values(key:count:offset:scale:)`), their sum as a
    /// check, and its gradient's summary.
    public struct Parameter: Decodable {
        public let name: String
        public let shape: [Int]
        public let key: Int
        public let offset, scale, valueSum: Double
        public let grad: Stats

        /// The values torch used, recomputed.
        public var values: [Float] {
            HashedValues.values(key: key, count: shape.reduce(1, *), offset: offset, scale: scale)
        }
    }
    /// A BatchNorm running statistic after the pass.
    public struct Buffer: Decodable {
        public let name: String
        public let shape: [Int]
        public let count: Int
        public let sum, l1, norm, maxAbs: Double
        public let indices: [Int]
        public let values: [Float]
        public var stats: Stats { Stats(count: count, sum: sum, l1: l1, norm: norm, maxAbs: maxAbs, indices: indices, values: values) }
    }
    public struct Input: Decodable {
        public let shape: [Int]
        public let key: Int
        public let offset, scale: Double
        public var values: [Float] { HashedValues.values(key: key, count: shape.reduce(1, *), offset: offset, scale: scale) }
    }

    public let model: String
    public let head: Head
    public let classes, batch: Int
    public let labels: [Int]
    public let input: Input
    public let logits: [Float]
    public let loss: Double
    /// The backbone's [batch, 512, 7, 7] output.
    public let features: Stats
    /// The circuit's <Z> values, [batch, 15] (quantum heads).
    public let expectations: [Float]?
    public let parameters: [Parameter]
    public let buffers: [Buffer]

    /// `fixtures/torch/<name>.json`.
    public static func load(_ name: String) throws -> TorchvisionParityGolden {
        try Fixtures.json(TorchvisionParityGolden.self, "torch/\(name).json")
    }
}

extension TorchvisionParityGolden.Stats {
    /// The largest of the relative errors of `actual` against this summary, each measured against the golden's own
    /// scale (`Tolerance.torchvisionParityRelative`): sampled entries and max-abs against `maxAbs`, the norm against
    /// `norm`, the sum and the L1 norm against `l1`. `floor` raises each scale to at least itself, for tensors whose
    /// exact value is 0 and whose golden holds only rounding noise. Returns the error and which quantity gave it.
    public func relativeError(of actual: [Float], floor: Double = 0) -> (error: Double, quantity: String) {
        guard actual.count == count else { return (.infinity, "count \(actual.count) vs \(count)") }
        var sum = 0.0, l1 = 0.0, squares = 0.0, maxAbs = 0.0
        for value in actual {
            let v = Double(value)
            sum += v
            l1 += Swift.abs(v)
            squares += v * v
            maxAbs = max(maxAbs, Swift.abs(v))
        }
        let entryScale = max(self.maxAbs, floor), normScale = max(norm, floor), l1Scale = max(self.l1, floor)
        var worst = (error: 0.0, quantity: "")
        func note(_ diff: Double, _ scale: Double, _ quantity: @autoclosure () -> String) {
            let error = scale > 0 ? diff / scale : (diff == 0 ? 0 : .infinity)
            if !(error <= worst.error) { worst = (error, quantity()) }
        }
        for (index, expected) in zip(indices, values) {
            note(Swift.abs(Double(actual[index]) - Double(expected)), entryScale, "entry \(index): \(actual[index]) vs \(expected)")
        }
        note(Swift.abs(maxAbs - self.maxAbs), entryScale, "max-abs \(maxAbs) vs \(self.maxAbs)")
        note(Swift.abs(squares.squareRoot() - norm), normScale, "norm \(squares.squareRoot()) vs \(norm)")
        note(Swift.abs(sum - self.sum), l1Scale, "sum \(sum) vs \(self.sum)")
        note(Swift.abs(l1 - self.l1), l1Scale, "l1 \(l1) vs \(self.l1)")
        return worst
    }
}

/// `max_i |actual_i − expected_i| / max_i |expected_i|`: the relative error of a whole small tensor (logits,
/// expectation values) against its own scale.
public func relativeError(_ actual: [Float], _ expected: [Float]) -> Double {
    guard actual.count == expected.count else { return .infinity }
    let scale = expected.reduce(0.0) { max($0, Swift.abs(Double($1))) }
    let diff = zip(actual, expected).reduce(0.0) { max($0, Swift.abs(Double($1.0) - Double($1.1))) }
    return scale > 0 ? diff / scale : (diff == 0 ? 0 : .infinity)
}
