/// The input row of a circuit file: `{"name": "x", "count": 5}`.
public struct CircuitDocumentInputs: Hashable, Sendable, Codable {
    /// The name labels use (`x₀`, `x₁`, …).
    public var name: String
    /// Inputs per sample.
    public var count: Int

    /// `count` inputs called `name`.
    public init(name: String = "x", count: Int) {
        self.name = name
        self.count = count
    }

    private enum CodingKeys: String, CodingKey { case name, count }

    /// Decodes `{"name": "x", "count": 5}`; `name` defaults to `x`.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decodeIfPresent(String.self, forKey: .name) ?? "x", count: try c.integer(forKey: .count))
    }
}
