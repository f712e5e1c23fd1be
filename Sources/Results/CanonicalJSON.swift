import Foundation

/// The one JSON encoding used for everything hashed or stored: sorted keys, pretty-printed,
/// no escaped slashes, trailing newline. Equal values give equal bytes.
public enum CanonicalJSON {
    /// Encodes `value`; the types stored here encode infallibly (no non-finite numbers are stored).
    public static func encode<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            var data = try encoder.encode(value)
            data.append(0x0A)
            return data
        } catch {
            preconditionFailure("canonical JSON encoding failed: \(error)")
        }
    }

    /// Decodes `T` from `data`, with the same non-finite number spelling as `encode`.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(T.self, from: data)
    }
}
