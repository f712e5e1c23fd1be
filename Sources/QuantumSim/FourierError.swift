import Foundation

/// Why Fourier coefficients cannot be computed from the arguments given; `description` is one line naming the
/// argument, its value and what was expected.
public struct FourierError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// The line.
    public let description: String

    /// An error with its one-line message.
    public init(_ description: String) { self.description = description }

    /// The same line as `description`.
    public var errorDescription: String? { description }
}
