import Foundation

/// A layer's parameters and buffers by name, saved as JSON with each tensor's Float32 values
/// as little-endian bytes in base64 (bit-exact round trip, independent of the platform).
public struct Checkpoint: Codable, Equatable {
    /// One named tensor.
    public struct Entry: Codable, Equatable {
        /// The parameter's or buffer's name.
        public var name: String
        /// Its shape.
        public var shape: [Int]
        /// Its values as little-endian Float32 bytes.
        public var bytes: Data
    }
    /// The format identifier, `"qreport-checkpoint-1"`.
    public var format: String
    /// Parameters, then buffers, in the layer's order.
    public var entries: [Entry]

    /// The current values of `layer`'s parameters and buffers.
    public init(_ layer: any Layer) {
        format = "qreport-checkpoint-1"
        entries = layer.parameters.map { Entry(name: $0.name, shape: $0.tensor.shape, bytes: Self.encode($0.tensor.data)) }
            + layer.buffers.map { Entry(name: $0.name, shape: $0.shape, bytes: Self.encode($0.values)) }
    }

    /// Writes the checkpoint of `layer` to `url`.
    public static func save(_ layer: any Layer, to url: URL) throws {
        try JSONEncoder().encode(Checkpoint(layer)).write(to: url, options: .atomic)
    }

    /// Reads `url` and copies its values into `layer`'s parameters and buffers.
    /// - Throws: `CheckpointError` naming the file and the tensor when the format is unknown,
    ///   a name is missing, or a shape differs; `layer` is left unchanged then.
    public static func load(_ url: URL, into layer: any Layer) throws {
        let checkpoint: Checkpoint
        do {
            checkpoint = try JSONDecoder().decode(Checkpoint.self, from: Data(contentsOf: url))
        } catch {
            throw CheckpointError(file: url.path, "cannot be read as a checkpoint (\(error.localizedDescription))")
        }
        try checkpoint.restore(into: layer, file: url.path)
    }

    /// Copies the values into `layer` (all checked first, then all written).
    public func restore(into layer: any Layer, file: String = "checkpoint") throws {
        guard format == "qreport-checkpoint-1" else { throw CheckpointError(file: file, "format \(format), expected qreport-checkpoint-1") }
        let byName = Dictionary(entries.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var writes: [(String, [Float])] = []
        let targets = layer.parameters.map { ($0.name, $0.tensor.shape) } + layer.buffers.map { ($0.name, $0.shape) }
        for (name, shape) in targets {
            guard let entry = byName[name] else { throw CheckpointError(file: file, "has no tensor \(name)") }
            guard entry.shape == shape, entry.bytes.count == 4 * shape.reduce(1, *) else {
                throw CheckpointError(file: file, "tensor \(name) has shape \(entry.shape) (\(entry.bytes.count) bytes), the model needs \(shape)")
            }
            writes.append((name, Self.decode(entry.bytes)))
        }
        var values = Dictionary(writes, uniquingKeysWith: { first, _ in first })
        for p in layer.parameters { p.tensor.data = values.removeValue(forKey: p.name) ?? p.tensor.data }
        for b in layer.buffers { b.values = values.removeValue(forKey: b.name) ?? b.values }
    }

    /// `values` as little-endian Float32 bytes (bit-exact, NaN payloads included).
    public static func encode(_ values: [Float]) -> Data {
        var data = Data(capacity: 4 * values.count)
        for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    /// The Float32 values of little-endian `data` (whose size must be a multiple of 4).
    public static func decode(_ data: Data) -> [Float] {
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count, by: 4).map { i in
            Float(bitPattern: UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24)
        }
    }
}
