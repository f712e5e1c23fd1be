import Foundation
import QuantumSim

/// Reads a command-line JSON value given inline (`[0.1, 0.2]`, `{"w": [...]}`) or as a file path.
enum CircuitJSONArgument {
    /// The parsed value of `argument` for the option `option` (named in errors).
    static func parse(_ argument: String, option: String) throws -> CircuitJSONValue {
        let trimmed = argument.trimmingCharacters(in: .whitespacesAndNewlines)
        let data: Data
        let origin: String
        if trimmed.hasPrefix("[") || trimmed.hasPrefix("{") || Double(trimmed) != nil {
            data = Data(trimmed.utf8)
            origin = option
        } else {
            guard FileManager.default.fileExists(atPath: argument) else {
                throw UserFacingError("\(option): '\(argument)' is neither inline JSON nor a readable file")
            }
            data = try CircuitFile.read(argument, limit: MemoryBudget.maxCircuitFileBytes)
            origin = "\(option) \(argument)"
        }
        do {
            return try JSONDecoder().decode(CircuitJSONValue.self, from: data)
        } catch {
            if let syntax = CircuitDocument.syntaxError(data) { throw UserFacingError("\(origin): \(syntax)") }
            if case let DecodingError.dataCorrupted(context)? = error as? DecodingError {
                let path = CircuitDocumentError.path(context.codingPath)
                throw UserFacingError("\(origin)\(path.isEmpty || path.hasPrefix("[") ? path : "." + path): \(context.debugDescription)")
            }
            throw UserFacingError("\(origin): invalid JSON (\(error))")
        }
    }
}
