import Foundation

extension ImageSetLoader {
    /// Whether this build decodes JPEG images (it links libjpeg-turbo through the CJPEG target).
    public static var decodesJPEG: Bool {
        #if canImport(CJPEG)
        return true
        #else
        return false
        #endif
    }

    /// A split of a one-folder-per-class dataset read straight from its archive (`.tar.gz`, `.tar`
    /// or `.zip`), never extracted to disk. Images must have the registry's size.
    static func loadImageFolders(
        entry: DatasetEntry, split: DatasetSplit, file fileName: String, root: String,
        selection: DatasetSplit.FolderSelection, locator: DataLocator
    ) throws -> LoadedImageSet {
        let file = try entry.file(named: fileName)
        if case .listed = selection {
            throw DatasetError.unsupported(
                dataset: entry.name, file: file.acceptedNames[0],
                reason: "list-selected images of varying size need resizing on load, which is not implemented yet")
        }
        #if canImport(CJPEG)
        let (content, provenance) = try readVerified(fileName, of: entry, locator: locator)
        let archive = try ArchiveContents(content, file: provenance.path)
        let index = try ImageFolderIndex(
            paths: archive.paths, root: root, classNames: entry.classNames, dataset: entry.name, file: provenance.path)
        let chosen: [Int]
        switch selection {
        case .all, .listed:
            chosen = Array(index.images.indices)
        case let .seededPartition(seed, testCount, excluded):
            guard testCount <= index.images.count - excluded.count else {
                throw DatasetError.inconsistent(
                    dataset: entry.name, file: provenance.path, field: "image count", found: "\(index.images.count)",
                    expected: "more than the \(testCount) test images")
            }
            let parts = index.partition(seed: seed, testCount: testCount, excluded: excluded)
            chosen = split.kind == .test ? parts.test : parts.train
        }
        guard chosen.count == split.count else {
            throw DatasetError.inconsistent(
                dataset: entry.name, file: provenance.path, field: "\(split.kind.rawValue) image count",
                found: "\(chosen.count)", expected: "\(split.count)")
        }
        let channels = entry.channels, height = entry.height, width = entry.width
        let imageSize = channels * height * width
        var pixels = [UInt8](repeating: 0, count: chosen.count * imageSize)
        let decoder = try JPEG.Decoder()
        for (position, imageIndex) in chosen.enumerated() {
            let image = index.images[imageIndex]
            let label = "\(provenance.path): \(image.path)"
            guard !image.path.lowercased().hasSuffix(".png") else {
                throw DatasetError.unsupported(
                    dataset: entry.name, file: label, reason: "PNG decoding needs the CPNG system-library target")
            }
            let decoded = try decoder.decode(try archive.content(image.path), channels: channels, file: label)
            guard decoded.width == width, decoded.height == height else {
                throw DatasetError.inconsistent(
                    dataset: entry.name, file: label, field: "image size", found: "\(decoded.width) x \(decoded.height)",
                    expected: "\(width) x \(height)")
            }
            let base = position * imageSize
            if channels == 1 {
                pixels.replaceSubrange(base..<(base + imageSize), with: decoded.pixels)
            } else {
                let plane = height * width
                for p in 0..<plane {
                    for c in 0..<channels { pixels[base + c * plane + p] = decoded.pixels[p * channels + c] }
                }
            }
        }
        let set = ImageSet(
            channels: channels, height: height, width: width, pixels: pixels, labels: chosen.map { index.images[$0].label },
            classNames: index.classNames)
        return LoadedImageSet(dataset: entry.name, split: split.kind, images: set, files: [provenance])
        #else
        throw DatasetError.unsupported(
            dataset: entry.name, file: file.acceptedNames[0],
            reason: "its images are JPEG files, and this build has no JPEG decoder (the CJPEG system-library target)")
        #endif
    }
}

/// The members of a dataset archive, whichever container it is: gzip'd tar, tar or zip.
struct ArchiveContents {
    private enum Storage {
        case tar(TarArchive, [String: TarArchive.Member])
        case zip(ZipArchive, [String: ZipArchive.Member])
    }
    private let storage: Storage

    /// - Throws: the container's `DatasetError.malformed`.
    init(_ data: Data, file: String) throws {
        if data.count >= 4, data[data.startIndex] == 0x50, data[data.startIndex + 1] == 0x4B {
            let zip = try ZipArchive(data: data, file: file)
            storage = .zip(zip, Dictionary(zip.members.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }))
        } else {
            let tar = try TarArchive(data: Gzip.isGzip(data) ? try Gzip.decompress(data, file: file) : data, file: file)
            storage = .tar(tar, Dictionary(tar.members.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }))
        }
    }

    /// Every member path.
    var paths: [String] {
        switch storage {
        case let .tar(_, members): return Array(members.keys)
        case let .zip(_, members): return Array(members.keys)
        }
    }

    /// The bytes of the member at `path`.
    func content(_ path: String) throws -> Data {
        switch storage {
        case let .tar(tar, members):
            guard let member = members[path] else { throw missing(path, tar.file) }
            return tar.content(of: member)
        case let .zip(zip, members):
            guard let member = members[path] else { throw missing(path, zip.file) }
            return try zip.extract(member)
        }
    }

    private func missing(_ path: String, _ file: String) -> DatasetError {
        .malformed(file: file, field: "archive member", offset: 0, found: "no \(path)", expected: "the member listed")
    }
}
