/// One angle of a gate in a circuit file: a number, an input, or an element of a weight tensor.
///
/// JSON: `0.5`; `{"input": 2}` or `{"input": 2, "scale": 3.141592653589793}` (angle = scale · x[2]);
/// `{"weight": "w", "index": [0, 1, 2]}` (an element of the weight tensor `w`; `"index": 3` for a vector).
public enum CircuitDocumentParameter: Hashable, Sendable, Codable {
    /// A fixed angle.
    case number(Double)
    /// `scale · x[index]` for the sample's input row `x`.
    case input(index: Int, scale: Double)
    /// The element `index` (one entry per dimension) of the weight tensor called `name`.
    case weight(name: String, index: [Int])

    private enum CodingKeys: String, CodingKey { case input, scale, weight, index }

    /// Decodes the JSON shapes above.
    public init(from decoder: Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let value = try? single.decode(Double.self) {
            self = .number(value)
            return
        }
        guard let c = try? decoder.container(keyedBy: CodingKeys.self) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "expected a number, {\"input\": i} or {\"weight\": name, \"index\": [...]}"))
        }
        if c.contains(.input) {
            self = .input(index: try c.integer(forKey: .input),
                          scale: try c.decodeIfPresent(Double.self, forKey: .scale) ?? 1)
        } else if c.contains(.weight) {
            let name = try c.decode(String.self, forKey: .weight)
            if (try? c.nestedUnkeyedContainer(forKey: .index)) != nil {
                self = .weight(name: name, index: try c.integers(forKey: .index))
            } else {
                self = .weight(name: name, index: [try c.integer(forKey: .index)])
            }
        } else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "expected a number, {\"input\": i} or {\"weight\": name, \"index\": [...]}"))
        }
    }

    /// Encodes the JSON shapes above (`scale` only when it is not 1; a one-entry index as a number).
    public func encode(to encoder: Encoder) throws {
        switch self {
        case let .number(value):
            var c = encoder.singleValueContainer()
            try c.encode(value)
        case let .input(index, scale):
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(index, forKey: .input)
            if scale != 1 { try c.encode(scale, forKey: .scale) }
        case let .weight(name, index):
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .weight)
            if index.count == 1 { try c.encode(index[0], forKey: .index) } else { try c.encode(index, forKey: .index) }
        }
    }
}
