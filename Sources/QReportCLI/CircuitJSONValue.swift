/// A JSON value decoded with `JSONDecoder`, whose numbers round-trip exactly (Foundation's `JSONSerialization`
/// on Linux can be off by an ulp).
enum CircuitJSONValue: Decodable, Equatable {
    case number(Double)
    case string(String)
    case bool(Bool)
    case null
    case array([CircuitJSONValue])
    case object([String: CircuitJSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let x = try? c.decode(Double.self) { self = .number(x) }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([CircuitJSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: CircuitJSONValue].self)) }
    }

    /// The numbers of a (nested) array in row-major order, or nil if anything else is in it.
    var numbers: [Double]? {
        switch self {
        case let .number(x): return [x]
        case let .array(items):
            var result: [Double] = []
            for item in items {
                guard let inner = item.numbers else { return nil }
                result += inner
            }
            return result
        default: return nil
        }
    }
}
