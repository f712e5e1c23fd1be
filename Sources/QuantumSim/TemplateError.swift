import Foundation

/// Why a template cannot be built from its arguments; `description` is one line naming the template,
/// the argument, its value and what was expected.
public struct TemplateError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// The line.
    public let description: String

    /// An error with its one-line message.
    public init(_ description: String) { self.description = description }

    /// The same line as `description`.
    public var errorDescription: String? { description }
}
