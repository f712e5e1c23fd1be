import Foundation

/// A decoded IDX array of unsigned bytes: its dimensions (outermost first) and values in row-major order.
public struct IDXArray: Sendable, Equatable {
    /// Sizes of the dimensions, outermost first (MNIST images: `[count, 28, 28]`; labels: `[count]`).
    public let dimensions: [Int]
    /// The values in row-major order; `values.count` is the product of `dimensions`.
    public let values: [UInt8]

    /// - Precondition: `values.count` is the product of `dimensions`.
    public init(dimensions: [Int], values: [UInt8]) {
        precondition(dimensions.reduce(1, *) == values.count, "IDXArray: \(values.count) values for \(dimensions)")
        self.dimensions = dimensions
        self.values = values
    }
}

/// The IDX format of the MNIST files (http://yann.lecun.com/exdb/mnist/): a 4-byte magic
/// `0x00 0x00 <type> <rank>`, `rank` big-endian UInt32 dimension sizes, then the values.
public enum IDX {
    /// Decodes an IDX file of unsigned bytes (type 0x08).
    ///
    /// The size the header declares is checked against the bytes actually present before
    /// anything is allocated.
    /// - Parameter file: the name used in error messages.
    /// - Throws: `DatasetError.malformed` naming `file`, the byte offset, the value found and the
    ///   value expected, for a wrong magic, another element type, a truncated header, or a data
    ///   section shorter or longer than declared.
    public static func decode(_ data: Data, file: String) throws -> IDXArray {
        let bytes = [UInt8](data.prefix(4))
        guard bytes.count == 4 else {
            throw DatasetError.malformed(
                file: file, field: "IDX magic", offset: 0, found: "\(data.count) bytes in the file",
                expected: "a 4-byte magic 0x00 0x00 <type> <rank>")
        }
        guard bytes[0] == 0, bytes[1] == 0 else {
            throw DatasetError.malformed(
                file: file, field: "IDX magic", offset: 0, found: hex(bytes),
                expected: "0x00 0x00 <type> <rank> (an IDX file)")
        }
        guard bytes[2] == 0x08 else {
            throw DatasetError.malformed(
                file: file, field: "IDX element type", offset: 2, found: typeName(bytes[2]),
                expected: "0x08 (unsigned byte)")
        }
        let rank = Int(bytes[3])
        guard rank >= 1 else {
            throw DatasetError.malformed(
                file: file, field: "IDX rank", offset: 3, found: "0", expected: "at least 1 dimension")
        }
        let headerSize = 4 + 4 * rank
        guard data.count >= headerSize else {
            throw DatasetError.malformed(
                file: file, field: "IDX dimension sizes", offset: 4, found: "\(data.count) bytes in the file",
                expected: "a \(headerSize)-byte header for \(rank) dimensions")
        }
        let start = data.startIndex
        var dimensions: [Int] = []
        var declared = 1
        var overflow = false
        for i in 0..<rank {
            var size = 0
            for j in 0..<4 { size = size << 8 | Int(data[start + 4 + 4 * i + j]) }
            dimensions.append(size)
            let (product, didOverflow) = declared.multipliedReportingOverflow(by: size)
            overflow = overflow || didOverflow
            declared = product
        }
        let present = data.count - headerSize
        let shape = dimensions.map(String.init).joined(separator: " x ")
        guard !overflow, declared == present else {
            let found = present < declared || overflow ? "only \(present) bytes of data" : "\(present) bytes of data"
            throw DatasetError.malformed(
                file: file, field: "IDX data", offset: headerSize, found: found,
                expected: overflow ? "\(shape) values (more than fit in memory)" : "\(declared) bytes (\(shape))")
        }
        return IDXArray(dimensions: dimensions, values: [UInt8](data[(start + headerSize)...]))
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { "0x" + String($0, radix: 16, uppercase: true).leftPadded(to: 2) }.joined(separator: " ")
    }

    private static func typeName(_ code: UInt8) -> String {
        let names: [UInt8: String] = [
            0x09: "signed byte", 0x0B: "int16", 0x0C: "int32", 0x0D: "float32", 0x0E: "float64",
        ]
        return hex([code]) + " (\(names[code] ?? "unknown type"))"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
