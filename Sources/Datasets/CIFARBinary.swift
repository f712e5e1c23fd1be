import Foundation

/// CIFAR-10's binary batches (https://www.cs.toronto.edu/~kriz/cifar.html): records of one label
/// byte followed by 3,072 pixel bytes, the red, green and blue 32x32 planes in turn (so CHW).
public enum CIFARBinary {
    /// Bytes per record.
    public static let recordSize = 1 + 3 * 32 * 32

    /// Decodes one batch file into pixels (NCHW) and labels.
    /// - Throws: `DatasetError.malformed` when the size is not a whole number of records or a label
    ///   is not 0...9.
    public static func decode(_ data: Data, file: String) throws -> (pixels: [UInt8], labels: [Int]) {
        guard !data.isEmpty, data.count % recordSize == 0 else {
            throw DatasetError.malformed(
                file: file, field: "CIFAR batch size", offset: data.count - data.count % recordSize,
                found: "\(data.count) bytes", expected: "a positive multiple of \(recordSize) (label + 3x32x32 pixels)")
        }
        let count = data.count / recordSize
        var pixels = [UInt8](repeating: 0, count: count * (recordSize - 1))
        var labels = [Int](repeating: 0, count: count)
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            try pixels.withUnsafeMutableBytes { out in
                for record in 0..<count {
                    let label = raw[record * recordSize]
                    guard label < 10 else {
                        throw DatasetError.malformed(
                            file: file, field: "CIFAR label of record \(record)", offset: record * recordSize,
                            found: "\(label)", expected: "0...9")
                    }
                    labels[record] = Int(label)
                    out.baseAddress!.advanced(by: record * (recordSize - 1))
                        .copyMemory(from: raw.baseAddress!.advanced(by: record * recordSize + 1), byteCount: recordSize - 1)
                }
            }
        }
        return (pixels, labels)
    }
}
