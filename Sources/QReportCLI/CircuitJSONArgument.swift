import Foundation

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
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: argument))
            } catch {
                throw UserFacingError("\(option): '\(argument)' is neither inline JSON nor a readable file")
            }
            origin = "\(option) \(argument)"
        }
        do {
            return try JSONDecoder().decode(CircuitJSONValue.self, from: data)
        } catch {
            throw UserFacingError("\(origin): invalid JSON")
        }
    }
}
