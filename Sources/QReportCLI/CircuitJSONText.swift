import Foundation

/// Small JSON writer for the run report: fixed key order, numbers in Swift's shortest round-trip form.
enum CircuitJSONText {
    static func string(_ s: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return String(decoding: (try? encoder.encode(s)) ?? Data("\"\"".utf8), as: UTF8.self)
    }

    static func number(_ x: Double) -> String { x.isFinite ? "\(x)" : "null" }

    /// A nested array of `shape` from row-major `values`.
    static func array(_ values: [Double], shape: [Int]) -> String {
        guard let first = shape.first else { return values.first.map(number) ?? "null" }
        if shape.count == 1 { return "[" + values.map(number).joined(separator: ", ") + "]" }
        let stride = shape.dropFirst().reduce(1, *)
        return "[" + (0..<first).map { i in array(Array(values[(i * stride)..<((i + 1) * stride)]), shape: Array(shape.dropFirst())) }
            .joined(separator: ", ") + "]"
    }

    static func object(_ fields: [(String, String)], indent: Int) -> String {
        if fields.isEmpty { return "{}" }
        let pad = String(repeating: "  ", count: indent + 1), end = String(repeating: "  ", count: indent)
        return "{\n" + fields.map { pad + string($0.0) + ": " + $0.1 }.joined(separator: ",\n") + "\n" + end + "}"
    }
}
