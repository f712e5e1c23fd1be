import Foundation

/// The header dict of an `.npy` file, e.g. `{'descr': '|u1', 'fortran_order': False, 'shape': (546, 28, 28), }`:
/// a Python literal, parsed here only as far as that grammar goes (no `eval`).
struct NPYHeader {
    /// The element types qreport reads.
    enum ElementType {
        case uint8, int64, float32, float64

        var size: Int {
            switch self {
            case .uint8: return 1
            case .int64, .float64: return 8
            case .float32: return 4
            }
        }

        var descr: String {
            switch self {
            case .uint8: return "|u1"
            case .int64: return "<i8"
            case .float32: return "<f4"
            case .float64: return "<f8"
            }
        }
    }

    let type: ElementType
    let fortranOrder: Bool
    let shape: [Int]

    /// - Throws: `DatasetError.malformed` for a header that is not such a dict, lacks a key, or has
    ///   an unsupported `descr`.
    static func parse(_ header: String, file: String, offset: Int) throws -> NPYHeader {
        func fail(_ found: String, _ expected: String) -> DatasetError {
            .malformed(file: file, field: "NPY header", offset: offset, found: found, expected: expected)
        }
        func value(of key: String) throws -> Substring {
            guard let keyRange = header.range(of: "'\(key)'") ?? header.range(of: "\"\(key)\"") else {
                throw fail("no '\(key)' in \(header.prefix(120).debugDescription)", "a dict with 'descr', 'fortran_order' and 'shape'")
            }
            var rest = header[keyRange.upperBound...].drop { $0 == " " }
            guard rest.first == ":" else { throw fail("'\(key)' without a value", "'\(key)': value") }
            rest = rest.dropFirst().drop { $0 == " " }
            return rest
        }

        let descrValue = try value(of: "descr")
        guard let quote = descrValue.first, quote == "'" || quote == "\"",
            let close = descrValue.dropFirst().firstIndex(of: quote)
        else { throw fail("descr \(descrValue.prefix(20).debugDescription)", "a quoted type string") }
        let descr = String(descrValue[descrValue.index(after: descrValue.startIndex)..<close])
        let type: ElementType
        switch descr {
        case "|u1", "<u1", "u1", "B": type = .uint8
        case "<i8": type = .int64
        case "<f4": type = .float32
        case "<f8": type = .float64
        default: throw fail("descr '\(descr)'", "one of |u1, <i8, <f4, <f8")
        }

        let orderValue = try value(of: "fortran_order")
        let fortranOrder: Bool
        if orderValue.hasPrefix("True") {
            fortranOrder = true
        } else if orderValue.hasPrefix("False") {
            fortranOrder = false
        } else {
            throw fail("fortran_order \(orderValue.prefix(10).debugDescription)", "True or False")
        }

        let shapeValue = try value(of: "shape")
        guard shapeValue.first == "(", let end = shapeValue.firstIndex(of: ")") else {
            throw fail("shape \(shapeValue.prefix(30).debugDescription)", "a tuple of sizes")
        }
        var shape: [Int] = []
        for part in shapeValue[shapeValue.index(after: shapeValue.startIndex)..<end].split(separator: ",") {
            let text = part.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            guard let size = Int(text.hasSuffix("L") ? String(text.dropLast()) : text), size >= 0 else {
                throw fail("shape entry \(text.debugDescription)", "a non-negative integer")
            }
            shape.append(size)
        }
        return NPYHeader(type: type, fortranOrder: fortranOrder, shape: shape)
    }
}
