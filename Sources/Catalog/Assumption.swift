/// A choice the paper (and any code) leaves open, made by us and printed in the report.
public struct Assumption: Codable, Hashable, Sendable {
    /// Short stable id, e.g. "quanv-stride".
    public var id: String
    /// What the sources leave open.
    public var topic: String
    /// What qreport does.
    public var choice: String
    /// Why this choice.
    public var reason: String

    public init(id: String, topic: String, choice: String, reason: String) {
        self.id = id
        self.topic = topic
        self.choice = choice
        self.reason = reason
    }
}

/// A place where the paper contradicts itself (or its code), reported as found.
public struct Inconsistency: Codable, Hashable, Sendable {
    public var id: String
    /// Where, e.g. "Table 1 vs section 2.2.3".
    public var location: String
    public var description: String
    /// What qreport compares against.
    public var resolution: String

    public init(id: String, location: String, description: String, resolution: String) {
        self.id = id
        self.location = location
        self.description = description
        self.resolution = resolution
    }
}
