import Foundation

/// Why a circuit file cannot be used: the place in the document (`operations[3].wires[0]`, empty for the
/// whole file) and one line saying what was found and what was expected.
public struct CircuitDocumentError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// Where: a path of keys and indices into the JSON (`operations[2].gate`), or empty.
    public var path: String
    /// What is wrong, and what was expected.
    public var message: String

    /// An error at `path`.
    public init(path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message` (only the message when the path is empty).
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }

    /// The same line as `description`.
    public var errorDescription: String? { description }

    /// `operations[3].wires[0]` from a decoder's coding path.
    public static func path(_ codingPath: [CodingKey]) -> String {
        var path = ""
        for key in codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return path
    }

    /// The document error for a `DecodingError` (type mismatches, missing keys, the format's own checks).
    init(_ error: DecodingError) {
        switch error {
        case let .typeMismatch(type, context):
            self.init(path: Self.path(context.codingPath), "expected \(Self.describe(type)); \(Self.found(context))")
        case let .valueNotFound(type, context):
            self.init(path: Self.path(context.codingPath), "expected \(Self.describe(type)), found null")
        case let .keyNotFound(key, context):
            self.init(path: Self.path(context.codingPath + [key]), "missing key")
        case let .dataCorrupted(context):
            self.init(path: Self.path(context.codingPath), context.debugDescription)
        @unknown default:
            self.init(path: "", "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "an integer"
        case is Double.Type: "a number"
        case is String.Type: "a string"
        case is [Any].Type: "an array"
        default:
            String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }

    /// "found a string" from Foundation's "Expected to decode Int but found a string instead."
    private static func found(_ context: DecodingError.Context) -> String {
        let text = context.debugDescription
        if let range = text.range(of: "but found ") {
            return "found " + text[range.upperBound...].replacingOccurrences(of: " instead.", with: "")
        }
        return text
    }
}
