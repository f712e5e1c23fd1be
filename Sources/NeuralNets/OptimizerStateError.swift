/// An optimiser state that does not fit the optimiser it is restored into.
public struct OptimizerStateError: Error, CustomStringConvertible {
    public let detail: String

    public init(_ detail: String) { self.detail = detail }

    public var description: String { "optimiser state: \(detail)" }
}
