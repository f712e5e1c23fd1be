/// Where a gate's angle comes from.
///
/// JSON: `{"input": 2, "scale": 3.14159…}` (scale defaults to 1), `{"weight": 0}`, `{"constant": 0.5}`.
public enum GateParameter: Hashable, Sendable, Codable {
    /// `scale · inputs[sample][index]`: data fed to the circuit, one row per sample.
    case input(index: Int, scale: Double)
    /// `weights[index]`: trainable, shared by every sample of a batch.
    case weight(index: Int)
    /// A fixed angle.
    case constant(Double)

    private enum CodingKeys: String, CodingKey { case input, scale, weight, constant }

    /// Decodes the JSON shape above.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let index = try c.decodeIfPresent(Int.self, forKey: .input) {
            self = .input(index: index, scale: try c.decodeIfPresent(Double.self, forKey: .scale) ?? 1)
        } else if let index = try c.decodeIfPresent(Int.self, forKey: .weight) {
            self = .weight(index: index)
        } else if let value = try c.decodeIfPresent(Double.self, forKey: .constant) {
            self = .constant(value)
        } else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "gate parameter: expected one of the keys \"input\", \"weight\", \"constant\""))
        }
    }

    /// Encodes the JSON shape above.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .input(index, scale):
            try c.encode(index, forKey: .input)
            try c.encode(scale, forKey: .scale)
        case let .weight(index):
            try c.encode(index, forKey: .weight)
        case let .constant(value):
            try c.encode(value, forKey: .constant)
        }
    }
}
