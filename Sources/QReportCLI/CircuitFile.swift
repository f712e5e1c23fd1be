import Foundation
import Results
import QuantumSim

/// A circuit file read from disk: the document and its validated circuit. Every problem is a
/// `UserFacingError` starting with the file's path (`FILE: operations[3].wires[0]: wire 7 out of range 0..<5`).
/// The file's size, its weights and its expanded gates are checked against `budget` before they are read or built.
struct CircuitFile {
    let path: String
    let document: CircuitDocument
    let circuit: Circuit

    init(path: String, budget: MemoryBudget = MemoryBudget(bytes: MemoryBudget.machineDefault())) throws {
        self.path = path
        let data = try Self.read(path, limit: budget.maxCircuitFileBytes)
        do {
            document = try CircuitDocument.parse(data)
            circuit = try document.circuit(memoryBudget: budget.bytes)
        } catch let error as CircuitDocumentError {
            throw UserFacingError("\(path): \(error)")
        }
    }

    /// The file's bytes; a folder, an unreadable file or one over `limit` bytes is an error naming the path.
    static func read(_ path: String, limit: Int) throws -> Data {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw UserFacingError("\(path): cannot read the file (\(FileIOError.cause(error)))")
        }
        if attributes[.type] as? FileAttributeType == .typeDirectory {
            throw UserFacingError("\(path): is a folder; expected a circuit file")
        }
        if let size = attributes[.size] as? Int, size > limit {
            throw UserFacingError("\(path): \(ByteCount.describe(size)); circuit files are limited to \(ByteCount.describe(limit)) "
                                  + "(1/64 of the memory budget, at most \(ByteCount.describe(MemoryBudget.maxCircuitFileBytes)))")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw UserFacingError("\(path): cannot read the file (permission denied or not a regular file)")
        }
        defer { try? handle.close() }
        do {
            // Read one byte past the limit: a file that grew (or a device without a size) is still refused.
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            guard data.count <= limit else {
                throw UserFacingError("\(path): more than \(ByteCount.describe(limit)); circuit files are limited to \(ByteCount.describe(limit))")
            }
            return data
        } catch let error as UserFacingError {
            throw error
        } catch {
            throw UserFacingError("\(path): cannot read the file (\(FileIOError.cause(error)))")
        }
    }
}
