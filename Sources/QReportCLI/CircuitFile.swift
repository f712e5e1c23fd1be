import Foundation
import QuantumSim

/// A circuit file read from disk: the document and its validated circuit. Every problem is a
/// `UserFacingError` starting with the file's path (`FILE: operations[3].wires[0]: wire 7 out of range 0..<5`).
struct CircuitFile {
    let path: String
    let document: CircuitDocument
    let circuit: Circuit

    init(path: String) throws {
        self.path = path
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw UserFacingError("\(path): cannot read the file (\((error as NSError).localizedDescription))")
        }
        do {
            document = try CircuitDocument.parse(data)
            circuit = try document.circuit()
        } catch let error as CircuitDocumentError {
            throw UserFacingError("\(path): \(error)")
        }
    }
}
