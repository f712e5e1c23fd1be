import Foundation

/// NumPy's `.npz`: a zip archive (stored or deflated members) of `<name>.npy` files.
public struct NPZ: Sendable {
    /// The underlying zip archive.
    public let archive: ZipArchive

    /// Reads the archive's directory.
    /// - Throws: the `DatasetError.malformed` of `ZipArchive`.
    public init(data: Data, file: String) throws {
        archive = try ZipArchive(data: data, file: file)
    }

    /// The array names (member names without `.npy`).
    public var names: [String] {
        archive.members.map { $0.name.hasSuffix(".npy") ? String($0.name.dropLast(4)) : $0.name }
    }

    /// The array stored as `<name>.npy`.
    /// - Throws: `DatasetError.malformed` when it is missing or does not decode.
    public func array(_ name: String) throws -> NPYArray {
        guard let member = archive.member(named: name + ".npy") else {
            throw DatasetError.malformed(
                file: archive.file, field: "npz array", offset: 0, found: "no array \(name)",
                expected: "one of \(names.joined(separator: ", "))")
        }
        return try NPY.decode(try archive.extract(member), file: "\(archive.file): \(member.name)")
    }
}
