import Foundation

/// A benchmark's error for its user: a bad command line or an unreadable input file, printed as
/// `<executable>: <message>`.
public struct BenchmarkError: Error, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String {
        "\(URL(fileURLWithPath: CommandLine.arguments.first ?? "bench").lastPathComponent): \(message)"
    }
}

/// The value after `name` in `arguments`, if `name` is there.
/// - Throws: `BenchmarkError` when `name` is the last argument.
public func option(_ name: String, in arguments: [String]) throws -> String? {
    guard let index = arguments.firstIndex(of: name) else { return nil }
    guard index + 1 < arguments.count else { throw BenchmarkError("\(name) needs a value") }
    return arguments[index + 1]
}

/// `text` as a positive integer.
/// - Throws: `BenchmarkError` otherwise.
public func positiveInteger(_ text: String) throws -> Int {
    guard let value = Int(text), value > 0 else { throw BenchmarkError("expected a positive integer, got '\(text)'") }
    return value
}

extension JSONEncoder {
    /// Pretty-printed JSON with sorted keys, as the benchmarks save their reports.
    public static var pretty: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return encoder
    }
}
