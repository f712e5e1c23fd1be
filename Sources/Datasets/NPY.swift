import Foundation

/// A decoded NumPy array: its shape and its values in C (row-major) order.
public struct NPYArray: Sendable, Equatable {
    /// The element values, in one of the supported types.
    public enum Values: Sendable, Equatable {
        case uint8([UInt8])
        case int64([Int64])
        case float32([Float])
        case float64([Double])
    }

    /// Sizes of the dimensions, outermost first (`[546, 28, 28]`); empty for a scalar.
    public let shape: [Int]
    /// The values in C order (converted from Fortran order when the file uses it).
    public let values: Values

    /// Number of elements (the product of `shape`).
    public var count: Int { shape.reduce(1, *) }

    /// The values as unsigned bytes, or `nil` when the array holds another type.
    public var uint8Values: [UInt8]? {
        if case let .uint8(values) = values { return values }
        return nil
    }

    /// The values as integers when the array holds uint8 or int64 values, else `nil`.
    public var integerValues: [Int]? {
        switch values {
        case let .uint8(values): return values.map(Int.init)
        case let .int64(values): return values.map(Int.init)
        case .float32, .float64: return nil
        }
    }
}

/// The `.npy` format (numpy's `format.py`, versions 1 to 3): the magic `\x93NUMPY`, a version,
/// a little-endian header length, a Python-literal header dict with `descr`, `fortran_order` and
/// `shape`, then the raw values. Supported element types: `|u1`, `<i8`, `<f4`, `<f8`.
public enum NPY {
    /// The largest array accepted (4 GiB of values): larger declared shapes are refused before allocating.
    public static let defaultLimit = 4 << 30

    /// Decodes an `.npy` file.
    /// - Parameter file: the name used in error messages.
    /// - Throws: `DatasetError.malformed` naming `file`, the byte offset and what was expected, for a
    ///   wrong magic, an unsupported version or type, an unparsable header, or a data section whose
    ///   length does not match the shape.
    public static func decode(_ data: Data, file: String, limit: Int = defaultLimit) throws -> NPYArray {
        let bytes = [UInt8](data.prefix(12))
        let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // \x93NUMPY
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else {
            throw DatasetError.malformed(
                file: file, field: "NPY magic", offset: 0, found: bytes.count < 10 ? "\(data.count) bytes in the file" : "another magic",
                expected: "\\x93NUMPY followed by a version (an .npy file)")
        }
        let major = bytes[6]
        let headerLength: Int
        let headerStart: Int
        switch major {
        case 1:
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        case 2, 3:
            guard bytes.count >= 12 else {
                throw DatasetError.malformed(
                    file: file, field: "NPY header length", offset: 8, found: "end of file", expected: "a 4-byte header length")
            }
            headerLength = (0..<4).reduce(0) { $0 | Int(bytes[8 + $1]) << (8 * $1) }
            headerStart = 12
        default:
            throw DatasetError.malformed(
                file: file, field: "NPY version", offset: 6, found: "\(major).\(bytes[7])", expected: "1.0, 2.0 or 3.0")
        }
        guard headerLength <= data.count - headerStart else {
            throw DatasetError.malformed(
                file: file, field: "NPY header", offset: 8, found: "a \(headerLength)-byte header in a \(data.count)-byte file",
                expected: "a header inside the file")
        }
        let start = data.startIndex
        let header = String(decoding: data[(start + headerStart)..<(start + headerStart + headerLength)], as: UTF8.self)
        let dataOffset = headerStart + headerLength
        let parsed = try NPYHeader.parse(header, file: file, offset: headerStart)

        var count = 1
        for size in parsed.shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow else {
                throw DatasetError.malformed(
                    file: file, field: "NPY shape", offset: headerStart, found: "\(parsed.shape)", expected: "a shape that fits in memory")
            }
            count = product
        }
        let elementSize = parsed.type.size
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: elementSize)
        guard !overflow, byteCount <= limit else {
            throw DatasetError.malformed(
                file: file, field: "NPY shape", offset: headerStart, found: "\(parsed.shape) (\(overflow ? "too many" : "\(byteCount)") bytes)",
                expected: "at most \(limit) bytes of values")
        }
        let present = data.count - dataOffset
        guard present == byteCount else {
            throw DatasetError.malformed(
                file: file, field: "NPY data", offset: dataOffset, found: "\(present) bytes",
                expected: "\(byteCount) bytes (\(parsed.shape) of \(parsed.type.descr))")
        }
        let raw = data[(start + dataOffset)...]
        let order = parsed.fortranOrder && parsed.shape.count > 1 ? cOrderPermutation(parsed.shape) : nil
        func reorder<T>(_ values: [T]) -> [T] {
            guard let order else { return values }
            return order.map { values[$0] }
        }
        let values: NPYArray.Values
        switch parsed.type {
        case .uint8:
            values = .uint8(reorder([UInt8](raw)))
        case .int64:
            values = .int64(reorder(littleEndian(raw, count: count) { Int64(bitPattern: $0) }))
        case .float32:
            values = .float32(reorder(littleEndian(raw, count: count) { (bits: UInt32) in Float(bitPattern: bits) }))
        case .float64:
            values = .float64(reorder(littleEndian(raw, count: count) { (bits: UInt64) in Double(bitPattern: bits) }))
        }
        return NPYArray(shape: parsed.shape, values: values)
    }

    /// For each C-order position, the Fortran-order index holding its value.
    private static func cOrderPermutation(_ shape: [Int]) -> [Int] {
        let count = shape.reduce(1, *)
        var fortranStrides = [Int](repeating: 1, count: shape.count)
        for axis in 1..<shape.count { fortranStrides[axis] = fortranStrides[axis - 1] * shape[axis - 1] }
        var result = [Int](repeating: 0, count: count)
        var index = [Int](repeating: 0, count: shape.count)
        for position in 0..<count {
            var source = 0
            for axis in 0..<shape.count { source += index[axis] * fortranStrides[axis] }
            result[position] = source
            var axis = shape.count - 1
            while axis >= 0 {
                index[axis] += 1
                if index[axis] < shape[axis] { break }
                index[axis] = 0
                axis -= 1
            }
        }
        return result
    }

    private static func littleEndian<Bits: FixedWidthInteger, T>(
        _ raw: Data, count: Int, _ convert: (Bits) -> T
    ) -> [T] {
        raw.withUnsafeBytes { buffer in
            (0..<count).map { convert(Bits(littleEndian: buffer.loadUnaligned(fromByteOffset: $0 * MemoryLayout<Bits>.size, as: Bits.self))) }
        }
    }
}
