/// How many scalar parameters a layer or model has, split by kind.
public struct ParameterCount: Equatable, Hashable, Codable, Sendable {
    /// Scalars in classical layers.
    public var classical: Int
    /// Scalars in quantum circuits.
    public var quantum: Int
    /// `classical + quantum`.
    public var total: Int { classical + quantum }

    /// A count with the given parts.
    public init(classical: Int, quantum: Int) {
        self.classical = classical
        self.quantum = quantum
    }

    /// The counts of `parameters`.
    public init(_ parameters: [Parameter]) {
        var classical = 0, quantum = 0
        for p in parameters {
            switch p.kind {
            case .classical: classical += p.count
            case .quantum: quantum += p.count
            }
        }
        self.init(classical: classical, quantum: quantum)
    }
}
