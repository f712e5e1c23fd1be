import Foundation

/// A circuit file: the documented JSON format `qreport circuit run|draw` read and `qreport circuit export`
/// writes (see `docs/circuit-format.md`). Unlike `Circuit` it keeps templates as templates, names the
/// inputs and weight tensors, and labels wires; `circuit()` expands and validates it.
///
/// ```json
/// {"format": "qreport-circuit/1", "name": "hqnn-quanv", "wires": 4,
///  "inputs": {"name": "x", "count": 4}, "weights": [{"name": "w", "shape": [4]}],
///  "operations": [{"template": "AngleEmbedding", "wires": [0, 1, 2, 3], "rotation": "Y", "scale": 3.141592653589793},
///                 {"gate": "RX", "wires": [0], "params": [{"weight": "w", "index": 0}]}, …],
///  "observables": [{"paulis": "Z", "wires": [0]}, …]}
/// ```
public struct CircuitDocument: Hashable, Sendable, Codable {
    /// The value of the optional `"format"` key.
    public static let format = "qreport-circuit/1"

    /// A short id (`hqnn-parallel-pqc`); nil for none.
    public var name: String?
    /// A human title; nil for none.
    public var title: String?
    /// Where the circuit comes from (paper, code, section); nil for none.
    public var source: String?
    /// Number of qubits; wire 0 is the most significant bit (PennyLane).
    public var wires: Int
    /// One label per wire for drawings; nil to number them.
    public var wireLabels: [String]?
    /// The input row; nil when the circuit reads no inputs.
    public var inputs: CircuitDocumentInputs?
    /// The weight tensors, in the order of the flat weight vector.
    public var weights: [CircuitDocumentTensor]
    /// Gates and templates in application order.
    public var operations: [CircuitDocumentOperation]
    /// Measured expectation values, in output order.
    public var observables: [CircuitDocumentObservable]

    /// A document from its parts (`circuit()` validates it).
    public init(name: String? = nil, title: String? = nil, source: String? = nil, wires: Int, wireLabels: [String]? = nil,
                inputs: CircuitDocumentInputs? = nil, weights: [CircuitDocumentTensor] = [],
                operations: [CircuitDocumentOperation], observables: [CircuitDocumentObservable]) {
        self.name = name
        self.title = title
        self.source = source
        self.wires = wires
        self.wireLabels = wireLabels
        self.inputs = inputs
        self.weights = weights
        self.operations = operations
        self.observables = observables
    }

    private enum CodingKeys: String, CodingKey {
        case format, name, title, source, wires, wireLabels, inputs, weights, operations, observables
    }

    /// Decodes the format; structural problems are `DecodingError`s whose paths `parse` reports.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let format = try c.decodeIfPresent(String.self, forKey: .format), format != Self.format {
            throw DecodingError.dataCorrupted(.init(codingPath: [CodingKeys.format],
                                                    debugDescription: "format '\(format)'; expected '\(Self.format)'"))
        }
        name = try c.decodeIfPresent(String.self, forKey: .name)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        wires = try c.integer(forKey: .wires)
        wireLabels = try c.decodeIfPresent([String].self, forKey: .wireLabels)
        inputs = try c.decodeIfPresent(CircuitDocumentInputs.self, forKey: .inputs)
        weights = try c.decodeIfPresent([CircuitDocumentTensor].self, forKey: .weights) ?? []
        operations = try c.decode([CircuitDocumentOperation].self, forKey: .operations)
        observables = try c.decode([CircuitDocumentObservable].self, forKey: .observables)
    }

    /// Encodes the format (with the `"format"` key).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.format, forKey: .format)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeIfPresent(source, forKey: .source)
        try c.encode(wires, forKey: .wires)
        try c.encodeIfPresent(wireLabels, forKey: .wireLabels)
        try c.encodeIfPresent(inputs, forKey: .inputs)
        if !weights.isEmpty { try c.encode(weights, forKey: .weights) }
        try c.encode(operations, forKey: .operations)
        try c.encode(observables, forKey: .observables)
    }

    /// Parses a file's bytes; every problem is a `CircuitDocumentError` naming its place: JSON syntax errors
    /// with line and column, wrong types and missing keys with their path (`operations[2].wires[0]`).
    /// The result is decoded, not yet validated: `circuit()` checks ranges, shapes and references.
    public static func parse(_ data: Data) throws -> CircuitDocument {
        do {
            return try JSONDecoder().decode(CircuitDocument.self, from: data)
        } catch let error as DecodingError {
            if case let .dataCorrupted(context) = error, context.codingPath.isEmpty, let syntax = syntaxError(data) {
                throw syntax
            }
            throw CircuitDocumentError(error)
        }
    }

    /// The syntax error `JSONSerialization` finds in `data`, with the character offset turned into line and
    /// column (`invalid JSON at line 3, column 14: …`); nil for valid JSON. Also used for command-line JSON.
    public static func syntaxError(_ data: Data) -> CircuitDocumentError? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            var message = "invalid JSON: " + text.trimmingCharacters(in: CharacterSet(charactersIn: "."))
            if let range = text.range(of: "character "), let offset = Int(text[range.upperBound...].prefix { $0.isNumber }) {
                let (line, column) = lineAndColumn(of: offset, in: data)
                message = "invalid JSON at line \(line), column \(column): "
                    + text[..<range.lowerBound].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " around", with: "")
            } else if text.contains("end of file") {
                let (line, column) = lineAndColumn(of: data.count, in: data)
                message = "invalid JSON at line \(line), column \(column): unexpected end of file"
            }
            return CircuitDocumentError(path: "", message)
        }
    }

    /// 1-based line and column of the byte `offset` (columns count characters of the line's UTF-8 text).
    static func lineAndColumn(of offset: Int, in data: Data) -> (line: Int, column: Int) {
        let bytes = [UInt8](data.prefix(offset))
        let line = bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = (bytes.lastIndex(of: 0x0A) ?? -1) + 1
        let column = String(decoding: bytes[lineStart...], as: UTF8.self).count + 1
        return (line, column)
    }

    /// The document as JSON text with a stable layout: keys in a fixed order, one operation and one
    /// observable per line, numbers in their shortest round-trip form; ends with a newline.
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json<T: Encodable>(_ value: T) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        func list<T: Encodable>(_ items: [T]) throws -> String {
            items.isEmpty ? "[]" : "[\n" + (try items.map { "    " + (try json($0)) }).joined(separator: ",\n") + "\n  ]"
        }
        var fields: [String] = ["\"format\": \(try json(Self.format))"]
        if let name { fields.append("\"name\": \(try json(name))") }
        if let title { fields.append("\"title\": \(try json(title))") }
        if let source { fields.append("\"source\": \(try json(source))") }
        fields.append("\"wires\": \(wires)")
        if let wireLabels { fields.append("\"wireLabels\": \(try json(wireLabels))") }
        if let inputs { fields.append("\"inputs\": \(try json(inputs))") }
        if !weights.isEmpty { fields.append("\"weights\": \(try list(weights))") }
        fields.append("\"operations\": \(try list(operations))")
        fields.append("\"observables\": \(try list(observables))")
        return "{\n" + fields.map { "  " + $0 }.joined(separator: ",\n") + "\n}\n"
    }
}
