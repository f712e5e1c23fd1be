/// Integer fields of circuit files. Foundation's `JSONDecoder` on Linux reports a number that is not an integer
/// (`4.5`, `1e20`) as "The given data was not valid JSON." without a coding path; these decode the integer and,
/// when that fails on a number, throw an error naming the field and the value found:
/// `operations[2].wires[0]: expected an integer, found 4.5`.
extension KeyedDecodingContainer {
    func integer(forKey key: Key) throws -> Int {
        do {
            return try decode(Int.self, forKey: key)
        } catch {
            throw Self.notAnInteger(error, path: codingPath + [key]) { try decode(Double.self, forKey: key) }
        }
    }

    func integerIfPresent(forKey key: Key) throws -> Int? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try integer(forKey: key)
    }

    func integers(forKey key: Key) throws -> [Int] {
        var array = try nestedUnkeyedContainer(forKey: key)
        var result: [Int] = []
        while !array.isAtEnd {
            let path = array.codingPath + [IndexKey(intValue: array.currentIndex)]
            do {
                result.append(try array.decode(Int.self))
            } catch {
                // The failed decode did not advance: read the element again as a number to name it.
                throw Self.notAnInteger(error, path: path) { try array.decode(Double.self) }
            }
        }
        return result
    }

    func integersIfPresent(forKey key: Key) throws -> [Int]? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try integers(forKey: key)
    }

    /// `error` when it is a `DecodingError` with its path (a string, an object, a missing key); else (Foundation's
    /// internal "number not representable" error) "expected an integer, found x" at `path`.
    static func notAnInteger(_ error: Error, path: [CodingKey], number: () throws -> Double) -> Error {
        if let error = error as? DecodingError {
            switch error {
            case let .dataCorrupted(context) where context.codingPath.isEmpty: break
            default: return error
            }
        }
        let found = (try? number()).map { "found \(Self.text($0))" } ?? "found a number beyond the range of integers"
        return DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "expected an integer, \(found)"))
    }

    private static func text(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    }
}

/// An array index as a coding key.
struct IndexKey: CodingKey {
    var stringValue: String { "\(intValue ?? 0)" }
    var intValue: Int?
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}
