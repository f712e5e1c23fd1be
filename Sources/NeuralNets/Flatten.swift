import Autograd

/// Collapses every axis from 1 on, `[N, ...] → [N, product]`, like `torch.nn.Flatten()`.
public final class Flatten: UnaryLayer {
    /// The name used in messages.
    public let name: String

    /// A flatten layer.
    public init(name: String) { self.name = name }

    /// None.
    public var parameters: [Parameter] { [] }

    /// `[N, product of the rest]`.
    public func outputShape(for s: [Int]) throws -> [Int] {
        guard s.count >= 1 else { throw error("input \(s) needs a batch axis") }
        return [s[0], s[1...].reduce(1, *)]
    }

    /// The flattened tensor (same elements).
    public func callAsFunction(_ x: Tensor) -> Tensor { x.flattened(fromAxis: 1) }
}
