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
    /// or `.zip`), never extracted to disk. JPEG and PNG images (told apart by their first bytes)
    /// are decoded to the registry's channels as Pillow's `convert` does, then cropped and resized
    /// by the entry's `preparation`.
    static func loadImageFolders(
        entry: DatasetEntry, split: DatasetSplit, file fileName: String, root: String,
        selection: DatasetSplit.FolderSelection, locator: DataLocator
    ) throws -> LoadedImageSet {
        #if canImport(CJPEG)
        let (content, provenance) = try readVerified(fileName, of: entry, locator: locator)
        let archive = try ArchiveContents(content, file: provenance.path)
        let chosen = try selectImages(
            entry: entry, split: split, root: root, selection: selection, archive: archive, file: provenance.path)
        guard chosen.count == split.count else {
            throw DatasetError.inconsistent(
                dataset: entry.name, file: provenance.path, field: "\(split.kind.rawValue) image count",
                found: "\(chosen.count)", expected: "\(split.count)")
        }
        let channels = entry.channels, height = entry.height, width = entry.width
        let imageSize = channels * height * width
        var pixels = [UInt8](repeating: 0, count: chosen.count * imageSize)
        let decoder = try ImageDecoder()
        for (position, image) in chosen.enumerated() {
            let label = "\(provenance.path): \(image.path)"
            let decoded = try decoder.decode(try archive.content(image.path), channels: channels, file: label)
            let prepared = try entry.preparation.apply(
                to: PlanarImage(interleaved: decoded.pixels, channels: channels, height: decoded.height, width: decoded.width),
                width: width, height: height, dataset: entry.name, file: label)
            pixels.replaceSubrange((position * imageSize)..<((position + 1) * imageSize), with: prepared.pixels)
        }
        let classNames = entry.classNames.isEmpty
            ? try ImageFolderIndex(paths: archive.paths, root: root, classNames: [], dataset: entry.name, file: provenance.path).classNames
            : entry.classNames
        let set = ImageSet(
            channels: channels, height: height, width: width, pixels: pixels, labels: chosen.map(\.label), classNames: classNames)
        return LoadedImageSet(dataset: entry.name, split: split.kind, images: set, files: [provenance])
        #else
        let file = try entry.file(named: fileName)
        throw DatasetError.unsupported(
            dataset: entry.name, file: file.acceptedNames[0],
            reason: "its images are JPEG files, and this build has no JPEG decoder (the CJPEG system-library target)")
        #endif
    }

    /// The images of the split, in order, with their labels.
    private static func selectImages(
        entry: DatasetEntry, split: DatasetSplit, root: String, selection: DatasetSplit.FolderSelection,
        archive: ArchiveContents, file: String
    ) throws -> [ImageFolderIndex.Image] {
        if case let .listed(member) = selection {
            return try listedImages(entry: entry, root: root, list: try archive.content(member), member: member, archive: archive, file: file)
        }
        let index = try ImageFolderIndex(paths: archive.paths, root: root, classNames: entry.classNames, dataset: entry.name, file: file)
        var excluded: [String] = []
        let seed: UInt64, testCount: Int
        switch selection {
        case .all, .listed:
            return index.images
        case let .seededPartition(partitionSeed, count, paths):
            (seed, testCount, excluded) = (partitionSeed, count, paths)
        case let .seededPartitionWithoutCrossClassDuplicates(partitionSeed, count):
            (seed, testCount) = (partitionSeed, count)
            var labelsByContent: [String: Set<Int>] = [:]
            var contentOf: [String: String] = [:]
            for image in index.images {
                let md5 = MD5.hex(try archive.content(image.path))
                contentOf[image.path] = md5
                labelsByContent[md5, default: []].insert(image.label)
            }
            excluded = index.images.filter { labelsByContent[contentOf[$0.path]!]!.count > 1 }.map(\.path)
        }
        let remaining = index.images.count - Set(excluded).count
        guard testCount <= remaining else {
            throw DatasetError.inconsistent(
                dataset: entry.name, file: file, field: "image count", found: "\(remaining)",
                expected: "more than the \(testCount) test images")
        }
        let parts = index.partition(seed: seed, testCount: testCount, excluded: excluded)
        return (split.kind == .test ? parts.test : parts.train).map { index.images[$0] }
    }

    /// The images a `<image id> <class name>` list names, for the entry's classes, as `<root>/<id>.jpg`.
    private static func listedImages(
        entry: DatasetEntry, root: String, list: Data, member: String, archive: ArchiveContents, file: String
    ) throws -> [ImageFolderIndex.Image] {
        let labels = Dictionary(uniqueKeysWithValues: entry.classNames.enumerated().map { ($1, $0) })
        let present = Set(archive.paths)
        var images: [ImageFolderIndex.Image] = []
        for (number, line) in String(decoding: list, as: UTF8.self).split(whereSeparator: \.isNewline).enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            guard let space = text.firstIndex(of: " ") else {
                throw DatasetError.malformed(
                    file: "\(file): \(member)", field: "line \(number + 1)", offset: 0, found: "\"\(text)\"",
                    expected: "an image id, a space and a class name")
            }
            guard let label = labels[String(text[text.index(after: space)...])] else { continue }
            let path = (root.isEmpty ? "" : root + "/") + text[..<space] + ".jpg"
            guard present.contains(path) else {
                throw DatasetError.inconsistent(
                    dataset: entry.name, file: file, field: "image listed in \(member) line \(number + 1)",
                    found: "no \(path)", expected: "the image in the archive")
            }
            images.append(ImageFolderIndex.Image(path: path, label: label))
        }
        return images
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
